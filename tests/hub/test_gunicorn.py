"""The deployment's web server: gunicorn with the project's gunicorn.conf.py and production settings, over HTTP.

The configuration loads the application once in the master, closes what the master opened and freezes the loaded
objects before forking (gunicorn.conf.py); a mistake there only shows when a real gunicorn starts, so one does,
after `collectstatic` as in a deployment, on a copy of the session's test database.
"""

import json
import os
import secrets
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.live_servers import copy_test_database, free_port, wait_until_serving

REPO = Path(__file__).resolve().parents[2]


def _get(url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def gunicorn_server(django_db_setup, django_db_blocker, tmp_path_factory):
    tmp_dir = tmp_path_factory.mktemp("gunicorn")
    with django_db_blocker.unblock():
        database_url, drop_database = copy_test_database(tmp_dir, "gunicorn")
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hub.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "HUB_SOCIAL_TOKEN_KEYS": "Zm9yLXRoZS1kZXBsb3ktY2hlY2stb25seS0zMmJ5dGU=",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",  # plain HTTP on the loopback; TLS ends at the proxy in a deployment
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(tmp_dir / "media"),
        "HUB_CACHE_URL": "locmem",
        "HUB_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
    }
    env["STATIC_ROOT"] = str(tmp_dir / "static")
    subprocess.run(  # as a deployment does: production settings serve hashed names from a manifest
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=REPO, env=env, check=True, timeout=300,
    )
    log_path = tmp_dir / "gunicorn.log"
    with log_path.open("w") as log:
        # Started from the project root with no --config: gunicorn finds ./gunicorn.conf.py itself, as in production.
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "hub.wsgi"], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(process, f"{base_url}/api/v1/missions/", log_path)
        yield base_url, log_path
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        with django_db_blocker.unblock():
            drop_database()


@pytest.mark.django_db
def test_gunicorn_serves_the_api_with_the_projects_configuration(gunicorn_server):
    base_url, log_path = gunicorn_server
    status, _headers, body = _get(f"{base_url}/api/v1/missions/")
    assert status == 200 and "hanoi" in {mission["slug"] for mission in json.loads(body)}

    status, headers, first = _get(f"{base_url}/api/v1/pages/")
    assert status == 200 and headers["ETag"]
    for _ in range(4):  # both workers, kept answers and 304s
        assert _get(f"{base_url}/api/v1/pages/")[2] == first
        assert _get(f"{base_url}/api/v1/pages/", {"If-None-Match": headers["ETag"]})[0] == 304
    log = log_path.read_text()
    assert log.count("Booting worker") == 2 and "Traceback" not in log


@pytest.mark.django_db
def test_gunicorn_keeps_the_production_headers_and_errors(gunicorn_server):
    base_url, _log_path = gunicorn_server
    status, headers, body = _get(f"{base_url}/api/v1/pages/?page_size=lots")
    assert status == 400 and json.loads(body)["code"] == "invalid"
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["X-Frame-Options"] == "DENY"
    assert _get(f"{base_url}/admin/login/")[0] == 200  # the admin, with sessions and CSRF, from the same workers
