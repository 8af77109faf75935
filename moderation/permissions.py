"""Who may review, claim and assign what: the one policy the review tasks, the queue and the dashboard ask.

Wagtail's group approval decides by group membership alone; the hub adds that HQ administrators act anywhere,
that fast-track steps need the fast-track permission and an urgent page type, and that a claimed item is
reviewed only by whoever claimed it.
"""

from django.db.models import Q, QuerySet
from wagtail.models import Page, TaskState

from hub.roles import HQ_ADMINISTRATORS_GROUP

from .models import ReviewStatus, ReviewTask, Submission, fast_track_content_types

FAST_TRACK_PERMISSION = "hub.fast_track_mission_content"
ASSIGN_PERMISSION = "moderation.assign_submission"


class ReviewPolicy:
    """Permission checks for moderation; cheap per call, cached on the user object within a request."""

    def user_is_hq_administrator(self, *, user) -> bool:
        if not user.is_active:
            return False
        if user.is_superuser:
            return True
        if not hasattr(user, "_hub_is_hq_administrator"):
            user._hub_is_hq_administrator = user.groups.filter(name=HQ_ADMINISTRATORS_GROUP).exists()
        return user._hub_is_hq_administrator

    def user_in_task_groups(self, *, user, task) -> bool:
        """Belongs to one of the review task's groups. One query per request for every task at once: Wagtail's
        "awaiting your review" panel asks each of the network's ~100 tasks in turn."""
        if not hasattr(user, "_hub_review_task_ids"):
            user._hub_review_task_ids = set(
                ReviewTask.groups.through.objects.filter(group__user=user).values_list("reviewtask_id", flat=True)
            )
        return task.pk in user._hub_review_task_ids

    def user_is_reviewer_of(self, *, user, task) -> bool:
        """Belongs to the task's groups (or administers HQ): may open and edit the page while it waits there."""
        return user.is_active and (self.user_is_hq_administrator(user=user) or task._user_in_groups(user))

    def _may_approve_on(self, *, user, task, content_type_id: int) -> bool:
        if self.user_is_hq_administrator(user=user):
            return True
        if not (user.is_active and task._user_in_groups(user)):
            return False
        if task.fast_track:
            allowed = {content_type.pk for content_type in fast_track_content_types()}
            return user.has_perm(FAST_TRACK_PERMISSION) and content_type_id in allowed
        return True

    def user_can_review(self, *, user, task, page: Page) -> bool:
        """May approve or request changes on `page` at `task`: not while someone else has claimed it."""
        if not self._may_approve_on(user=user, task=task, content_type_id=page.content_type_id):
            return False
        assignee_id = (
            Submission.objects.filter(page_id=page.pk, status=ReviewStatus.IN_REVIEW)
            .values_list("assignee_id", flat=True)
            .first()
        )
        return assignee_id is None or assignee_id == user.pk or self.user_is_hq_administrator(user=user)

    def task_states_reviewable(self, *, user, task) -> QuerySet[TaskState]:
        """In-progress task states of `task` the user could act on now (Wagtail's "awaiting your review")."""
        states = task.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if self.user_is_hq_administrator(user=user):
            return states
        if not (user.is_active and task._user_in_groups(user)):
            return TaskState.objects.none()
        if task.fast_track:
            if not user.has_perm(FAST_TRACK_PERMISSION):
                return TaskState.objects.none()
            states = states.filter(workflow_state__content_type__in=fast_track_content_types())
        return states.filter(
            Q(workflow_state__submission__assignee__isnull=True) | Q(workflow_state__submission__assignee=user)
        )

    def user_can_use_queue(self, *, user) -> bool:
        """HQ administrators, and anyone in a review step's groups (reviewers, press office, duty officers, heads)."""
        if self.user_is_hq_administrator(user=user):
            return True
        return user.is_active and ReviewTask.objects.filter(active=True, groups__user=user).exists()

    def user_can_act_on(self, *, user, submission) -> bool:
        """May approve or request changes on this queue item now (ignoring claims)."""
        task_state = submission.task_state
        if task_state is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
            return False
        return self._may_approve_on(user=user, task=task_state.task.specific, content_type_id=submission.content_type_id)

    def user_can_claim(self, *, user, submission) -> bool:
        return (
            submission.status == ReviewStatus.IN_REVIEW
            and submission.assignee_id in (None, user.pk)
            and self.user_can_act_on(user=user, submission=submission)
        )

    def user_can_assign(self, *, user) -> bool:
        """Hands items to a named reviewer or takes them off someone (HQ administrators by default)."""
        return user.is_active and (user.is_superuser or user.has_perm(ASSIGN_PERMISSION))


review_policy = ReviewPolicy()
