"""Fixtures of the press centre's tests. Named by area (`briefings_…`) so the areas' fixtures never collide."""

import datetime as dt

import pytest
import time_machine

from hub import factories as hub_factories
from hub.roles import Role
from press import factories
from press.models import AccreditationStatus
from tests.search.conftest import backend, engine_url

# The search tests' fixtures, for the briefings' search tests: each test on the database and on the engine.
__all__ = ["backend", "engine_url"]

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
