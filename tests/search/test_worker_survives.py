"""The index worker outlives its outages: a real `manage.py search_worker` process, on its own copy of the test
database, while another process publishes and unpublishes, the engine goes away (a TCP relay in front of it is cut)
and the database refuses it (SQLite locked by a writer; PostgreSQL closed to connections). When both come back the
worker is still running and the index holds exactly what the database says."""

import json
import os
import subprocess
import sys
import urllib.request

import pytest

from hub.workers import TryAgainLater, WorkerLoop
from search.indices import content_alias
from tests.live_servers import copy_test_database
from tests.outages import ROOT, DatabaseOutage, Log, Relay, publish_from_another_process, worker_env

from .helpers import RUN_PREFIX, engine_missing

ENGINE_URL = os.environ.get("HUB_SEARCH_TEST_URL", "")


def _indexed_slugs(prefix: str) -> set[str]:
    alias = content_alias(prefix)
    urllib.request.urlopen(urllib.request.Request(f"{ENGINE_URL}/{alias}/_refresh", method="POST"), timeout=30).close()
    request = urllib.request.Request(
        f"{ENGINE_URL}/{alias}/_search", data=json.dumps({"size": 500, "_source": ["url_path"]}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        hits = json.load(response)["hits"]["hits"]
    return {hit["_source"]["url_path"].rstrip("/").rsplit("/", 1)[-1] for hit in hits}



def test_the_worker_outlives_engine_and_database_outages_and_drains_everything(
    django_db_setup, django_db_blocker, tmp_path
):
    if not ENGINE_URL:
        engine_missing("HUB_SEARCH_TEST_URL is not set")
    with django_db_blocker.unblock():  # a copy of the session's committed network, never the database tests roll back
        database_url, drop_copy = copy_test_database(tmp_path, "worker")
    outage = DatabaseOutage(database_url, unblock=django_db_blocker.unblock)
    prefix = f"{RUN_PREFIX}worker-"
    relay = Relay(ENGINE_URL)
    relay.up()
    env = worker_env(database_url, relay.url, prefix)
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "search_worker", "--poll", "0.2", "--max-backoff", "1"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    log = Log(worker.stdout)
    try:
        publish_from_another_process(env, publish=["Worker drill before"])
        log.expect(r"Applied \d+ outbox entries")

        relay.down()  # the engine goes away; editors keep working
        publish_from_another_process(env, publish=["Worker drill one", "Worker drill two", "Worker drill three"], unpublish=["worker-drill-before"])
        log.expect(r"search worker: TryAgainLater: the search engine is unreachable")

        with outage:  # and then the database refuses the worker too
            relay.up()
            log.expect(r"search worker: OperationalError")
            assert worker.poll() is None, "the worker died on a database error"

        log.expect(r"search worker: working again")
        publish_from_another_process(env, publish=["Worker drill after"], unpublish=["worker-drill-two"])
        log.expect(r"Applied \d+ outbox entries")
        slugs = _indexed_slugs(prefix)
        pending = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c",
             "from search.models import IndexOutbox; print(IndexOutbox.objects.pending().count())"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        )
        assert pending.stdout.strip().splitlines()[-1] == "0", pending.stdout + pending.stderr  # after the shell's own notice
        assert {"worker-drill-one", "worker-drill-three", "worker-drill-after"} <= slugs
        assert not {"worker-drill-before", "worker-drill-two"} & slugs
        assert worker.poll() is None
    finally:
        worker.terminate()
        worker.wait(timeout=60)
        relay.down()
        urllib.request.urlopen(urllib.request.Request(f"{ENGINE_URL}/{prefix}*", method="DELETE"), timeout=30).close()
        with django_db_blocker.unblock():
            drop_copy()
    assert worker.returncode == 0
    assert "Applied" in log.expect(r"Applied \d+ outbox entries\.$")


@pytest.fixture
def outside_any_transaction(django_db_blocker):
    """The loop closes stale connections each round and drops them after a failure, as a worker process does:
    here on the session's connection, outside any test transaction."""
    with django_db_blocker.unblock():
        yield


def test_the_loop_backs_off_on_transient_errors_and_resets_after_a_good_round(outside_any_transaction):
    """The backoff doubles per failed round up to its ceiling and starts again once a round works."""
    from django.db import OperationalError

    waits: list[float] = []
    outcomes = [OperationalError("database is locked"), ConnectionRefusedError(111, "refused"),
                TryAgainLater("engine"), TryAgainLater("engine"), TryAgainLater("engine"), True, False]
    loop = WorkerLoop(name="test", poll=0.5, max_backoff=3, sleep=waits.append)

    def round() -> bool:
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        if not outcomes:
            loop.stop()
        return outcome

    loop.run(round)
    assert waits == [0.5, 1.0, 2.0, 3, 3, 0.5]  # four doublings capped at 3, then idle polling after the work
    assert loop.failures == 0


def test_with_once_a_transient_error_is_raised_not_waited_out(outside_any_transaction):
    loop = WorkerLoop(name="test", sleep=lambda seconds: pytest.fail("must not wait"))
    with pytest.raises(TryAgainLater):
        loop.run(lambda: (_ for _ in ()).throw(TryAgainLater("engine down")), once=True)


@pytest.mark.django_db
def test_webhooks_deliver_without_loop_runs_one_round(capsys):
    """The webhook worker shares the loop only with --loop; without it, one round and out (cron style)."""
    from django.core.management import call_command

    call_command("webhooks_deliver")
    assert capsys.readouterr().out.strip() == "0 deliveries attempted, 0 succeeded."
