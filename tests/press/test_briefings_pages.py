"""Briefing pages: where they may be created, the admin form's errors (end before start, venue, stream link,
repeats, captions), the recurrence as an RRULE with its occurrences in the mission's zone, and the public site."""

import datetime as dt

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.models import Page

from embassies import factories as content
from embassies.models import HubDocument
from press import factories
from press.briefing_rules import live_stream_embed_url, live_stream_provider
from press.models import BriefingPage
from press.presentation import rrule_text
from tests.frontend_templates.conftest import tokyo_mission

# A Thursday, 10:00 in London (winter, UTC+0).
THURSDAY = dt.datetime(2027, 1, 7, 10, 0, tzinfo=dt.UTC)
YOUTUBE_LIVE = "https://www.youtube.com/live/dQw4w9WgXcQ"


@pytest.fixture
def hq_section(hq):
    return factories.briefings_section(hq, "en")


@pytest.fixture
def hq_admin_client(staff):
    client = Client()
    client.force_login(staff["hq_admin"])
    return client


def add_form(section, **overrides) -> dict:
    data = {
        "title": "Weekly briefing", "slug": "weekly-briefing", "summary": "The spokesperson answers questions.",
        "starts_at": "2027-01-07 10:00", "ends_at": "2027-01-07 11:00",
        "recurrence_frequency": "", "recurrence_interval": "1",
        "briefing_format": "in_person", "venue": "Press room", "live_stream_url": "",
        "language_code": "en", "spokesperson": "Ana Silva",
        "body-count": "0", "transcript-count": "0",
        "action-publish": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def add_url(section) -> str:
    return f"/admin/pages/add/press/briefingpage/{section.pk}/"


def field_errors(response) -> dict:
    form = response.context["form"]
    return {name: [str(error) for error in errors] for name, errors in form.errors.items()}


@pytest.mark.django_db
def test_briefings_can_be_created_only_in_a_press_briefings_section(hq, hq_section):
    news = content.section(hq, "news", "en")
    assert BriefingPage.can_create_at(hq_section)
    assert not BriefingPage.can_create_at(news)


@pytest.mark.django_db
def test_admin_form_publishes_a_weekly_briefing_in_the_missions_zone(hq_section, hq_admin_client):
    response = hq_admin_client.post(
        add_url(hq_section),
        add_form(hq_section, recurrence_frequency="WEEKLY", recurrence_weekdays=["TH"], recurrence_until="2027-03-25",
                 briefing_format="hybrid", live_stream_url=YOUTUBE_LIVE, interpretation_languages=["fr", "ar"]),
    )
    assert response.status_code == 302, field_errors(response)
    page = BriefingPage.objects.get(slug="weekly-briefing")
    assert page.mission.slug == "hq"
    assert page.interpretation_languages == ["fr", "ar"]
    assert rrule_text(page) == "FREQ=WEEKLY;UNTIL=20270325T235959Z;INTERVAL=1;BYDAY=TH"
    occurrences = page.occurrences()
    assert len(occurrences) == 12 and occurrences[-1][0].date() == dt.date(2027, 3, 25)
    assert page.last_ends_at == occurrences[-1][1]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"ends_at": "2027-01-07 09:00"}, "ends_at", "The briefing must end after it starts."),
        ({"venue": ""}, "venue", "Give the venue of an in-person or hybrid briefing."),
        ({"briefing_format": "online", "venue": "", "live_stream_url": "https://vimeo.com/123456"},
         "live_stream_url", "Use a YouTube or Facebook live link (https://)."),
        ({"briefing_format": "online", "venue": "", "live_stream_url": "http://youtu.be/dQw4w9WgXcQ"},
         "live_stream_url", "Use a YouTube or Facebook live link (https://)."),
        ({"briefing_format": "online", "venue": ""}, "live_stream_url",
         "Give the live-stream link of an online or hybrid briefing."),
        ({"recurrence_frequency": "WEEKLY", "recurrence_until": "2027-03-01", "recurrence_count": "4"},
         "recurrence_count", "Repeat either until a day or a number of times, not both."),
        ({"recurrence_frequency": "WEEKLY", "recurrence_until": "2026-12-01"},
         "recurrence_until", "The repeats must end after the first briefing."),
        ({"recurrence_count": "4"}, "recurrence_frequency", "Choose how often the briefing repeats."),
    ],
)
@pytest.mark.django_db
def test_admin_form_names_what_is_wrong_and_saves_nothing(hq_section, hq_admin_client, overrides, field, message):
    response = hq_admin_client.post(add_url(hq_section), add_form(hq_section, **overrides))
    assert response.status_code == 200
    assert message in field_errors(response)[field]
    assert not BriefingPage.objects.filter(slug="weekly-briefing").exists()


@pytest.mark.django_db
def test_captions_that_are_not_webvtt_are_refused(hq, hq_section, hq_admin_client):
    def document(name, body):
        return HubDocument.objects.create(title=name, collection=hq.collection, file=SimpleUploadedFile(name, body))

    bad = document("captions.vtt", b"1\n00:00:01,000 --> 00:00:02,000\nSRT, not WebVTT\n")
    good = document("good.vtt", b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nGood morning.\n")
    response = hq_admin_client.post(add_url(hq_section), add_form(hq_section, captions=str(bad.pk)))
    assert field_errors(response)["captions"] == ["The captions must be a WebVTT (.vtt) file."]
    response = hq_admin_client.post(add_url(hq_section), add_form(hq_section, captions=str(good.pk)))
    assert response.status_code == 302, field_errors(response)


@pytest.mark.parametrize(
    ("url", "provider", "embed"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "youtube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        (YOUTUBE_LIVE, "youtube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ", "youtube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://www.facebook.com/MinistryPress/videos/1234567890/", "facebook",
         "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2FMinistryPress%2Fvideos%2F1234567890%2F&show_text=false"),
        ("https://www.youtube.com.evil.example/live/dQw4w9WgXcQ", None, None),
        ("https://www.facebook.com/MinistryPress/posts/1", None, None),
        ("javascript:alert(1)", None, None),
    ],
)
def test_live_stream_links_accepted_and_their_privacy_friendly_embed(url, provider, embed):
    assert live_stream_provider(url) == provider
    assert live_stream_embed_url(url) == embed


@pytest.mark.django_db
def test_weekly_briefing_keeps_its_local_time_across_the_clock_change(hq_section):
    page = factories.briefing(
        hq_section, starts_at=THURSDAY, recurrence_frequency="WEEKLY", recurrence_weekdays=["TH"], recurrence_count=14
    )
    occurrences = page.occurrences()
    assert len(occurrences) == 14
    # London moves to summer time on 28 March 2027: still 10:00 there, 09:00 UTC.
    assert {start.strftime("%H:%M") for start, _end in occurrences} == {"10:00"}
    assert occurrences[-1][0].astimezone(dt.UTC).hour == 9
    with time_machine.travel(dt.datetime(2027, 2, 1, tzinfo=dt.UTC), tick=False):
        assert page.next_occurrence()[0].date() == dt.date(2027, 2, 4)


@pytest.mark.django_db
def test_site_shows_the_briefing_in_the_missions_time_zone_with_a_consented_embed(paris):
    section = factories.briefings_section(paris, "en")
    page = factories.briefing(
        section, title="Press conference", starts_at=THURSDAY, briefing_format="hybrid", live_stream_url=YOUTUBE_LIVE,
    )
    response = Client().get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'datetime="2027-01-07T11:00:00+01:00"' in html  # Paris, not UTC
    assert "Europe/Paris" in html
    assert '<details class="live-stream">' in html
    assert "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" in html and "youtube.com/embed" not in html
    assert f"webcal://testserver/en/press/briefings/{paris.slug}.ics" in html


@pytest.mark.django_db
def test_draft_briefing_is_not_on_the_site(hq_section):
    page = factories.briefing(hq_section, live=False)
    assert Client().get(Page.objects.get(pk=page.pk).specific.url or "/en/hq/press-briefings/regular-press-briefing/").status_code == 404


@pytest.mark.django_db
def test_a_draft_repeating_until_a_day_ends_that_day_in_the_missions_zone(db):
    tokyo = tokyo_mission()
    page = factories.briefing(
        factories.briefings_section(tokyo, "ja"), starts_at=dt.datetime(2027, 1, 7, 16, 0, tzinfo=dt.UTC), live=False,
        recurrence_frequency="WEEKLY", recurrence_until=dt.date(2027, 1, 21),
    )
    # Fridays 01:00 in Tokyo: the 22nd is past the 21st there (not in UTC), so the 15th is the last, and that is
    # known on the first save of a never-published draft.
    assert BriefingPage.objects.get(pk=page.pk).last_ends_at == dt.datetime(2027, 1, 14, 17, 0, tzinfo=dt.UTC)


@pytest.mark.django_db
def test_an_in_person_briefing_is_not_labelled_online(hq_section):
    """The page type's label on the site named every briefing "Online press briefing", in-person ones too (found by
    the browser journey); the format has its own line."""
    page = factories.briefing(hq_section, briefing_format="in_person")
    html = Client().get(page.url).content.decode()
    assert '<p class="content-label">Press briefing</p>' in html
    assert "Online press briefing" not in html
