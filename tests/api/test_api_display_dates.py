"""Reader-facing dates in feeds and in the API's `display` object: each page's own language (CLDR) and time zone,
next to machine dates that stay ISO 8601 / RFC 822. Content and expected strings: tests/frontend_templates/conftest.py.
"""

import datetime as dt

import feedparser
import pytest
import time_machine

from tests.frontend_templates.conftest import DATES_SHOWN, PUBLISHED, STARTS, dated  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def get(client, url):
    with time_machine.travel(PUBLISHED + dt.timedelta(days=1), tick=False):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.content[:300])
    return response


def test_api_pages_carry_display_dates_in_their_own_language_beside_iso_dates(client, dated):
    for code, (mission, day, moment) in DATES_SHOWN.items():
        items = get(client, f"/api/v1/pages/?mission={mission}&locale={code}").json()["results"]
        by_title = {item["title"]: item for item in items}
        article, event = by_title[f"Article ({code})"], by_title[f"Event ({code})"]

        assert article["display"] == {"first_published_at": day, "last_published_at": day}, code
        assert event["display"]["starts_at"] == moment, code
        assert dt.datetime.fromisoformat(article["first_published_at"]) == PUBLISHED
        assert dt.datetime.fromisoformat(event["starts_at"]) == STARTS


def test_api_page_detail_has_the_same_display_dates(client, dated):
    event = dated["ar"]["event"]

    detail = get(client, f"/api/v1/pages/{event.pk}/").json()

    assert detail["display"]["starts_at"] == DATES_SHOWN["ar"][2]
    assert detail["display"]["first_published_at"] == DATES_SHOWN["ar"][1]


@pytest.mark.parametrize("feed_format", ["rss", "atom"])
def test_feed_event_items_say_when_in_the_feeds_language_and_keep_rfc_dates(client, dated, feed_format):
    for code, (mission, _day, moment) in DATES_SHOWN.items():
        feed = feedparser.parse(get(client, f"/api/v1/feeds/{mission}/{code}/{feed_format}/").content)
        entries = {entry.title: entry for entry in feed.entries}

        assert entries[f"Event ({code})"].summary == f"{moment} · Music.", code
        assert entries[f"Article ({code})"].summary == "A short standfirst."
        assert dt.datetime(*entries[f"Article ({code})"].published_parsed[:6], tzinfo=dt.timezone.utc) == PUBLISHED


def test_json_feed_event_text_says_when_in_the_feeds_language(client, dated):
    items = get(client, "/api/v1/feeds/tokyo/ja/json/").json()["items"]
    event = next(item for item in items if item["title"] == "Event (ja)")

    assert event["content_text"] == "2026年12月30日 17:00 · Music."
    assert event["date_published"] == PUBLISHED.isoformat()
