"""Reads for moderation: which workflow a page goes through, the HQ review queue, the mission dashboard, the audit."""

import statistics
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import BooleanField, Case, Count, Q, QuerySet, Value, When
from django.db.models.functions import TruncDate
from django.utils import timezone
from wagtail.models import Page, Revision, Workflow

from embassies.models.pages import page_mission_id
from embassies.selectors import pages_under
from hub.models import Mission

from .models import MissionWorkflows, ReviewStatus, ReviewTask, Route, Submission, Transition, WorkflowRule
from .models import fast_track_content_types
from .permissions import FAST_TRACK_PERMISSION, review_policy


def workflow_for_page(*, page: Page) -> Workflow | None:
    """The workflow `page` goes through when submitted: its mission's workflow for the most specific rule
    (mission and page type, then mission, then page type), the standard review without one.

    None when the page's mission has no provisioned workflows; callers then fall back to Wagtail's own lookup.
    """
    if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
        return None
    mission_id = page_mission_id(page)
    if mission_id is None:
        return None
    setup = MissionWorkflows.objects.select_related("review", "fast_track").filter(mission_id=mission_id).first()
    if setup is None:
        return None
    rules = WorkflowRule.objects.filter(
        Q(mission_id=mission_id) | Q(mission__isnull=True),
        Q(content_type_id=page.content_type_id) | Q(content_type__isnull=True),
    )
    rule = max(rules, key=lambda rule: (rule.mission_id is not None, rule.content_type_id is not None), default=None)
    route = rule.route if rule else Route.REVIEW
    if route == Route.FAST_TRACK and page.content_type_id not in {ct.pk for ct in fast_track_content_types()}:
        route = Route.REVIEW
    workflow = setup.workflow_for(route)
    return workflow if workflow.active else None


def service_level(*, kind: str) -> timedelta:
    """How long an item of this kind may wait for review (settings.HUB_MODERATION_SERVICE_LEVELS, in hours)."""
    levels = settings.HUB_MODERATION_SERVICE_LEVELS
    return timedelta(hours=levels.get(kind, levels["default"]))


def overdue_condition(*, now: datetime) -> Q:
    """Items waiting past their kind's service level at `now`, as a filter (so the database does the work)."""
    levels = {kind: hours for kind, hours in settings.HUB_MODERATION_SERVICE_LEVELS.items() if kind != "default"}
    condition = Q(~Q(kind__in=list(levels)), waiting_since__lt=now - service_level(kind="default"))
    for kind, hours in levels.items():
        condition |= Q(kind=kind, waiting_since__lt=now - timedelta(hours=hours))
    return condition


def review_task_ids_of(*, user) -> QuerySet | None:
    """The review steps whose items the user may act on; None means all of them (HQ administrators)."""
    if review_policy.user_is_hq_administrator(user=user):
        return None
    tasks = ReviewTask.objects.filter(active=True, groups__user=user)
    if not user.has_perm(FAST_TRACK_PERMISSION):
        tasks = tasks.filter(fast_track=False)
    return tasks.values("pk")


def submissions_in_review(*, user, now: datetime | None = None) -> QuerySet[Submission]:
    """The HQ review queue: items waiting for review that the user may act on (all of them for HQ administrators),
    the longest-waiting first, each with `is_overdue` and everything a row shows fetched in the same query."""
    now = now or timezone.now()
    queryset = Submission.objects.filter(status=ReviewStatus.IN_REVIEW)
    task_ids = review_task_ids_of(user=user)
    if task_ids is not None:
        queryset = queryset.filter(task_state__task_id__in=task_ids)
    return (
        queryset.annotate(
            is_overdue=Case(When(overdue_condition(now=now), then=Value(True)), default=Value(False), output_field=BooleanField())
        )
        .select_related(
            "page", "mission", "region", "locale", "content_type", "submitted_by", "assignee", "task_state__task__reviewtask"
        )
        .order_by("waiting_since", "pk")
    )


def submissions_overdue(*, now: datetime | None = None) -> QuerySet[Submission]:
    """Every item waiting past its service level, network-wide, for the daily digest."""
    now = now or timezone.now()
    return (
        Submission.objects.filter(overdue_condition(now=now), status=ReviewStatus.IN_REVIEW)
        .select_related("page", "mission", "assignee", "task_state__task")
        .order_by("waiting_since", "pk")
    )


def reviewers_of(*, submission: Submission) -> QuerySet:
    """The people who should review an item: the members of its current step's groups (not HQ administrators,
    who can act anywhere but are not on call for every item), plus whoever claimed it."""
    task_state = submission.task_state
    group_ids = list(task_state.task.specific.groups.values_list("pk", flat=True)) if task_state else []
    return (
        get_user_model()
        .objects.filter(Q(groups__in=group_ids) | Q(pk=submission.assignee_id), is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def assignable_reviewers(*, submission: Submission) -> QuerySet:
    """People an item can be assigned to: those who may act on it."""
    candidates = reviewers_of(submission=submission)
    able = [user.pk for user in candidates if review_policy.user_can_act_on(user=user, submission=submission)]
    return get_user_model().objects.filter(pk__in=able).order_by("username")


def assignee_choices() -> list[tuple[str, str]]:
    """The queue's assignee filter: unassigned, me, and everyone holding an item now."""
    User = get_user_model()
    holders = User.objects.filter(
        pk__in=Submission.objects.filter(status=ReviewStatus.IN_REVIEW, assignee__isnull=False).values("assignee_id")
    ).order_by("username")
    people = [(str(user.pk), user.get_full_name() or user.username) for user in holders]
    return [("unassigned", "Unassigned"), ("me", "Me"), *people]


# Mission dashboard

def missions_of(*, user) -> QuerySet[Mission]:
    """Missions whose staff (editors or heads) the user is among."""
    return Mission.objects.filter(Q(editors_group__user=user) | Q(heads_group__user=user)).distinct().order_by("name")


def missions_overseen_by(*, user) -> QuerySet[Mission]:
    """Missions whose dashboard the user may open: their own, their region's for HQ reviewers, all for HQ admins."""
    if review_policy.user_is_hq_administrator(user=user):
        return Mission.objects.order_by("name")
    return Mission.objects.filter(
        Q(editors_group__user=user) | Q(heads_group__user=user) | Q(region__reviewers_group__user=user)
    ).distinct().order_by("name")


def _mission_pages(*, mission: Mission) -> QuerySet[Page]:
    return pages_under(missions=[mission])


@dataclass
class MissionDashboard:
    """Where a mission's content stands: drafts, in review, changes requested, scheduled, recently published."""

    drafts: list[Page]
    in_review: list[Submission]
    changes_requested: list[Submission]
    scheduled: list[Revision]
    published: list[Page]


def mission_dashboard(*, mission: Mission, now: datetime | None = None, limit: int = 50) -> MissionDashboard:
    now = now or timezone.now()
    pages = _mission_pages(mission=mission)
    submissions = Submission.objects.filter(mission=mission).select_related(
        "page", "locale", "submitted_by", "assignee", "decided_by", "task_state__task"
    )
    active_page_ids = Submission.objects.filter(
        mission=mission, status__in=[ReviewStatus.IN_REVIEW, ReviewStatus.CHANGES_REQUESTED]
    ).values("page_id")
    scheduled = Revision.page_revisions.filter(
        approved_go_live_at__isnull=False, object_id__in=[str(pk) for pk in pages.values_list("pk", flat=True)]
    ).order_by("approved_go_live_at")
    scheduled_page_ids = [int(pk) for pk in scheduled.values_list("object_id", flat=True)]
    return MissionDashboard(
        drafts=list(
            pages.filter(has_unpublished_changes=True, depth__gt=3)
            .exclude(pk__in=active_page_ids)
            .exclude(pk__in=scheduled_page_ids)
            .select_related("locale", "latest_revision__user")
            .order_by("-latest_revision_created_at")[:limit]
        ),
        in_review=list(submissions.filter(status=ReviewStatus.IN_REVIEW).order_by("waiting_since")[:limit]),
        changes_requested=list(submissions.filter(status=ReviewStatus.CHANGES_REQUESTED).order_by("-decided_at")[:limit]),
        scheduled=list(scheduled[:limit]),
        published=list(
            pages.filter(live=True, depth__gt=3, last_published_at__gte=now - timedelta(days=14))
            .select_related("locale")
            .order_by("-last_published_at")[:limit]
        ),
    )


# Audit

def transitions_visible_to(*, user) -> QuerySet[Transition]:
    """The audit trail: every mission for HQ administrators; otherwise the missions the user oversees and the
    items at review steps they belong to (e.g. HQ content for the press office)."""
    queryset = Transition.objects.select_related("mission", "region", "actor").order_by("-at", "-pk")
    if review_policy.user_is_hq_administrator(user=user):
        return queryset
    return queryset.filter(
        Q(mission__in=missions_overseen_by(user=user))
        | Q(submission__task_state__task_id__in=ReviewTask.objects.filter(groups__user=user).values("pk"))
    )


@dataclass
class WeeklyReviewStats:
    """Submissions and median review time of one region in one week (weeks start on Monday)."""

    week: date
    region: str
    submissions: int
    median_review_hours: float | None


def weekly_review_stats(*, transitions: QuerySet[Transition]) -> list[WeeklyReviewStats]:
    """Per region and week: how many items were submitted, and the median time a review step took to decide."""
    by_key: dict[tuple[date, str], WeeklyReviewStats] = {}
    durations: dict[tuple[date, str], list[int]] = {}

    def week_of(day: date) -> date:
        return day - timedelta(days=day.weekday())

    submitted = (
        transitions.filter(from_status__in=[ReviewStatus.DRAFT, ReviewStatus.CHANGES_REQUESTED], to_status=ReviewStatus.IN_REVIEW)
        .annotate(day=TruncDate("at"))
        .values("day", "region__name")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for row in submitted:
        key = (week_of(row["day"]), row["region__name"] or "—")
        stats = by_key.setdefault(key, WeeklyReviewStats(key[0], key[1], 0, None))
        stats.submissions += row["count"]
    decisions = transitions.filter(review_seconds__isnull=False).order_by()
    for at, region, seconds in decisions.values_list("at", "region__name", "review_seconds"):
        key = (week_of(timezone.localtime(at).date()), region or "—")
        by_key.setdefault(key, WeeklyReviewStats(key[0], key[1], 0, None))
        durations.setdefault(key, []).append(seconds)
    for key, values in durations.items():
        by_key[key].median_review_hours = round(statistics.median(values) / 3600, 2)
    return sorted(by_key.values(), key=lambda stats: (stats.week, stats.region))
