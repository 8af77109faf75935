"""Background work of moderation (django-tasks): e-mails, so that submitting or deciding never waits on a mail server."""

from django_tasks import task

from . import notifications


@task()
def reviewers_notify(*, submission_id: int) -> int:
    """Tell the reviewers of an item that it is waiting for them; returns how many were e-mailed."""
    return notifications.review_requested_send(submission_id=submission_id)


@task()
def author_notify(*, transition_id: int) -> int:
    """Tell the author of an item what the reviewer decided; returns how many were e-mailed."""
    return notifications.decision_send(transition_id=transition_id)
