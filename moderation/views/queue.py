"""The HQ review queue: pending items across the network, one item's review page, claims, comparison and preview."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import RevisionsCompareView
from wagtail.admin.views.reports import ReportView
from wagtail.models import Revision

from ..filters import ReviewQueueFilterSet
from ..models import ReviewStatus, Submission, fast_track_content_types
from ..permissions import review_policy
from ..selectors import review_task_ids_of, assignable_reviewers, service_level, submissions_in_review
from ..services import ClaimError, submission_assign, submission_claim, submission_release


def _queue_user_required(request):
    if not review_policy.user_can_use_queue(user=request.user):
        raise PermissionDenied


class ReviewQueueView(ReportView):
    """Everything waiting for review that the user can act on, the longest-waiting first, overdue items flagged."""

    page_title = _("Review queue")
    header_icon = "tasks"
    results_template_name = "moderation/queue_results.html"
    index_url_name = "moderation_queue"
    index_results_url_name = "moderation_queue_results"
    filterset_class = ReviewQueueFilterSet
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        _queue_user_required(request)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return self.filter_queryset(submissions_in_review(user=self.request.user))

    def get_filtered_queryset(self):
        return self.get_queryset()

    def decorate_paginated_queryset(self, object_list):
        """Per row: when it is due and whether the user may claim or act on it, without a query per row."""
        user = self.request.user
        task_ids = review_task_ids_of(user=user)
        task_ids = None if task_ids is None else set(task_ids.values_list("pk", flat=True))
        fast_track_types = {content_type.pk for content_type in fast_track_content_types()}
        rows = list(object_list)
        for submission in rows:
            task = submission.task_state.task if submission.task_state else None
            review_task = getattr(task, "reviewtask", None)
            submission.due_at = submission.waiting_since + service_level(kind=submission.kind)
            submission.can_act = task is not None and (
                task_ids is None
                or (
                    task.pk in task_ids
                    and not (review_task and review_task.fast_track and submission.content_type_id not in fast_track_types)
                )
            )
            submission.claimed_by_other = submission.assignee_id not in (None, user.pk)
            submission.can_claim = submission.can_act and submission.assignee_id is None
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["now"] = timezone.now()
        return context


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(queryset=get_user_model().objects.none(), label=_("Assign to"))

    def __init__(self, *args, submission, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = assignable_reviewers(submission=submission)


def _submission_for(request, pk) -> Submission:
    submission = get_object_or_404(
        Submission.objects.select_related(
            "page", "mission", "region", "locale", "submitted_by", "assignee", "decided_by", "task_state__task"
        ),
        pk=pk,
    )
    if not _may_view(request.user, submission):
        raise PermissionDenied
    return submission


def _may_view(user, submission) -> bool:
    """Reviewers of the item's step, HQ administrators, and staff who may edit the page."""
    if review_policy.user_is_hq_administrator(user=user):
        return True
    task_state = submission.task_state
    if task_state is not None and review_policy.user_is_reviewer_of(user=user, task=task_state.task.specific):
        return True
    return submission.page.permissions_for_user(user).can_edit()


class ReviewView(WagtailAdminTemplateMixin, TemplateView):
    """One queue item: what it is, its history, claim or assign it, approve or request changes."""

    template_name = "moderation/review.html"
    page_title = _("Review")
    header_icon = "tasks"
    assign_form = None

    def dispatch(self, request, pk):
        self.submission = _submission_for(request, pk)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.submission.page.draft_title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("moderation_queue"), "label": _("Review queue")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def post(self, request, pk):
        """Assign (HQ administrators): a form error re-renders the page with status 400."""
        if not review_policy.user_can_assign(user=request.user):
            raise PermissionDenied
        self.assign_form = AssignForm(request.POST, submission=self.submission)
        if self.assign_form.is_valid():
            try:
                submission_assign(submission=self.submission, assignee=self.assign_form.cleaned_data["assignee"], by=request.user)
            except ClaimError as error:
                self.assign_form.add_error("assignee", str(error))
            else:
                messages.success(request, _("Assigned."))
                return redirect("moderation_review", pk=self.submission.pk)
        return self.render_to_response(self.get_context_data(), status=400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submission, user = self.submission, self.request.user
        in_review = submission.status == ReviewStatus.IN_REVIEW
        can_act = in_review and review_policy.user_can_act_on(user=user, submission=submission)
        holder_ok = submission.assignee_id in (None, user.pk) or review_policy.user_is_hq_administrator(user=user)
        can_assign = in_review and review_policy.user_can_assign(user=user)
        context.update(
            submission=submission,
            page=submission.page,
            due_at=submission.waiting_since + service_level(kind=submission.kind),
            now=timezone.now(),
            can_decide=can_act and holder_ok,
            can_claim=in_review and review_policy.user_can_claim(user=user, submission=submission),
            can_release=in_review and submission.assignee_id is not None
            and (submission.assignee_id == user.pk or review_policy.user_can_assign(user=user)),
            assign_form=(self.assign_form or AssignForm(submission=submission)) if can_assign else None,
            transitions=submission.transitions.select_related("actor").order_by("at", "pk"),
            queue_url=reverse("moderation_queue"),
            # What other apps review with the page (social posts): `moderation_review_panels` hooks return HTML.
            extra_panels=[fn(submission.page, self.request) for fn in hooks.get_hooks("moderation_review_panels")],
        )
        return context


@require_POST
def claim(request, pk):
    """Claim an item (or, with `release`, give it back); the result goes back to where the user came from."""
    submission = _submission_for(request, pk)
    next_url = get_valid_next_url_from_request(request) or reverse("moderation_review", args=[submission.pk])
    try:
        if request.POST.get("release"):
            submission_release(submission=submission, user=request.user)
            messages.success(request, _("'%(title)s' is back in the queue.") % {"title": submission.page.draft_title})
        else:
            submission_claim(submission=submission, user=request.user)
            messages.success(request, _("You are reviewing '%(title)s'.") % {"title": submission.page.draft_title})
    except ClaimError as error:
        messages.error(request, str(error))
    return redirect(next_url)


class SubmissionCompareView(RevisionsCompareView):
    """The submitted revision against the live page, for anyone who may review the item."""

    edit_url_name = "wagtailadmin_pages:edit"
    header_icon = "doc-empty-inverse"

    def setup(self, request, pk, *args, **kwargs):
        self.submission = _submission_for(request, pk)
        if not self.submission.page.live or self.submission.revision_id is None:
            raise PermissionDenied
        super().setup(request, self.submission.page_id, "live", str(self.submission.revision_id), *args, **kwargs)

    def get_object(self, queryset=None):
        return self.submission.page.specific

    def get_edit_handler(self):
        return self.object.get_edit_handler()

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("moderation_queue"), "label": _("Review queue")},
            {"url": reverse("moderation_review", args=[self.submission.pk]), "label": self.submission.page.draft_title},
            {"url": "", "label": _("Submitted vs live")},
        ]


def preview(request, pk):
    """The submitted revision as the public would see it, rendered in the page's own language."""
    submission = _submission_for(request, pk)
    revision = get_object_or_404(Revision.page_revisions, pk=submission.revision_id)
    page = revision.as_object()
    language = submission.locale.language_code
    with translation.override(language):
        response = page.make_preview_request(request, page.default_preview_mode, extra_request_attrs={"revision_id": revision.pk})
        if hasattr(response, "render"):
            response.render()
    response["Content-Language"] = language
    return response

