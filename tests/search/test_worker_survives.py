"""The index worker outlives its outages: a real `manage.py search_worker` process, on its own copy of the test
database, while another process publishes and unpublishes, the engine goes away (a TCP relay in front of it is cut)
and the database refuses it (SQLite locked by a writer; PostgreSQL closed to connections). When both come back the
worker is still running and the index holds exactly what the database says."""

import json
import os
import urllib.request

import pytest

from hub.workers import TryAgainLater, WorkerLoop
from search.indices import content_alias
from tests.outages import publish_from_another_process, shell_last_line, worker_on_a_copy

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



def test_the_worker_outlives_engine_and_database_outages_and_drains_everything(django_db_blocker, tmp_path):
    if not ENGINE_URL:
        engine_missing("HUB_SEARCH_TEST_URL is not set")
    prefix = f"{RUN_PREFIX}worker-"
    command = ["search_worker", "--poll", "0.2", "--max-backoff", "1"]
    with worker_on_a_copy(command, engine_url=ENGINE_URL, prefix=prefix, tmp_path=tmp_path,
                          django_db_blocker=django_db_blocker) as run:
        publish_from_another_process(run.env, publish=["Worker drill before"])
        run.log.expect(r"Applied \d+ outbox entries")

        run.relay.down()  # the engine goes away; editors keep working
        publish_from_another_process(
            run.env, publish=["Worker drill one", "Worker drill two", "Worker drill three"], unpublish=["worker-drill-before"]
        )
        run.log.expect(r"search worker: TryAgainLater: the search engine is unreachable")

        with run.outage:  # and then the database refuses the worker too
            run.relay.up()
            run.log.expect(r"search worker: OperationalError")
            assert run.process.poll() is None, "the worker died on a database error"

        run.log.expect(r"search worker: working again")
        publish_from_another_process(run.env, publish=["Worker drill after"], unpublish=["worker-drill-two"])
        run.log.expect(r"Applied \d+ outbox entries")
        slugs = _indexed_slugs(prefix)
        pending = "from search.models import IndexOutbox; print(IndexOutbox.objects.pending().count())"
        assert shell_last_line(run.env, pending) == "0"
        assert {"worker-drill-one", "worker-drill-three", "worker-drill-after"} <= slugs
        assert not {"worker-drill-before", "worker-drill-two"} & slugs
        assert run.process.poll() is None
    assert run.process.returncode == 0
    assert "Applied" in run.log.expect(r"Applied \d+ outbox entries\.$")


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
