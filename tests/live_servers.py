"""Live servers for tests: a hub process of its own (the browser journey's runserver, the deployment's gunicorn)
on a copy of the session's test database, so its commits never touch the network other tests roll back to.

The copy is taken with SQLite's backup API to a file, or on PostgreSQL `CREATE DATABASE <test db>_<suffix>
TEMPLATE <test db>`.
"""

import socket
import sqlite3
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from django.db import connection, connections

SERVER_START_SECONDS = 90


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_test_database(tmp_dir: Path, suffix: str) -> tuple[str, object]:
    """Copy the session's test database (migrated, with the network); its URL and a function dropping the copy."""
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        path = tmp_dir / f"{suffix}.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(path) as target:
            connection.connection.backup(target)
        return f"sqlite:///{path}", lambda: None
    if connection.vendor != "postgresql":
        pytest.fail(f"live servers support SQLite and PostgreSQL, not {connection.vendor}", pytrace=False)
    import psycopg

    source, copy = settings_dict["NAME"], f"{settings_dict['NAME']}_{suffix}"
    params = {
        "host": settings_dict.get("HOST") or None, "port": settings_dict.get("PORT") or None,
        "user": settings_dict.get("USER") or None, "password": settings_dict.get("PASSWORD") or None,
    }

    def execute(sql: str) -> None:
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as maintenance:
            maintenance.execute(sql)

    # A template database must have no other sessions: close this process's, and end any left idle by threads of
    # earlier tests (Django opens one per thread).
    connections.close_all()
    execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        f"WHERE datname = '{source}' AND pid <> pg_backend_pid() AND state = 'idle'"
    )
    execute(f'DROP DATABASE IF EXISTS "{copy}"')
    execute(f'CREATE DATABASE "{copy}" TEMPLATE "{source}"')
    url = f"postgres://{params['user'] or ''}:{params['password'] or ''}@{params['host'] or ''}:{params['port'] or 5432}/{copy}"
    return url, lambda: execute(f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)')


def wait_until_serving(process: subprocess.Popen, url: str, log_path: Path) -> None:
    """Return once `url` answers 200; fail with the server's log if it exits or never does."""
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server exited ({process.returncode}):\n{log_path.read_text()}", pytrace=False)
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.25)  # polling a process that is still starting; nothing to await instead
    pytest.fail(f"the server did not answer in {SERVER_START_SECONDS} s:\n{log_path.read_text()}", pytrace=False)
