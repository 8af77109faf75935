"""Shared press-centre fixtures. Embargo fixtures are prefixed `embargo_`."""

from datetime import timedelta

import pytest
from django.utils import timezone

from press import factories
from press.factories import embargoed_release
from press.models import AccreditationStatus

EMBARGO_SECRET = "EMBARGOWORD"  # in the titles of the embargoed releases tests make: never public before their moment

__all__ = ["EMBARGO_SECRET", "embargoed_release"]


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
