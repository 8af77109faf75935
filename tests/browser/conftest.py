"""Browser fixtures: a real Chromium driven by Playwright, and a live hub server for it.

The server is a separate process (`manage.py runserver --noreload --insecure`, tests/browser/server_settings.py)
on its OWN database, so the browser's commits never touch the session network other tests roll back to, and no
`transactional_db` flush wipes it. That database is a copy of the session's test database taken once, right
after `django_db_setup` built the network (missions hq/hanoi/paris and the staff of tests/conftest.py); see
tests/live_servers.py.
The server indexes into the live search engine (HUB_SEARCH_TEST_URL) under its own index prefix, with tasks
run immediately (the outbox is drained after each commit, as the worker would). A twin server on the same
database has no engine configured, so its /api/v1/search/ answers from the database. Details: docs/testing.md.

Chromium is the system's (`/usr/bin/chromium`, Debian package `chromium`; HUB_CHROMIUM overrides); no browser
is ever downloaded. Without it, or without the search engine, browser tests skip locally and FAIL under CI=true.
Screenshots go to HUB_TEST_ARTIFACTS (default `test-artifacts/journey/`). The server's social adapters point at local
fakes of Facebook's Graph API and X's API v2 (`social_platforms`), so nothing it sends reaches a real platform.
"""

import email
import email.policy
import json
import logging
import os
import secrets
import subprocess
import sys
import threading
import urllib.request
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from search.gateway import EngineSettings, SearchGateway
from tests.live_servers import copy_test_database, free_port, wait_until_serving
from tests.search.helpers import engine_missing, in_ci
from tests.social.fakes.facebook import FakeFacebook
from tests.social.fakes.x import FakeX

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("HUB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
ENGINE_URL = os.environ.get("HUB_SEARCH_TEST_URL", "http://127.0.0.1:9201")
ARTIFACTS = Path(os.environ.get("HUB_TEST_ARTIFACTS") or REPO / "test-artifacts" / "journey")
# hub.factories.UserFactory gives every staff user this password.
STAFF_PASSWORD = "correct-horse-battery"


def browser_missing(reason: str):
    """Skip locally; under CI a missing browser is a failure, never a skip."""
    if in_ci():
        pytest.fail(f"CI=true and the browser is missing: {reason}", pytrace=False)
    pytest.skip(f"no browser ({reason}); install Debian's `chromium` (apt-get install chromium)")


def pytest_collection_modifyitems(items):
    """Browser tests get the test database like any `db` test (pytest-django creates it only when some selected
    test asks, and the network must exist before `hub_server` copies it), inside the usual rolled-back transaction."""
    for item in items:
        if "hub_server" in getattr(item, "fixturenames", ()) and not item.get_closest_marker("django_db"):
            item.add_marker(pytest.mark.django_db)


@pytest.fixture
def browser(request):
    """A headless system Chromium for one test.

    Playwright's sync API keeps an event loop running while it is open, and Django refuses ORM calls from a thread
    with a running loop: so the browser opens after the test's database transaction and the server's database copy,
    closes before them, and a browser test reaches the hub's data only through the server (HTTP, `manage`).
    """
    if not os.access(CHROMIUM, os.X_OK):
        browser_missing(f"{CHROMIUM} not found")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        browser_missing(f"the playwright package is not installed ({error})")
    request.getfixturevalue("hub_server")  # after the checks above (tests naming `hub_server` get it first anyway)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


SCREENSHOTS: list[Path] = []


@pytest.fixture(scope="session")
def screenshot():
    """screenshot(page, "03-submitted") saves a full-page PNG under the artifacts directory and returns its path."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        SCREENSHOTS.append(path)
        return path

    return take


def pytest_terminal_summary(terminalreporter):
    """List the screenshots taken (CI logs show where the artifacts are)."""
    if SCREENSHOTS:
        terminalreporter.section("browser screenshots")
        for path in SCREENSHOTS:
            terminalreporter.write_line(str(path))


@dataclass
class HubServer:
    """The live hub: its base URL, the staff password (users of tests/conftest.py), commands against its database."""

    base_url: str
    env: dict
    index_prefix: str
    log_dir: Path
    # A second server on the same database with no engine configured: the hub's database search, as it
    # answers without OpenSearch or during an outage.
    database_search_base_url: str = ""
    password: str = STAFF_PASSWORD
    processes: list = field(default_factory=list, repr=False)

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def manage(self, *args: str, env: dict | None = None, timeout: int = 120) -> str:
        """Run `manage.py <args>` on the server's database and settings; its stdout, or a failure with its output."""
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=REPO, env={**self.env, **(env or {})},
            capture_output=True, text=True, timeout=timeout,
        )
        if result.returncode != 0:
            pytest.fail(f"manage.py {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def python(self, code: str, *, env: dict | None = None) -> object:
        """Run `code` in Django's shell on the server's database; the JSON it prints last, decoded."""
        return json.loads(self.manage("shell", "--no-imports", "-c", code, env=env).strip().splitlines()[-1])

    def search_index_sync(self) -> None:
        """Apply what the index outbox still holds (`search_worker --once`) and refresh the index, so a search
        sees every change committed so far (the engine otherwise makes writes visible within a second)."""
        self.manage("search_worker", "--once")
        refresh = urllib.request.Request(f"{ENGINE_URL}/{self.index_prefix}*/_refresh", method="POST")
        with urllib.request.urlopen(refresh, timeout=30):
            pass

    def get_json(self, path: str, *, base_url: str | None = None) -> tuple[int, object]:
        """GET a JSON document as an anonymous client (from this server, or `base_url`): (status, body)."""
        request = urllib.request.Request(f"{base_url or self.base_url}{path}", headers={"Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")


class MailOutbox:
    """What the live hub sends, received by a real SMTP server (aiosmtpd) on 127.0.0.1: the server process and its
    management commands are pointed at it with EMAIL_BACKEND/EMAIL_HOST/EMAIL_PORT, as a deployment would be."""

    host = "127.0.0.1"

    def __init__(self, port: int):
        self.port = port
        self.messages: list[Message] = []
        self._arrived = threading.Condition()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        with self._arrived:
            self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
            self._arrived.notify_all()
        return "250 Message accepted for delivery"

    def wait_for(self, *, to: str, subject: str, timeout: float = 30) -> Message:
        """The first message to `to` whose subject contains `subject`, once it has arrived (a bounded wait)."""

        def found():
            return next(
                (m for m in self.messages if m["To"] == to and subject.lower() in str(m["Subject"]).lower()), None
            )

        with self._arrived:
            if not self._arrived.wait_for(found, timeout=timeout):
                sent = [(m["To"], m["Subject"]) for m in self.messages]
                pytest.fail(f"no e-mail to {to} about {subject!r} within {timeout} s; received: {sent}")
            return found()

    @staticmethod
    def text(message: Message) -> str:
        part = next(part for part in message.walk() if part.get_content_type() == "text/plain")
        return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")


@pytest.fixture(scope="session")
def mail_outbox():
    """The live hub's outgoing mail (a session-long SMTP server on a free local port)."""
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every SMTP command at INFO
    outbox = MailOutbox(free_port())
    controller = Controller(outbox, hostname=outbox.host, port=outbox.port)
    controller.start()
    yield outbox
    controller.stop()


# The OAuth clients the fakes accept (tests/social/fakes/facebook.py, x.py).
SOCIAL_OAUTH_CLIENTS = {"facebook": {"id": "fb-app", "secret": "fb-secret"}, "x": {"id": "x-client", "secret": "x-secret"}}


@pytest.fixture(scope="session")
def social_platforms():
    """Local fakes of Facebook's Graph API and X's API v2 on 127.0.0.1 for the session, by platform; the live hub's
    adapters are pointed at them (HUB_SOCIAL_API_BASES), so no post of a browser test reaches a real platform."""
    fakes = {"facebook": FakeFacebook().start(), "x": FakeX().start()}
    yield fakes
    for fake in fakes.values():
        fake.stop()


def _engine_ready() -> None:
    try:
        with urllib.request.urlopen(f"{ENGINE_URL}/_cluster/health?wait_for_status=yellow&timeout=20s", timeout=30):
            pass
    except OSError as error:
        engine_missing(f"{ENGINE_URL} did not answer: {error}")


def _start_server(env: dict, port: int, log_path: Path) -> subprocess.Popen:
    with log_path.open("w") as log:
        return subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", "--insecure", f"127.0.0.1:{port}"],
            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
        )


@pytest.fixture(scope="session")
def hub_server(django_db_setup, django_db_blocker, tmp_path_factory, mail_outbox, social_platforms):
    """A live hub on a copy of the session network, indexing into the live engine; stopped and dropped at the end."""
    _engine_ready()
    tmp_dir = tmp_path_factory.mktemp("journey-server")
    with django_db_blocker.unblock():
        database_url, drop_database = copy_test_database(tmp_dir, "journey")
    port, database_search_port = free_port(), free_port()
    base_url = f"http://127.0.0.1:{port}"
    index_prefix = f"journey-{os.getpid()}-{secrets.token_hex(3)}-"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.browser.server_settings",
        "DATABASE_URL": database_url,
        "TEST_MEDIA_ROOT": str(tmp_dir / "media"),
        # Wagtail 8 autosaves the create form 0.5 s after each edit; an autosave still in flight when the journey
        # clicks "Submit" makes Wagtail create the page twice (a slug clash). Off here until that race is handled.
        "WAGTAIL_AUTOSAVE_INTERVAL": "0",
        "HUB_JOURNEY_BASE_URL": base_url,
        # Mail leaves through SMTP to the session's outbox (tests/browser/server_settings.py reads these).
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": mail_outbox.host,
        "EMAIL_PORT": str(mail_outbox.port),
        "EMAIL_USE_TLS": "",
        "HUB_SEARCH_ENGINE": "opensearch",
        "HUB_SEARCH_URL": ENGINE_URL,
        "HUB_SEARCH_INDEX_PREFIX": index_prefix,
        "HUB_SEARCH_TIMEOUT": "30",
        # Social delivery goes to the session's fakes (tests/browser/server_settings.py reads these).
        "HUB_SOCIAL_API_BASES": json.dumps({platform: fake.url for platform, fake in social_platforms.items()}),
        "HUB_SOCIAL_OAUTH_CLIENTS": json.dumps(SOCIAL_OAUTH_CLIENTS),
        "PYTHONUNBUFFERED": "1",
    }
    server = HubServer(
        base_url=base_url, env=env, index_prefix=index_prefix, log_dir=tmp_dir,
        database_search_base_url=f"http://127.0.0.1:{database_search_port}",
    )
    try:
        # The copy's pages into the engine: the hub's content index, and Wagtail's admin-search index.
        server.manage("search_reindex", "--no-progress")
        server.manage("wagtail_update_index")
        servers = [
            (env, port, base_url, tmp_dir / "server.log"),
            ({**env, "HUB_SEARCH_ENGINE": ""}, database_search_port, server.database_search_base_url,
             tmp_dir / "server-database-search.log"),
        ]
        for server_env, server_port, _url, log_path in servers:
            server.processes.append(_start_server(server_env, server_port, log_path))
        for process, (_env, _port, url, log_path) in zip(server.processes, servers):
            wait_until_serving(process, f"{url}/admin/login/", log_path)
        yield server
    finally:
        for process in server.processes:
            process.terminate()
            process.wait(timeout=30)
        with django_db_blocker.unblock():
            drop_database()
        node = SearchGateway(EngineSettings(
            engine="opensearch", url=ENGINE_URL, username="", password="", index_prefix=index_prefix, timeout=30,
        ))
        for name in node.transport.list_indices(f"{index_prefix}*"):
            node.index_delete(name)


@pytest.fixture
def browser_context(browser, hub_server):
    """A fresh browser context (own cookies) per test, pointed at the live hub."""
    context = browser.new_context(base_url=hub_server.base_url, viewport={"width": 1366, "height": 900}, locale="en-GB")
    context.set_default_timeout(20_000)
    yield context
    context.close()


@pytest.fixture
def signed_in(browser, hub_server):
    """signed_in("hanoi_editor") → a browser page of a new context, signed in to the Wagtail admin as that user."""
    contexts = []

    def sign_in(username: str):
        context = browser.new_context(
            base_url=hub_server.base_url, viewport={"width": 1366, "height": 900}, locale="en-GB"
        )
        context.set_default_timeout(20_000)
        contexts.append(context)
        page = context.new_page()
        page.goto("/admin/login/")
        page.locator("#id_username").fill(username)
        page.locator("#id_password").fill(hub_server.password)
        page.locator("form.login-form button[type=submit]").click()
        page.wait_for_url(f"{hub_server.base_url}/admin/")
        return page

    yield sign_in
    for context in contexts:
        context.close()
