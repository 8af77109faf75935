"""Signal handlers of moderation (connected in ModerationConfig.ready): keep the queue and audit in step with
Wagtail's workflows in the same transaction, and send notifications from a task once that transaction commits."""

from functools import partial

from django.db import transaction

from . import services, tasks


def review_started(sender, instance, user=None, **kwargs):
    """task_submitted: an item entered review; tell its reviewers."""
    submission = services.submission_record_review_started(task_state=instance, user=user)
    if submission is not None:
        transaction.on_commit(partial(tasks.reviewers_notify.enqueue, submission_id=submission.pk))


def review_approved(sender, instance, user=None, **kwargs):
    """task_approved: record the decision and tell the author."""
    _decided(instance, user)


def review_rejected(sender, instance, user=None, **kwargs):
    """task_rejected: record the requested changes and tell the author."""
    _decided(instance, user)


def _decided(task_state, user):
    transition = services.submission_record_decision(task_state=task_state, user=user)
    if transition is not None:
        transaction.on_commit(partial(tasks.author_notify.enqueue, transition_id=transition.pk))


def review_cancelled(sender, instance, user=None, **kwargs):
    """workflow_cancelled: the item left the queue."""
    services.submission_record_cancelled(workflow_state=instance, user=user)


def mission_homes_provisioned(sender, mission, home_pages, **kwargs):
    """A mission's home pages were provisioned: its review and fast-track workflows follow."""
    services.mission_workflows_provision(mission=mission, home_pages=home_pages)
