"""The task worker (`manage.py db_worker`, django-tasks-db's loop inside hub.workers.WorkerLoop) outlives a database
outage: a real worker process on its own copy of the test database runs the index tasks another process queues
by publishing, before, during and after the database refuses it."""

import os
import subprocess
import sys

import pytest

from tests.live_servers import copy_test_database
from tests.outages import ROOT, DatabaseOutage, Log, Relay, publish_from_another_process, worker_env
from tests.search.helpers import RUN_PREFIX, engine_missing

ENGINE_URL = os.environ.get("HUB_SEARCH_TEST_URL", "")
LEFT = """
from django_tasks_db.models import DBTaskResult
from search.models import IndexOutbox
unfinished = sorted(DBTaskResult.objects.exclude(status="SUCCESSFUL").values_list("status", flat=True))
print(IndexOutbox.objects.pending().count(), ",".join(unfinished) or "none")
"""


def _left(env: dict) -> str:
    """Outbox entries not applied and tasks not finished, as the worker's database has them."""
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", LEFT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]  # after the shell's own notice


def test_the_task_worker_outlives_a_database_outage_and_runs_every_task(django_db_setup, django_db_blocker, tmp_path):
    if not ENGINE_URL:
        engine_missing("HUB_SEARCH_TEST_URL is not set")
    with django_db_blocker.unblock():
        database_url, drop_copy = copy_test_database(tmp_path, "tasks")
    prefix = f"{RUN_PREFIX}tasks-"
    relay = Relay(ENGINE_URL)
    relay.up()
    env = worker_env(database_url, relay.url, prefix)
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay", "--no-reload"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    log = Log(worker.stdout)
    try:
        publish_from_another_process(env, publish=["Task drill before"])
        log.expect(r"outbox_drain_task.*SUCCESSFUL|SUCCESSFUL.*outbox_drain_task")

        with DatabaseOutage(database_url, unblock=django_db_blocker.unblock):
            if database_url.startswith("postgres"):
                # django-tasks-db's own loop would exit here; a locked SQLite it waits out by itself.
                log.expect(r"task worker: OperationalError")
            assert worker.poll() is None, "the worker died on a database error"

        publish_from_another_process(env, publish=["Task drill after"], unpublish=["task-drill-before"])
        for _ in range(20):  # each edit queued a task: wait for them one finished task at a time
            log.expect(r"outbox_drain_task.*SUCCESSFUL|SUCCESSFUL.*outbox_drain_task")
            if (left := _left(env)) == "0 none":
                break
        assert left == "0 none"
        assert worker.poll() is None
    finally:
        worker.terminate()
        worker.wait(timeout=60)
        relay.down()
        with django_db_blocker.unblock():
            drop_copy()
    assert worker.returncode == 0, "\n".join(log.seen)


@pytest.mark.django_db
def test_db_worker_is_the_hubs(capsys):
    """`hub` shadows django-tasks-db's command, so every deployment that runs `db_worker` gets the resilient one."""
    from django.core.management import get_commands

    assert get_commands()["db_worker"] == "hub"
