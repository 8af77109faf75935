"""The index worker outlives its outages: a real `manage.py search_worker` process, on its own copy of the test
database, while another process publishes and unpublishes, the engine goes away (a TCP relay in front of it is cut)
and the database refuses it (SQLite locked by a writer; PostgreSQL closed to connections). When both come back the
worker is still running and the index holds exactly what the database says."""

import json
import os
import queue
import re
import socket
import sqlite3
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from hub.workers import TryAgainLater, WorkerLoop
from search.indices import content_alias
from tests.live_servers import copy_test_database

from .helpers import RUN_PREFIX, engine_missing

ROOT = Path(__file__).resolve().parents[2]
ENGINE_URL = os.environ.get("HUB_SEARCH_TEST_URL", "")
EXPECT_SECONDS = 120


class Relay:
    """A TCP relay on 127.0.0.1 to the engine that can be cut (listener and open connections) and restored."""

    def __init__(self, target: str):
        host, port = target.split("//", 1)[1].rstrip("/").split(":")
        self.target = (host, int(port))
        self.listener: socket.socket | None = None
        self.open: list[socket.socket] = []
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def up(self) -> None:
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(16)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def down(self) -> None:
        if self.listener is not None:
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept(); close() alone would not
            self.listener.close()
            self.listener = None
        for sock in self.open:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()
        self.open.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # cut
            upstream = socket.create_connection(self.target)
            self.open += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while chunk := source.recv(65536):
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            try:
                sink.shutdown(socket.SHUT_WR)
            except OSError:
                pass


class Log:
    """The worker's log, line by line, read on a thread so the test can wait for a line without sleeping."""

    def __init__(self, stream):
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream) -> None:
        for line in stream:
            self.lines.put(line.rstrip())

    def expect(self, pattern: str) -> str:
        """The next line matching `pattern`; fails with the whole log if none comes in EXPECT_SECONDS."""
        try:
            while True:
                line = self.lines.get(timeout=EXPECT_SECONDS)
                self.seen.append(line)
                if re.search(pattern, line):
                    return line
        except queue.Empty:
            pytest.fail(f"no log line matching {pattern!r}; the worker said:\n" + "\n".join(self.seen), pytrace=False)


def _env(database_url: str, search_url: str, prefix: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hub.settings.dev",
        "DATABASE_URL": database_url,
        "HUB_SEARCH_ENGINE": "opensearch",
        "HUB_SEARCH_URL": search_url,
        "HUB_SEARCH_INDEX_PREFIX": prefix,
        "HUB_SEARCH_TIMEOUT": "3",
        "HUB_TASK_BACKEND": "database",  # nobody runs the queued drain tasks: only the worker applies the outbox
        "LOG_LEVEL": "INFO",
        "PYTHONUNBUFFERED": "1",
    }


PUBLISH = """
from embassies import factories as content
from hub.models import Mission
news = content.section(Mission.objects.get(slug="hanoi"))
for title in {publish!r}:
    content.article(news, title=title)
for slug in {unpublish!r}:
    news.get_children().get(slug=slug).specific.unpublish()
"""


def _publish(env: dict, *, publish=(), unpublish=()) -> None:
    """Edit from another process, as editors in the admin would."""
    script = PUBLISH.format(publish=list(publish), unpublish=list(unpublish))
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr


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


class DatabaseOutage:
    """The worker's database refusing it: SQLite held under an exclusive lock, PostgreSQL closed to connections."""

    def __init__(self, database_url: str, *, unblock):
        self.url, self.unblock = database_url, unblock
        self.lock: sqlite3.Connection | None = None

    def _postgresql(self, sql: str, *params) -> None:
        with self.unblock(), connection.cursor() as cursor:
            cursor.execute(sql, params)

    def __enter__(self):
        if self.url.startswith("sqlite:"):
            self.lock = sqlite3.connect(self.url.removeprefix("sqlite:///"), isolation_level=None)
            self.lock.execute("BEGIN EXCLUSIVE")
        else:
            name = self.url.rsplit("/", 1)[1]
            self._postgresql(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
            self._postgresql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", name)
        return self

    def __exit__(self, *exc):
        if self.lock is not None:
            self.lock.execute("ROLLBACK")
            self.lock.close()
        else:
            self._postgresql(f'ALTER DATABASE "{self.url.rsplit("/", 1)[1]}" ALLOW_CONNECTIONS true')


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
    env = _env(database_url, relay.url, prefix)
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "search_worker", "--poll", "0.2", "--max-backoff", "1"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    log = Log(worker.stdout)
    try:
        _publish(env, publish=["Worker drill before"])
        log.expect(r"Applied \d+ outbox entries")

        relay.down()  # the engine goes away; editors keep working
        _publish(env, publish=["Worker drill one", "Worker drill two", "Worker drill three"], unpublish=["worker-drill-before"])
        log.expect(r"search worker: TryAgainLater: the search engine is unreachable")

        with outage:  # and then the database refuses the worker too
            relay.up()
            log.expect(r"search worker: OperationalError")
            assert worker.poll() is None, "the worker died on a database error"

        log.expect(r"search worker: working again")
        _publish(env, publish=["Worker drill after"], unpublish=["worker-drill-two"])
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
