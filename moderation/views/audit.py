"""The moderation audit: every transition per page, and the HQ report with its chart and CSV export."""

import datetime

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from ..charts import review_charts
from ..filters import AuditFilterSet
from ..models import Transition
from ..permissions import review_policy
from ..selectors import transitions_visible_to, weekly_review_stats


class ModerationReportView(ReportView):
    """Who moved what, when, from and to which state, with submissions and median review time per region per week."""

    page_title = _("Moderation audit")
    header_icon = "history"
    template_name = "moderation/audit_report.html"
    results_template_name = "moderation/audit_report_results.html"
    index_url_name = "moderation_audit"
    index_results_url_name = "moderation_audit_results"
    filterset_class = AuditFilterSet
    paginate_by = 100
    list_export = [
        "at", "region", "mission", "page_id", "page_title", "actor", "from_status", "to_status", "comment", "review_seconds"
    ]
    export_headings = {
        "at": _("When (UTC)"),
        "region": _("Region"),
        "mission": _("Mission"),
        "page_id": _("Page ID"),
        "page_title": _("Title"),
        "actor": _("Who"),
        "from_status": _("From"),
        "to_status": _("To"),
        "comment": _("Comment"),
        "review_seconds": _("Review time (seconds)"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not review_policy.user_can_use_queue(user=request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return self.filter_queryset(transitions_visible_to(user=self.request.user))

    def get_filtered_queryset(self):
        return self.get_queryset()

    def get_filename(self):
        return f"moderation-audit-{datetime.date.today():%Y-%m-%d}"

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        row["from_status"], row["to_status"] = item.get_from_status_display(), item.get_to_status_display()
        row["actor"] = (item.actor.get_full_name() or item.actor.username) if item.actor else ""
        return row

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.results_only and not self.is_export:
            context["charts"] = review_charts(weekly_review_stats(transitions=self.object_list))
        return context


class PageModerationHistoryView(WagtailAdminTemplateMixin, TemplateView):
    """A page's moderation history: every submission, decision and withdrawal, with comments."""

    template_name = "moderation/page_history.html"
    page_title = _("Moderation history")
    header_icon = "history"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id)
        user = request.user
        if not (
            self.page.permissions_for_user(user).can_edit()
            or transitions_visible_to(user=user).filter(page_id=self.page.pk).exists()
        ):
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = self.page
        context["transitions"] = Transition.objects.filter(page=self.page).select_related("actor").order_by("at", "pk")
        return context
