"""Shared fixtures: one small provisioned network, built once per test session.

Provisioning runs Wagtail's real page, revision and permission machinery (about a thousand
queries per mission), so the network is made in `django_db_setup` and every test sees it
inside its own rolled-back transaction.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches

from hub import factories, kept_answers
from hub.models import Mission
from hub.roles import Role

STAFF = {
    "hanoi_editor": (Role.MISSION_EDITOR, "hanoi", None),
    "hanoi_head": (Role.MISSION_HEAD, "hanoi", None),
    "paris_editor": (Role.MISSION_EDITOR, "paris", None),
    "asia_reviewer": (Role.HQ_REVIEWER, None, "asia-pacific"),
    "europe_reviewer": (Role.HQ_REVIEWER, None, "europe"),
    "hq_admin": (Role.HQ_ADMINISTRATOR, None, None),
}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        missions = {
            "hq": factories.mission(
                "hq", name="Ministry Headquarters", kind="hq", country="GB", city="London",
                region_slug="europe", timezone="Europe/London", default_language_code="en",
            ),
            "hanoi": factories.mission(
                "hanoi", name="Embassy in Hanoi", default_language_code="vi", extra_language_codes=["en"],
                names={"vi": "Đại sứ quán tại Hà Nội"},
            ),
            "paris": factories.mission(
                "paris", name="Embassy in Paris", country="FR", city="Paris", region_slug="europe",
                timezone="Europe/Paris", default_language_code="fr", extra_language_codes=["en"],
            ),
        }
        for username, (role, mission_slug, region_slug) in STAFF.items():
            factories.staff_user(
                username,
                role,
                mission=missions.get(mission_slug),
                region=factories.region(region_slug) if region_slug else None,
            )


@pytest.fixture(autouse=True)
def caches_emptied_after_each_test():
    """Kept API answers and site pages are keyed by the content version, whose log ids and (under a frozen clock)
    timestamps repeat from one rolled-back test to the next: without this, a test could be served another's answer."""
    yield
    for cache in caches.all(initialized_only=True):
        cache.clear()
    kept_answers.forget()  # which URLs this process was asked for, and the version it last saw


@pytest.fixture
def hanoi(db):
    return Mission.objects.get(slug="hanoi")


@pytest.fixture
def paris(db):
    return Mission.objects.get(slug="paris")


@pytest.fixture
def hq(db):
    return Mission.objects.get(slug="hq")


@pytest.fixture
def staff(db):
    """Users by name, e.g. staff['hanoi_editor']."""
    users = get_user_model().objects.filter(username__in=STAFF)
    return {user.username: user for user in users}


class PurgeRecorder(BaseHTTPRequestHandler):
    purged: list[str] = []

    def do_PURGE(self):  # noqa: N802 (HTTP method name)
        type(self).purged.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cdn():
    """A CDN on 127.0.0.1 that records the paths it is asked to PURGE: (its URL, the purged paths)."""
    PurgeRecorder.purged = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", PurgeRecorder.purged
    server.shutdown()
