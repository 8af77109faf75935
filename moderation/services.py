"""Writes for moderation: provisioning each mission's workflows, recording what Wagtail's workflows do, claims.

Provisioning is idempotent like the rest of mission provisioning: it finds what an earlier run made through
`RegionReviewWorkflow`/`MissionWorkflows` and only creates or corrects what is missing or out of date.
"""

from datetime import datetime

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Revision, TaskState, Workflow, WorkflowPage, WorkflowState, WorkflowTask

from embassies.models import ArticlePage, ConsularNoticePage, ConsularNoticeType, EventPage
from embassies.models.pages import page_mission_id
from hub.models import Mission, Region
from hub.roles import HQ_PRESS_OFFICE_PAGE_PERMISSIONS, Role
from hub.services import group_page_permissions_sync, hq_group_provision, region_provision

from .models import MissionWorkflows, RegionReviewWorkflow, ReviewStatus, ReviewTask, Submission, Transition
from .permissions import review_policy


class ClaimError(Exception):
    """A claim or assignment that the rules do not allow (someone else holds the item, or it left review)."""


def _review_workflow_ensure(*, workflow: Workflow | None, name: str, groups: list[Group], fast_track: bool = False) -> Workflow:
    """A one-step workflow whose step is a review task for `groups`, created or brought up to date."""
    if workflow is None:
        workflow = Workflow.objects.create(name=name)
    elif workflow.name != name:
        workflow.name = name
        workflow.save(update_fields=["name"])
    task = ReviewTask.objects.filter(workflow_tasks__workflow=workflow).first()
    task_name = f"{name}: approval"
    if task is None:
        task = ReviewTask.objects.create(name=task_name, fast_track=fast_track)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    elif (task.name, task.fast_track) != (task_name, fast_track):
        task.name, task.fast_track = task_name, fast_track
        task.save(update_fields=["name", "fast_track"])
    if set(task.groups.all()) != set(groups):
        task.groups.set(groups)
    return workflow


def region_review_workflow_provision(*, region: Region) -> Workflow:
    """The workflow in which the region's HQ reviewers approve its missions' content."""
    reviewers = region_provision(region=region)
    link = RegionReviewWorkflow.objects.filter(region=region).select_related("workflow").first()
    workflow = _review_workflow_ensure(
        workflow=link.workflow if link else None, name=f"HQ review · {region.name}", groups=[reviewers]
    )
    if link is None:
        RegionReviewWorkflow.objects.create(region=region, workflow=workflow)
    return workflow


def mission_workflows_provision(*, mission: Mission, home_pages: list[Page]) -> MissionWorkflows:
    """The mission's workflows and their assignment to its home pages (so Wagtail's own screens show them).

    Missions: review by their region's HQ reviewers, and a fast track (heads or HQ duty officers) for urgent
    notices. HQ: the press office reviews everything. Runs on `embassies.signals.mission_homes_provisioned`, inside
    `mission_provision`'s transaction.
    """
    setup = MissionWorkflows.objects.filter(mission=mission).select_related("review", "fast_track").first()
    if mission.is_hq:
        press_office = hq_group_provision(role=Role.HQ_PRESS_OFFICER)
        group_page_permissions_sync(group=press_office, pages=home_pages, codenames=HQ_PRESS_OFFICE_PAGE_PERMISSIONS)
        review = _review_workflow_ensure(
            workflow=setup.review if setup else None, name="HQ press office", groups=[press_office]
        )
        fast_track = None
    else:
        review = region_review_workflow_provision(region=mission.region)
        duty_officers = hq_group_provision(role=Role.HQ_DUTY_OFFICER)
        fast_track = _review_workflow_ensure(
            workflow=setup.fast_track if setup else None,
            name=f"Fast track · {mission.name}",
            groups=[mission.heads_group, duty_officers],
            fast_track=True,
        )
    if setup is None:
        setup = MissionWorkflows.objects.create(mission=mission, review=review, fast_track=fast_track)
    elif (setup.review_id, setup.fast_track_id) != (review.pk, getattr(fast_track, "pk", None)):
        setup.review, setup.fast_track = review, fast_track
        setup.save(update_fields=["review", "fast_track"])
    for page in home_pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": review})
    return setup


def submission_kind(*, page: Page) -> str:
    """The queue's kind of an item, from its submitted content: the article kind, event, or (emergency) notice."""
    if isinstance(page, ArticlePage):
        return page.kind
    if isinstance(page, EventPage):
        return "event"
    if isinstance(page, ConsularNoticePage):
        return "emergency_notice" if page.notice_type == ConsularNoticeType.EMERGENCY else "consular_notice"
    return "other"


def _transition_record(
    *, submission: Submission, actor, to_status: str, at: datetime, comment: str = "", review_seconds: int | None = None
) -> Transition:
    previous = submission.transitions.order_by("-at", "-pk").values_list("to_status", flat=True).first()
    return Transition.objects.create(
        submission=submission,
        page_id=submission.page_id,
        page_title=submission.page.draft_title[:255],
        mission_id=submission.mission_id,
        region_id=submission.region_id,
        actor=actor,
        at=at,
        from_status=previous or ReviewStatus.DRAFT,
        to_status=to_status,
        comment=comment,
        review_seconds=review_seconds,
    )


def _page_state(workflow_state: WorkflowState) -> Page | None:
    if workflow_state.base_content_type_id != ContentType.objects.get_for_model(Page).pk:
        return None
    return Page.objects.filter(pk=workflow_state.object_id).first()


def submission_record_review_started(*, task_state: TaskState, user) -> Submission | None:
    """A page entered a review step (first submission or resubmission): queue it and log the transition."""
    workflow_state = task_state.workflow_state
    page = _page_state(workflow_state)
    if page is None:
        return None
    content = task_state.revision.as_object()
    mission_id = page_mission_id(page)
    region_id = Mission.objects.filter(pk=mission_id).values_list("region_id", flat=True).first()
    submission, _created = Submission.objects.update_or_create(
        workflow_state=workflow_state,
        defaults={
            "page": page,
            "mission_id": mission_id,
            "region_id": region_id,
            "locale_id": page.locale_id,
            "content_type_id": page.content_type_id,
            "kind": submission_kind(page=content),
            "status": ReviewStatus.IN_REVIEW,
            "submitted_by_id": workflow_state.requested_by_id,
            "submitted_at": workflow_state.created_at,
            "waiting_since": task_state.started_at,
            "task_state": task_state,
            "revision_id": task_state.revision_id,
        },
    )
    _transition_record(submission=submission, actor=user, to_status=ReviewStatus.IN_REVIEW, at=task_state.started_at)
    return submission


def _decision_seconds(task_state: TaskState) -> int:
    return max(0, int((task_state.finished_at - task_state.started_at).total_seconds()))


def submission_record_decision(*, task_state: TaskState, user) -> Transition | None:
    """A reviewer approved or requested changes: record the decision and where the page now stands."""
    submission = Submission.objects.filter(workflow_state_id=task_state.workflow_state_id).select_related("page").first()
    if submission is None:
        return None
    workflow_state = task_state.workflow_state
    if task_state.status == TaskState.STATUS_REJECTED:
        to_status = ReviewStatus.CHANGES_REQUESTED
    elif workflow_state.status == WorkflowState.STATUS_APPROVED:
        scheduled = Revision.objects.filter(pk=task_state.revision_id, approved_go_live_at__isnull=False).exists()
        to_status = ReviewStatus.SCHEDULED if scheduled else ReviewStatus.PUBLISHED
    else:
        to_status = ReviewStatus.IN_REVIEW  # approved one step of several; the next step has started
    if to_status != ReviewStatus.IN_REVIEW:
        submission.status = to_status
    submission.decided_by, submission.decided_at, submission.comment = user, task_state.finished_at, task_state.comment
    submission.save(update_fields=["status", "decided_by", "decided_at", "comment"])
    return _transition_record(
        submission=submission,
        actor=user,
        to_status=to_status,
        at=task_state.finished_at,
        comment=task_state.comment,
        review_seconds=_decision_seconds(task_state),
    )


def submission_record_cancelled(*, workflow_state: WorkflowState, user) -> Transition | None:
    """The author withdrew the item, or an HQ administrator published over it (which cancels the workflow)."""
    submission = Submission.objects.filter(workflow_state=workflow_state).select_related("page").first()
    if submission is None:
        return None
    submission.status = ReviewStatus.CANCELLED
    submission.save(update_fields=["status"])
    return _transition_record(submission=submission, actor=user, to_status=ReviewStatus.CANCELLED, at=timezone.now())


def submission_claim(*, submission: Submission, user) -> Submission:
    """Take an item so no one else reviews it at the same time."""
    with transaction.atomic():
        submission = (
            Submission.objects.select_for_update(of=("self",)).select_related("task_state__task").get(pk=submission.pk)
        )
        if not review_policy.user_can_claim(user=user, submission=submission):
            holder = submission.assignee
            raise ClaimError(
                f"{holder.get_full_name() or holder.username} is reviewing this item." if holder and holder != user
                else "You cannot review this item."
            )
        if submission.assignee_id != user.pk:
            submission.assignee, submission.assigned_at = user, timezone.now()
            submission.save(update_fields=["assignee", "assigned_at"])
    return submission


def submission_release(*, submission: Submission, user) -> Submission:
    """Give an item back to the queue: its holder, or someone who may assign."""
    if submission.assignee_id is None:
        return submission
    if submission.assignee_id != user.pk and not review_policy.user_can_assign(user=user):
        raise ClaimError("Only the reviewer holding this item, or an HQ administrator, can release it.")
    submission.assignee, submission.assigned_at = None, None
    submission.save(update_fields=["assignee", "assigned_at"])
    return submission


def submission_assign(*, submission: Submission, assignee, by) -> Submission:
    """Hand an item to a named reviewer, who must be allowed to act on it."""
    if not review_policy.user_can_assign(user=by):
        raise ClaimError("You may not assign items to reviewers.")
    if submission.status != ReviewStatus.IN_REVIEW:
        raise ClaimError("This item is no longer waiting for review.")
    if not review_policy.user_can_act_on(user=assignee, submission=submission):
        raise ClaimError(f"{assignee.get_full_name() or assignee.username} cannot review this item.")
    submission.assignee, submission.assigned_at = assignee, timezone.now()
    submission.save(update_fields=["assignee", "assigned_at"])
    return submission
