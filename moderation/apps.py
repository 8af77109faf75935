from django.apps import AppConfig


class ModerationConfig(AppConfig):
    """Moderation queues: which Wagtail workflow mission content goes through, the HQ review queue and its audit."""

    name = "moderation"
    label = "moderation"
    verbose_name = "Moderation"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.admin import signal_handlers as wagtail_notifications
        from wagtail.models import TaskState, WorkflowState
        from wagtail.signals import (
            task_approved,
            task_rejected,
            task_submitted,
            workflow_approved,
            workflow_cancelled,
            workflow_rejected,
            workflow_submitted,
        )

        from embassies.signals import mission_homes_provisioned
        from hub.models import Mission

        from . import signal_handlers
        from .models import ReviewTask
        from .permissions import review_policy

        ReviewTask.policy = review_policy
        mission_homes_provisioned.connect(
            signal_handlers.mission_homes_provisioned, sender=Mission, dispatch_uid="moderation_mission_workflows"
        )

        # Wagtail mails moderators and authors synchronously inside the editor's request; the hub sends its own
        # notifications from a task after commit, so the built-in ones are switched off (this app loads after
        # wagtail.admin, whose ready() connected them).
        task_submitted.disconnect(
            wagtail_notifications.task_submission_email_notifier,
            sender=TaskState,
            dispatch_uid="group_approval_task_submitted_email_notification",
        )
        for signal, notifier, uid in (
            (
                workflow_submitted,
                wagtail_notifications.workflow_submission_email_notifier,
                "workflow_state_submitted_email_notification",
            ),
            (
                workflow_rejected,
                wagtail_notifications.workflow_rejection_email_notifier,
                "workflow_state_rejected_email_notification",
            ),
            (
                workflow_approved,
                wagtail_notifications.workflow_approval_email_notifier,
                "workflow_state_approved_email_notification",
            ),
        ):
            signal.disconnect(notifier, sender=WorkflowState, dispatch_uid=uid)

        task_submitted.connect(signal_handlers.review_started, dispatch_uid="moderation_review_started")
        task_approved.connect(signal_handlers.review_approved, dispatch_uid="moderation_review_approved")
        task_rejected.connect(signal_handlers.review_rejected, dispatch_uid="moderation_review_rejected")
        workflow_cancelled.connect(
            signal_handlers.review_cancelled, sender=WorkflowState, dispatch_uid="moderation_review_cancelled"
        )
