"""Background work of the press centre (django-tasks): its e-mails, so no request waits on a mail server."""

from django_tasks import task

from . import notifications, press_kits


@task()
def journalist_verification_send(*, journalist_id: int) -> int:
    """The link that verifies a new registration's e-mail address."""
    return notifications.verification_send(journalist_id=journalist_id)


@task()
def registration_attempt_send(*, user_id: int) -> int:
    """Tell an account's holder that someone tried to register with their address (they may sign in or reset)."""
    return notifications.registration_attempt_send(user_id=user_id)


@task()
def press_office_notify(*, journalist_id: int) -> int:
    """Tell the press office (and the press attachés of the missions asked for) that a journalist waits."""
    return notifications.pending_send(journalist_id=journalist_id)


@task()
def journalist_decision_send(*, journalist_id: int, decision: str) -> int:
    """Tell the journalist what the press office decided."""
    return notifications.decision_send(journalist_id=journalist_id, decision=decision)


@task()
def embargoed_release_send(*, revision_id: int) -> int:
    """Mail an embargoed release to the journalists it is addressed to; returns how many were e-mailed."""
    return notifications.embargoed_release_send(revision_id=revision_id)


@task()
def press_kit_build(*, page_id: int) -> int:
    """(Re)build the press kit of a release or briefing from what may be read now; returns its size (0: none)."""
    kit = press_kits.press_kit_build(page_id=page_id)
    return kit.size if kit else 0
