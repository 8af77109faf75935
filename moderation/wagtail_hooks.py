"""Admin registration of moderation: the review queue, the mission dashboard, the audit report and workflow rules."""

from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from hub.isolation import admin_object_kind, visible_ids

from .models import Submission, WorkflowRule
from .permissions import review_policy
from .selectors import missions_overseen_by, submissions_in_review
from .views import audit, dashboard, queue


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path("moderation/queue/", queue.ReviewQueueView.as_view(), name="moderation_queue"),
        path("moderation/queue/results/", queue.ReviewQueueView.as_view(results_only=True), name="moderation_queue_results"),
        path("moderation/queue/<int:pk>/", queue.ReviewView.as_view(), name="moderation_review"),
        path("moderation/queue/<int:pk>/claim/", queue.claim, name="moderation_claim"),
        path("moderation/queue/<int:pk>/compare/", queue.SubmissionCompareView.as_view(), name="moderation_compare"),
        path("moderation/queue/<int:pk>/preview/", queue.preview, name="moderation_preview"),
        path("moderation/mission/", dashboard.MissionDashboardView.as_view(), name="moderation_dashboard"),
        path("moderation/pages/<int:page_id>/", audit.PageModerationHistoryView.as_view(), name="moderation_page_history"),
        path("reports/moderation/", audit.ModerationReportView.as_view(), name="moderation_audit"),
        path(
            "reports/moderation/results/",
            audit.ModerationReportView.as_view(results_only=True),
            name="moderation_audit_results",
        ),
    ]


class ReviewQueueMenuItem(MenuItem):
    def is_shown(self, request):
        return review_policy.user_can_use_queue(user=request.user)


class MissionDashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return missions_overseen_by(user=request.user).exists()


@hooks.register("register_admin_menu_item")
def register_review_queue_menu_item():
    return ReviewQueueMenuItem(_("Review queue"), reverse("moderation_queue"), icon_name="tasks", order=150)


@hooks.register("register_admin_menu_item")
def register_mission_dashboard_menu_item():
    return MissionDashboardMenuItem(_("Mission content"), reverse("moderation_dashboard"), icon_name="list-ul", order=160)


@hooks.register("register_reports_menu_item")
def register_moderation_report_menu_item():
    return ReviewQueueMenuItem(_("Moderation audit"), reverse("moderation_audit"), icon_name="history", order=9200)


class PageModerationHistoryButton(PageMenuItem):
    label = _("Moderation history")
    icon_name = "history"
    url_name = "moderation_page_history"

    def is_shown(self, user):
        return self.page.permissions_for_user(user).can_edit()


@hooks.register("register_page_header_buttons")
def page_moderation_history_button(page, user, view_name, next_url=None):
    yield PageModerationHistoryButton(page=page, priority=66)


class WorkflowRuleViewSet(SnippetViewSet):
    """Which workflow a page type goes through, per mission or network-wide (HQ administrators)."""

    model = WorkflowRule
    icon = "tasks"
    menu_label = _("Workflow rules")
    add_to_settings_menu = True
    list_display = ["__str__", "mission", "content_type", "route"]
    list_filter = ["route"]
    # Plain selects: Wagtail's snippet chooser for missions fails to re-render a form posted with a bad id.
    panels = [
        FieldPanel("mission", widget=forms.Select),
        FieldPanel("content_type", widget=forms.Select),
        FieldPanel("route"),
    ]


register_snippet(WorkflowRuleViewSet)


@admin_object_kind("page")
def _pages_awaiting_review(*, user, ids):
    """Reviewers without page permissions (duty officers, the press office) see what waits for their review."""
    return set(submissions_in_review(user=user).filter(page_id__in=ids).values_list("page_id", flat=True))


@admin_object_kind("submission")
def _visible_submissions(*, user, ids):
    """The review queue's URLs name a submission: visible with its page."""
    page_ids = dict(Submission.objects.filter(pk__in=ids).values_list("pk", "page_id"))
    visible_pages = visible_ids("page", user=user, ids=set(page_ids.values()))
    return {pk for pk, page_id in page_ids.items() if page_id in visible_pages}

