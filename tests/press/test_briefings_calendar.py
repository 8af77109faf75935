"""The iCalendar feeds of upcoming briefings, per mission and for HQ, parsed back with `icalendar`: RRULE, the
mission's time zone (TZID and its VTIMEZONE), UIDs that survive a republish, ETag/304, nothing unpublished or past."""

import datetime as dt

import pytest
from django.test import Client
from icalendar import Calendar

from press import factories

from .conftest import BRIEFINGS_AFTER, BRIEFINGS_STARTS


def feed(mission_slug="paris", language="en", **headers):
    return Client().get(f"/{language}/press/briefings/{mission_slug}.ics", **headers)


def events(response):
    return [component for component in Calendar.from_ical(response.content).walk("VEVENT")]


@pytest.mark.django_db
def test_mission_feed_lists_upcoming_briefings_in_the_missions_zone(briefings_paris):
    response = feed()
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    [event] = events(response)
    assert str(event["summary"]) == "Press conference on the climate summit"
    start = event.decoded("dtstart")
    assert event["dtstart"].params["TZID"] == "Europe/Paris"
    assert start == BRIEFINGS_STARTS and start.utcoffset() == dt.timedelta(hours=1)
    assert [str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    assert str(event["location"]) == "Embassy press room"
    assert str(event["url"]).endswith(briefings_paris.url)


@pytest.mark.django_db
def test_weekly_briefing_carries_its_rrule_and_a_uid_that_survives_a_republish(hq, briefings_clock):
    section = factories.briefings_section(hq, "en")
    page = factories.briefing(
        section, starts_at=BRIEFINGS_STARTS, recurrence_frequency="WEEKLY", recurrence_weekdays=["TH"],
        recurrence_until=dt.date(2027, 6, 24),
    )
    [event] = events(feed("hq"))
    assert event["rrule"].to_ical() == b"FREQ=WEEKLY;UNTIL=20270624T225959Z;INTERVAL=1;BYDAY=TH"
    uid = str(event["uid"])
    page.title = "Regular press briefing (new time)"
    page.save_revision().publish()
    [again] = events(feed("hq"))
    assert str(again["uid"]) == uid and str(again["summary"]) == "Regular press briefing (new time)"


@pytest.mark.django_db
def test_feed_answers_304_to_its_etag_and_changes_when_a_briefing_is_published(briefings_paris, paris):
    first = feed()
    assert first["ETag"] and "public" in first["Cache-Control"]
    assert feed(HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    factories.briefing(factories.briefings_section(paris, "en"), title="Second briefing", starts_at=BRIEFINGS_STARTS)
    changed = feed(HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]


@pytest.mark.django_db
def test_feed_leaves_out_drafts_other_missions_other_languages_and_past_briefings(briefings_paris, hanoi, paris, briefings_clock):
    factories.briefing(factories.briefings_section(paris, "en"), title="Zephyrmark draft", live=False)
    factories.briefing(factories.briefings_section(hanoi, "en"), title="Zephyrmark Hanoi")
    assert [str(event["summary"]) for event in events(feed())] == ["Press conference on the climate summit"]
    assert events(feed(language="fr")) == []
    briefings_clock.move_to(BRIEFINGS_AFTER)
    assert events(feed()) == []


@pytest.mark.django_db
def test_unknown_mission_feed_is_a_404(db):
    assert feed("atlantis").status_code == 404
