"""Background work of the search app (django-tasks): drain the index outbox after a change commits."""

from django_tasks import task

from .gateway import engine_settings
from .services import outbox_drain

MAX_BATCHES = 20


@task()
def outbox_drain_task() -> dict:
    """Apply what is due in the outbox right after a change commits, so search follows within a second.

    It stops at an outage or after a bounded amount of work; `manage.py search_worker` drains the rest.
    """
    totals = {"applied": 0, "failed": 0, "unavailable": False}
    if engine_settings() is None:
        return totals
    for _batch in range(MAX_BATCHES):
        report = outbox_drain()
        totals["applied"] += report.applied
        totals["failed"] += report.failed
        totals["unavailable"] = report.unavailable
        if report.unavailable or not report.applied:
            break
    return totals
