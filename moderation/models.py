"""Moderation: the review task the hub's workflows use, which workflow applies where, and the review queue's records.

Wagtail's workflow models stay the source of truth for what is in review; `Submission` and `Transition` are the
hub's own view of them, kept in step by signal handlers in the same transaction, so the HQ queue, the mission
dashboard and the audit report can filter by mission, region, locale and kind with plain joins.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Locale, Page, Revision, TaskState, Workflow, WorkflowState

from embassies.models import ArticleKind, ArticlePage, ConsularNoticePage, EventPage
from hub.models import Mission, Region


class Route(models.TextChoices):
    """The kinds of workflow a mission has; a rule routes a page type to one of them."""

    REVIEW = "review", _("Standard review (the region's HQ reviewers; the press office for HQ content)")
    FAST_TRACK = "fast_track", _("Fast track (the mission head or an HQ duty officer)")


class ReviewStatus(models.TextChoices):
    """Where a piece of content stands in review, in the words mission staff use."""

    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    PUBLISHED = "published", _("Published")
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


SUBMISSION_KINDS = [
    *ArticleKind.choices,
    ("event", _("Event")),
    ("consular_notice", _("Consular notice")),
    ("emergency_notice", _("Emergency notice")),
    ("other", _("Other page")),
]


class ReviewTask(AbstractGroupApprovalTask):
    """A group approval step that also honours review claims, lets HQ administrators act anywhere and, for
    fast-track steps, admits only urgent page types and people holding the fast-track permission."""

    fast_track = models.BooleanField(
        default=False,
        help_text=_(
            "Approvers also need the 'fast-track' permission, and only page types allowed to be fast-tracked "
            "can be approved here."
        ),
    )

    admin_form_fields = AbstractGroupApprovalTask.admin_form_fields + ["fast_track"]
    # The review policy (moderation.permissions), which reads these models; ModerationConfig.ready() sets it.
    policy = None

    class Meta:
        verbose_name = _("review task")
        verbose_name_plural = _("review tasks")

    def _user_in_groups(self, user):
        return self.policy.user_in_task_groups(user=user, task=self)

    def get_actions(self, obj, user):
        if self.policy.user_can_review(user=user, task=self, page=obj):
            return [
                ("reject", _("Request changes"), True),
                ("approve", _("Approve"), False),
                ("approve", _("Approve with comment"), True),
            ]
        return []

    def user_can_access_editor(self, obj, user):
        return self.policy.user_is_reviewer_of(user=user, task=self)

    def locked_for_user(self, obj, user):
        return not self.policy.user_is_reviewer_of(user=user, task=self)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return self.policy.task_states_reviewable(user=user, task=self)

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve or request changes; a reviewer can claim an item first")


class RegionReviewWorkflow(models.Model):
    """The Wagtail workflow in which a region's HQ reviewers approve its missions' content."""

    region = models.OneToOneField(Region, on_delete=models.CASCADE, related_name="review_workflow")
    workflow = models.ForeignKey(Workflow, on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return str(self.workflow)


class MissionWorkflows(models.Model):
    """The workflows a mission's content can go through, provisioned with the mission."""

    mission = models.OneToOneField(Mission, on_delete=models.CASCADE, related_name="workflows")
    review = models.ForeignKey(Workflow, on_delete=models.PROTECT, related_name="+")
    fast_track = models.ForeignKey(Workflow, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name_plural = _("mission workflows")

    def __str__(self) -> str:
        return f"Workflows of {self.mission}"

    def workflow_for(self, route: str) -> Workflow:
        if route == Route.FAST_TRACK and self.fast_track is not None:
            return self.fast_track
        return self.review


def fast_track_content_types() -> list[ContentType]:
    """Page types that may be fast-tracked (settings.HUB_MODERATION_FAST_TRACK_PAGE_TYPES)."""
    from django.apps import apps

    models_ = [apps.get_model(label) for label in settings.HUB_MODERATION_FAST_TRACK_PAGE_TYPES]
    return list(ContentType.objects.get_for_models(*models_).values())


def mission_content_types() -> models.Q:
    """The page types a rule can name: mission content (articles, events, consular notices)."""
    content_types = ContentType.objects.get_for_models(ArticlePage, EventPage, ConsularNoticePage).values()
    return models.Q(pk__in=[content_type.pk for content_type in content_types])


class WorkflowRule(models.Model):
    """Which of a mission's workflows a page type goes through. A rule without a mission applies network-wide,
    one without a page type to every type; the most specific rule wins, and with none the standard review applies.
    """

    mission = models.ForeignKey(
        Mission, null=True, blank=True, on_delete=models.CASCADE, related_name="workflow_rules",
        help_text=_("Leave blank for every mission."),
    )
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("page type"),
        limit_choices_to=mission_content_types, help_text=_("Leave blank for every page type."),
    )
    route = models.CharField(max_length=20, choices=Route.choices)

    class Meta:
        # One rule per (mission or none, page type or none). A blank counts as a value of its own; NULLs are
        # distinct in a unique index and `nulls_distinct` is PostgreSQL-only, so the index is on the ids with
        # 0 for a blank, which SQLite and PostgreSQL both enforce.
        constraints = [
            models.UniqueConstraint(
                Coalesce("mission", Value(0)),
                Coalesce("content_type", Value(0)),
                name="unique_workflow_rule",
                violation_error_message=_("There is already a rule for this mission and page type."),
            )
        ]

    def __str__(self) -> str:
        mission = self.mission or _("every mission")
        page_type = self.content_type.name if self.content_type else _("every page type")
        return f"{mission} · {page_type} → {self.get_route_display()}"

    def clean(self) -> None:
        super().clean()
        if self.route == Route.FAST_TRACK:
            allowed = fast_track_content_types()
            if self.content_type_id is None or self.content_type not in allowed:
                raise ValidationError(
                    {"content_type": _("Only these page types can be fast-tracked: %(types)s.")
                     % {"types": ", ".join(str(ct.name) for ct in allowed)}}
                )
        duplicates = WorkflowRule.objects.filter(mission=self.mission, content_type=self.content_type).exclude(pk=self.pk)
        if duplicates.exists():
            raise ValidationError(_("A rule for this mission and page type exists already; edit that one."))


class Submission(models.Model):
    """One piece of content sent for review (one Wagtail workflow run): a row of the HQ queue and the mission
    dashboard, with who has claimed it and the last decision."""

    workflow_state = models.OneToOneField(WorkflowState, on_delete=models.CASCADE, related_name="submission")
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    mission = models.ForeignKey(Mission, null=True, on_delete=models.CASCADE, related_name="submissions")
    region = models.ForeignKey(Region, null=True, on_delete=models.SET_NULL, related_name="submissions")
    locale = models.ForeignKey(Locale, on_delete=models.PROTECT, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=32, choices=SUBMISSION_KINDS)
    status = models.CharField(max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.IN_REVIEW)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(help_text=_("When the workflow started."))
    waiting_since = models.DateTimeField(help_text=_("When the current review step started (resubmissions reset it)."))
    task_state = models.ForeignKey(TaskState, null=True, on_delete=models.SET_NULL, related_name="+")
    revision = models.ForeignKey(Revision, null=True, on_delete=models.SET_NULL, related_name="+")
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(null=True)
    comment = models.TextField(blank=True, help_text=_("The reviewer's comment on the last decision."))

    class Meta:
        permissions = [("assign_submission", "Can assign submissions to reviewers")]
        indexes = [
            models.Index(fields=["status", "waiting_since"], name="moderation_queue_idx"),
            models.Index(fields=["mission", "status"], name="moderation_mission_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.page_id} ({self.get_status_display()})"


class Transition(models.Model):
    """One step of a page through review: who moved it, when, from which state to which, and why."""

    submission = models.ForeignKey(Submission, null=True, on_delete=models.SET_NULL, related_name="transitions")
    page = models.ForeignKey(Page, null=True, on_delete=models.SET_NULL, related_name="+")
    page_title = models.CharField(max_length=255)
    mission = models.ForeignKey(Mission, null=True, on_delete=models.SET_NULL, related_name="+")
    region = models.ForeignKey(Region, null=True, on_delete=models.SET_NULL, related_name="+")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField()
    from_status = models.CharField(max_length=20, choices=ReviewStatus.choices)
    to_status = models.CharField(max_length=20, choices=ReviewStatus.choices)
    comment = models.TextField(blank=True)
    review_seconds = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("For decisions: how long the item waited for this review step.")
    )

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["region", "at"], name="moderation_transition_idx")]

    def __str__(self) -> str:
        return f"{self.page_title}: {self.from_status} → {self.to_status}"
