"""Fixtures of the press centre's tests, named by area (accounts_…, embargo_…, briefings_…)."""

import datetime as dt
import io
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from PIL import Image

from hub import factories as hub_factories
from hub.roles import HQ_PRESS_OFFICE_GROUP, Role
from press import factories
from press.factories import embargoed_release
from press.models import AccreditationStatus
from tests.search.conftest import backend, engine_url

PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)


def accounts_png_bytes(size=(40, 25)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def accounts_private_files(settings, tmp_path):
    """Press cards go to a directory of the test's own, so a test can see what is left behind."""
    settings.HUB_PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    return tmp_path / "private"


@pytest.fixture
def accounts_people(db, hanoi, paris, staff):
    """Users by role, and journalists in every state; Hanoi's press attaché and Paris's each see their own."""
    office = hub_factories.staff_user("press_officer", Role.HQ_PRESS_OFFICER)
    people = {
        "hq_press_office": office,
        "hanoi_attache": hub_factories.staff_user("hanoi_attache", Role.PRESS_ATTACHE, mission=hanoi),
        "paris_attache": hub_factories.staff_user("paris_attache", Role.PRESS_ATTACHE, mission=paris),
        "mission_editor": staff["hanoi_editor"],
    }
    assert Group.objects.get(name=HQ_PRESS_OFFICE_GROUP).user_set.filter(pk=office.pk).exists()
    states = {
        "unverified": {"status": AccreditationStatus.UNVERIFIED},
        "pending": {"status": AccreditationStatus.PENDING},
        "accredited": {"status": AccreditationStatus.ACCREDITED, "missions": [hanoi]},
        "expired": {
            "status": AccreditationStatus.ACCREDITED, "missions": [hanoi],
            "accredited_until": timezone.now() - timedelta(days=1),
        },
        "rejected": {"status": AccreditationStatus.REJECTED, "rejection_reason": "No outlet found."},
    }
    for state, fields in states.items():
        journalist = factories.journalist(f"j_{state}", **fields)
        journalist.requested_missions.set([hanoi])
        people[state] = journalist.user
    return people



@pytest.fixture
def accounts_client(django_capture_on_commit_callbacks):
    """Django's test client whose every request runs what it left for after commit (the press centre's e-mail
    tasks), as it would once the request's transaction commits outside a test."""

    class CommittingClient(Client):
        def request(self, **request):
            with django_capture_on_commit_callbacks(execute=True):
                return super().request(**request)

    return CommittingClient()


# The search tests' fixtures, for the briefings' search tests: each test on the database and on the engine.
__all__ = ["backend", "engine_url", "EMBARGO_SECRET", "embargoed_release"]

# Paris's press conference: Thursday 14 January 2027, 11:00-12:00 in Paris (10:00-11:00 UTC), hybrid.
BRIEFINGS_STARTS = dt.datetime(2027, 1, 14, 10, 0, tzinfo=dt.UTC)
BRIEFINGS_BEFORE = BRIEFINGS_STARTS - dt.timedelta(days=2)
BRIEFINGS_DURING = BRIEFINGS_STARTS + dt.timedelta(minutes=20)
BRIEFINGS_AFTER = BRIEFINGS_STARTS + dt.timedelta(hours=3)


@pytest.fixture
def briefings_clock():
    """The clock stopped two days before the briefing; `.move_to(...)` for during and after."""
    with time_machine.travel(BRIEFINGS_BEFORE, tick=False) as traveller:
        yield traveller


@pytest.fixture
def briefings_paris(paris, briefings_clock):
    """Paris's published press conference (English), made two days before it."""
    return factories.briefing(
        factories.briefings_section(paris, "en"),
        title="Press conference on the climate summit",
        starts_at=BRIEFINGS_STARTS,
        briefing_format="hybrid",
        venue="Embassy press room",
        live_stream_url="https://www.youtube.com/live/dQw4w9WgXcQ",
        spokesperson="Claire Dubois",
    )


@pytest.fixture
def briefings_people(db, briefings_clock):
    """One account per role: journalists in each state, the HQ press office, Paris's and Hanoi's staff."""
    return {
        "pending": factories.journalist("pending-reporter", status=AccreditationStatus.PENDING).user,
        "accredited": factories.journalist("accredited-reporter", outlet="Le Courrier").user,
        "expired": factories.journalist(
            "expired-reporter", accredited_until=BRIEFINGS_BEFORE - dt.timedelta(days=1)
        ).user,
        "press_office": hub_factories.staff_user("press-officer", Role.HQ_PRESS_OFFICER),
    }


# --- embargo ---
EMBARGO_SECRET = "EMBARGOWORD"  # in the titles of the embargoed releases tests make: never public before their moment



@pytest.fixture
def embargo_journalists(hanoi, paris):
    """One journalist per state: accredited for Hanoi, for Paris, network-wide; unverified, pending, expired, rejected."""
    past = timezone.now() - timedelta(days=1)
    return {
        "hanoi": factories.journalist("hanoi_reporter", missions=[hanoi], language_codes=["en"]),
        "paris": factories.journalist("paris_reporter", missions=[paris]),
        "network": factories.journalist("network_reporter"),
        "unverified": factories.journalist("new_reporter", status=AccreditationStatus.UNVERIFIED, missions=[hanoi]),
        "pending": factories.journalist("waiting_reporter", status=AccreditationStatus.PENDING, missions=[hanoi]),
        "expired": factories.journalist("expired_reporter", missions=[hanoi], accredited_until=past),
        "rejected": factories.journalist("rejected_reporter", status=AccreditationStatus.REJECTED, missions=[hanoi]),
    }


@pytest.fixture
def embargo_release(hanoi):
    """Hanoi's embargoed press release (in Vietnamese, the mission's language), two hours before its moment."""
    return embargoed_release(hanoi, title=f"{EMBARGO_SECRET} Hanoi trade agreement")
