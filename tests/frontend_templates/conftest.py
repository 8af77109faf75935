"""Content for the reference site's tests: Hanoi's sections filled with every page type, in both its languages."""

import datetime as dt

import pytest
from django.utils import timezone

from embassies import factories as content
from embassies.models import ConsularNoticePage, EventPage
from hub import factories as hub_factories

BODY = [
    ("rich_text", "<h2>What was agreed</h2><p>Both sides agreed to expand scholarships.</p>"),
    ("quote", {"quote": "A new chapter for our partnership.", "attribution": "Catherine Morley", "role": "Ambassador"}),
    ("fact_box", {"title": "In numbers", "facts": ["120 scholarships", "14 universities"]}),
]


def event(parent, *, title: str, starts_in_days: int = 10, **fields) -> EventPage:
    starts = timezone.now() + dt.timedelta(days=starts_in_days)
    fields = {"venue": "Hanoi Opera House", "timezone": "Asia/Ho_Chi_Minh", "summary": "An evening of music.", **fields}
    return content.added(parent, EventPage(title=title, starts_at=starts, ends_at=starts + dt.timedelta(hours=2), **fields))


def notice(parent, *, title: str, valid_from_days: int = -1, valid_until_days: int | None = None, **fields) -> ConsularNoticePage:
    now = timezone.now()
    fields = {"notice_type": "travel_advisory", "severity": "warning", "summary": "Read before you travel.", **fields}
    return content.added(
        parent,
        ConsularNoticePage(
            title=title,
            valid_from=now + dt.timedelta(days=valid_from_days),
            valid_until=now + dt.timedelta(days=valid_until_days) if valid_until_days is not None else None,
            **fields,
        ),
    )


def site_content(hanoi) -> dict:
    """Hanoi's English site: a news article with a hero image and body, an event, notices in and out of force."""
    hero = content.image(
        title="Credentials ceremony", collection=hanoi.collection, alt_text="The ambassador shakes hands with the President"
    )
    news = content.section(hanoi, "news", "en")
    article = content.article(
        news,
        title="Ambassador presents credentials",
        summary="The ambassador presented her letters of credence.",
        kind="press_release",
        hero_image=hero,
        body=BODY,
        share_text_facebook="Facebook: a new ambassador in Hanoi.",
        share_text_x="X: a new ambassador in Hanoi.",
    )
    return {
        "hero": hero,
        "home": hanoi.home_pages.get(locale__language_code="en"),
        "news": news,
        "article": article,
        "event": event(content.section(hanoi, "events", "en"), title="Autumn concert", hero_image=hero),
        "notice": notice(content.section(hanoi, "consular", "en"), title="Typhoon warning", severity="critical"),
        "expired_notice": notice(
            content.section(hanoi, "consular", "en"), title="Flood advisory", valid_from_days=-30, valid_until_days=-2
        ),
    }


def cairo_mission():
    """An Arabic-first mission (provisioned when needed; the session network has none)."""
    return hub_factories.mission(
        "cairo", name="Embassy in Cairo", country="EG", city="Cairo", region_slug="africa-middle-east",
        timezone="Africa/Cairo", default_language_code="ar", extra_language_codes=["en"],
        names={"ar": "السفارة في القاهرة"},
    )


@pytest.fixture
def site(hanoi):
    return site_content(hanoi)


@pytest.fixture
def hero(site):
    return site["hero"]


@pytest.fixture
def cairo(db):
    return cairo_mission()
