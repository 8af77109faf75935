"""Content for the reference site's tests: Hanoi's sections filled with every page type, in both its languages."""

import datetime as dt

import pytest
import time_machine
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


def tokyo_mission():
    """A Japanese-language mission (provisioned when needed)."""
    return hub_factories.mission(
        "tokyo", name="Embassy in Tokyo", country="JP", city="Tokyo", timezone="Asia/Tokyo",
        default_language_code="ja", names={"ja": "在東京大使館"},
    )


# One article published and one event starting at a fixed moment, in five languages, and how each language's
# readers must see them (CLDR long date; long date and short time in the mission's zone: Hanoi +7, Paris +1,
# Tokyo +9, Cairo +2). Written out by hand, not computed with Babel, so a wrong pattern cannot pass.
PUBLISHED = dt.datetime(2025, 8, 7, 10, 0, tzinfo=dt.timezone.utc)
STARTS = dt.datetime(2026, 12, 30, 8, 0, tzinfo=dt.timezone.utc)
DATES_SHOWN = {
    "en": ("hanoi", "August 7, 2025", "December 30, 2026, 3:00\u202fPM"),
    "vi": ("hanoi", "7 tháng 8, 2025", "15:00 30 tháng 12, 2026"),
    "fr": ("paris", "7 août 2025", "30 décembre 2026, 09:00"),
    "ja": ("tokyo", "2025年8月7日", "2026年12月30日 17:00"),
    "ar": ("cairo", "7 أغسطس 2025", "30 ديسمبر 2026، 10:00 ص"),
}


def dated_content(missions: dict) -> dict:
    """Per language: an article published at PUBLISHED and an event at the mission's venue starting at STARTS."""
    made = {}
    with time_machine.travel(PUBLISHED, tick=False):
        for code, (slug, _day, _moment) in DATES_SHOWN.items():
            mission = missions[slug]
            made[code] = {
                "article": content.article(content.section(mission, "news", code), title=f"Article ({code})"),
                "event": content.added(
                    content.section(mission, "events", code),
                    EventPage(
                        title=f"Event ({code})", summary="Music.", venue="Opera House", timezone=mission.timezone,
                        starts_at=STARTS, ends_at=STARTS + dt.timedelta(hours=2),
                    ),
                ),
            }
    return made


@pytest.fixture
def dated(hanoi, paris):
    return dated_content({"hanoi": hanoi, "paris": paris, "tokyo": tokyo_mission(), "cairo": cairo_mission()})


@pytest.fixture
def site(hanoi):
    return site_content(hanoi)


@pytest.fixture
def hero(site):
    return site["hero"]


@pytest.fixture
def cairo(db):
    return cairo_mission()
