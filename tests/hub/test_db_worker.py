"""The task worker (`manage.py db_worker`, django-tasks-db's loop inside hub.workers.WorkerLoop) outlives a database
outage: a real worker process on its own copy of the test database runs the index tasks another process queues
by publishing, before, during and after the database refuses it."""

import os

import pytest

from tests.outages import publish_from_another_process, shell_last_line, worker_on_a_copy
from tests.search.helpers import RUN_PREFIX, engine_missing

ENGINE_URL = os.environ.get("HUB_SEARCH_TEST_URL", "")
LEFT = """
from django_tasks_db.models import DBTaskResult
from search.models import IndexOutbox
unfinished = sorted(DBTaskResult.objects.exclude(status="SUCCESSFUL").values_list("status", flat=True))
print(IndexOutbox.objects.pending().count(), ",".join(unfinished) or "none")
"""
DRAIN_DONE = r"outbox_drain_task.*SUCCESSFUL|SUCCESSFUL.*outbox_drain_task"


def test_the_task_worker_outlives_a_database_outage_and_runs_every_task(django_db_blocker, tmp_path):
    if not ENGINE_URL:
        engine_missing("HUB_SEARCH_TEST_URL is not set")
    command = ["db_worker", "--interval", "0.2", "--no-startup-delay", "--no-reload"]
    with worker_on_a_copy(command, engine_url=ENGINE_URL, prefix=f"{RUN_PREFIX}tasks-", tmp_path=tmp_path,
                          django_db_blocker=django_db_blocker) as run:
        publish_from_another_process(run.env, publish=["Task drill before"])
        run.log.expect(DRAIN_DONE)

        with run.outage:
            if run.env["DATABASE_URL"].startswith("postgres"):
                # django-tasks-db's own loop would exit here; a locked SQLite it waits out by itself.
                run.log.expect(r"task worker: OperationalError")
            assert run.process.poll() is None, "the worker died on a database error"

        publish_from_another_process(run.env, publish=["Task drill after"], unpublish=["task-drill-before"])
        for _ in range(20):  # each edit queued a task: wait for them one finished task at a time
            run.log.expect(DRAIN_DONE)
            if (left := shell_last_line(run.env, LEFT)) == "0 none":
                break
        assert left == "0 none"  # no outbox entry left unapplied, no task unfinished
        assert run.process.poll() is None
    assert run.process.returncode == 0, "\n".join(run.log.seen)


@pytest.mark.django_db
def test_db_worker_is_the_hubs(capsys):
    """`hub` shadows django-tasks-db's command, so every deployment that runs `db_worker` gets the resilient one."""
    from django.core.management import get_commands

    assert get_commands()["db_worker"] == "hub"
