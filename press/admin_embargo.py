"""The press office's view of embargoed reads in the Wagtail admin (Reports → Embargoed reads), with CSV export.

Its hooks register when press/wagtail_hooks.py imports this module."""

import datetime

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView

from moderation.selectors import missions_of

from .selectors import embargo_reads_visible_to, user_is_press_office


def may_see_embargo_reads(user) -> bool:
    """The press office, and the staff of a mission (for its own releases)."""
    return user_is_press_office(user=user) or missions_of(user=user).exists()


class EmbargoReadReportView(ReportView):
    """Which journalist (or, once deleted, which outlet) read which embargoed copy, when, and through what."""

    page_title = _("Embargoed reads")
    header_icon = "view"
    results_template_name = "press/embargo_reads_results.html"
    index_url_name = "press_embargo_reads"
    index_results_url_name = "press_embargo_reads_results"
    paginate_by = 100
    list_export = ["read_at", "journalist", "journalist_pseudonym", "outlet", "mission", "page_id", "page_title", "revision_id", "locale", "channel"]
    export_headings = {
        "read_at": _("When (UTC)"),
        "journalist": _("Journalist"),
        "journalist_pseudonym": _("Deleted account"),
        "outlet": _("Outlet"),
        "mission": _("Mission"),
        "page_id": _("Page ID"),
        "page_title": _("Release"),
        "revision_id": _("Revision"),
        "locale": _("Language"),
        "channel": _("Through"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not may_see_embargo_reads(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return embargo_reads_visible_to(user=self.request.user)

    def get_filtered_queryset(self):
        return self.get_queryset()

    def get_filename(self):
        return f"embargoed-reads-{datetime.date.today():%Y-%m-%d}"


@hooks.register("register_admin_urls")
def register_embargo_urls():
    return [
        path("reports/embargoed-reads/", EmbargoReadReportView.as_view(), name="press_embargo_reads"),
        path(
            "reports/embargoed-reads/results/",
            EmbargoReadReportView.as_view(results_only=True),
            name="press_embargo_reads_results",
        ),
    ]


class EmbargoReadsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_embargo_reads(request.user)


@hooks.register("register_reports_menu_item")
def register_embargo_reads_menu_item():
    return EmbargoReadsMenuItem(_("Embargoed reads"), reverse("press_embargo_reads"), icon_name="view", order=9300)
