"""Background work of the press centre (django-tasks): e-mails, so that approving a release never waits on mail."""

from django_tasks import task

from . import notifications


@task()
def embargoed_release_send(*, revision_id: int) -> int:
    """Mail an embargoed release to the journalists it is addressed to; returns how many were e-mailed."""
    return notifications.embargoed_release_send(revision_id=revision_id)
