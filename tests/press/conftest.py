"""Shared press-centre fixtures. Embargo fixtures are prefixed `embargo_`."""

from datetime import timedelta

import pytest
from django.utils import timezone

from embassies import factories as content
from press import factories
from press.models import AccreditationStatus

EMBARGO_SECRET = "EMBARGOWORD"  # in the title and body of every embargoed release: never public before its moment


def embargoed_release(mission, *, title, until=None, language=None, kind="press_release", missions=(),
                      network_wide=False, section="news", body="Text under embargo", **fields):
    """A release approved with a future go-live: Wagtail schedules it (not live) and keeps that revision."""
    page = content.article(
        content.section(mission, section, language), title=title, live=False, kind=kind,
        summary=f"{title} standfirst", body=[("rich_text", f"<p>{body}</p>")],
        embargo_for_press=True, embargo_network_wide=network_wide,
        go_live_at=until or timezone.now() + timedelta(hours=2), **fields,
    )
    if missions:
        page.embargo_missions.set(missions)
    page.save_revision().publish()  # a future go-live: publishing only schedules it
    page.refresh_from_db()
    return page


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
