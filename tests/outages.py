"""Outages on demand for worker tests: an engine behind a relay that can be cut, a database that refuses its
workers, a worker's log to wait on without sleeping, and edits made from another process."""

import os
import queue
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
import re
import socket
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.db import connection

from tests.live_servers import copy_test_database

ROOT = Path(__file__).resolve().parents[1]
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


def worker_env(database_url: str, search_url: str, prefix: str) -> dict:
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


def publish_from_another_process(env: dict, *, publish=(), unpublish=()) -> None:
    """Edit from another process, as editors in the admin would."""
    script = PUBLISH.format(publish=list(publish), unpublish=list(unpublish))
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr


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


def shell_last_line(env: dict, code: str) -> str:
    """What `code` prints last, run by `manage.py shell` against the worker's database (after the shell's notice)."""
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


@dataclass
class WorkerRun:
    process: subprocess.Popen
    log: Log
    env: dict
    relay: Relay
    outage: DatabaseOutage


@contextmanager
def worker_on_a_copy(command: list[str], *, engine_url: str, prefix: str, tmp_path, django_db_blocker):
    """A worker process (`manage.py <command>`) on its own copy of the session's committed network, reaching the
    engine at `engine_url` through a relay, its indices under `prefix`; stopped, its indices and copy dropped after."""
    with django_db_blocker.unblock():  # a copy, never the database tests roll back
        database_url, drop_copy = copy_test_database(tmp_path, prefix.rstrip("-").rsplit("-", 1)[-1])
    relay = Relay(engine_url)
    relay.up()
    env = worker_env(database_url, relay.url, prefix)
    process = subprocess.Popen(
        [sys.executable, "manage.py", *command], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    run = WorkerRun(process, Log(process.stdout), env, relay, DatabaseOutage(database_url, unblock=django_db_blocker.unblock))
    try:
        yield run
    finally:
        process.terminate()
        process.wait(timeout=60)
        relay.down()
        urllib.request.urlopen(urllib.request.Request(f"{engine_url}/{prefix}*", method="DELETE"), timeout=30).close()
        with django_db_blocker.unblock():
            drop_copy()
