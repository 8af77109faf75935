"""`/api/v1/press/briefings/` over HTTP: upcoming and past by a stopped clock, mission and locale filters, cursor
pages, ETag/304, the transcript by locale, the iCal feed, bad input as JSON 400/404, and nothing unpublished or
private (questions included) in any answer."""

import pytest
from django.test import Client
from icalendar import Calendar

from press import factories
from press.models import BriefingQuestion

from .conftest import BRIEFINGS_AFTER, BRIEFINGS_STARTS

LIST = "/api/v1/press/briefings/"


def get(url, **params):
    headers = {key: params.pop(key) for key in list(params) if key.startswith("HTTP_")}
    return Client().get(url, params, **headers)


@pytest.fixture
def briefings_network(briefings_paris, hq, paris, briefings_people):
    """Paris's conference (upcoming), HQ's weekly briefing (upcoming), a draft, and a question asked privately."""
    weekly = factories.briefing(
        factories.briefings_section(hq, "en"), title="Spokesperson's weekly briefing", starts_at=BRIEFINGS_STARTS,
        recurrence_frequency="WEEKLY", recurrence_weekdays=["TH"], recurrence_count=4,
    )
    draft = factories.briefing(factories.briefings_section(paris, "en"), title="Zephyrmark draft", live=False)
    BriefingQuestion.objects.create(
        briefing=briefings_paris, journalist=briefings_people["accredited"].journalist, text="Zephyrmark question?"
    )
    return {"paris": briefings_paris, "weekly": weekly, "draft": draft}


@pytest.mark.django_db
def test_upcoming_briefings_soonest_first_then_past_after_they_end(briefings_network, briefings_clock):
    response = get(LIST, when="upcoming")
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["results"]]
    assert sorted(titles) == ["Press conference on the climate summit", "Spokesperson's weekly briefing"]
    assert "Zephyrmark" not in response.content.decode()
    paris = next(item for item in response.json()["results"] if item["mission"] == "paris")
    assert paris["type"] == "briefing" and paris["status"] == "upcoming" and paris["timezone"] == "Europe/Paris"
    assert paris["starts_at"] == "2027-01-14T11:00:00+01:00"
    assert paris["live_stream"]["embed_url"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    briefings_clock.move_to(BRIEFINGS_AFTER)
    # Paris's single conference is over; HQ's weekly briefing has three more Thursdays.
    assert [item["title"] for item in get(LIST, when="past").json()["results"]] == ["Press conference on the climate summit"]
    weekly = get(LIST, when="upcoming").json()["results"]
    assert [item["title"] for item in weekly] == ["Spokesperson's weekly briefing"]
    assert weekly[0]["next_occurrence"]["starts_at"].startswith("2027-01-21T10:00")
    assert weekly[0]["recurrence"]["rrule"] == "FREQ=WEEKLY;COUNT=4;INTERVAL=1;BYDAY=TH"


@pytest.mark.django_db
def test_filters_by_mission_and_locale_and_cursor_pages(briefings_network):
    assert [item["mission"] for item in get(LIST, mission="hq").json()["results"]] == ["hq"]
    assert get(LIST, locale="fr").json()["results"] == []
    first = get(LIST, page_size=1).json()
    assert len(first["results"]) == 1 and first["next"]
    second = Client().get(first["next"]).json()
    assert len(second["results"]) == 1 and second["results"][0]["id"] != first["results"][0]["id"]


@pytest.mark.parametrize(
    ("params", "status", "names"),
    [
        ({"when": "tomorrow"}, 400, "when"),
        ({"missoin": "paris"}, 400, "missoin"),
        ({"locale": "xx"}, 400, "locale"),
        ({"page_size": "0"}, 400, "page_size"),
        ({"mission": "atlantis"}, 404, "atlantis"),
        ({"cursor": "bz1hYmM="}, 404, "cursor"),
    ],
)
@pytest.mark.django_db
def test_bad_query_parameters_are_json_errors_naming_them(briefings_network, params, status, names):
    response = get(LIST, **params)
    assert response.status_code == status and response["Content-Type"].startswith("application/json")
    assert names in response.content.decode()


@pytest.mark.django_db
def test_list_and_detail_answer_304_to_their_etag(briefings_network):
    first = get(LIST)
    assert "public" in first["Cache-Control"]
    assert get(LIST, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    detail = f"{LIST}{briefings_network['paris'].pk}/"
    etag = get(detail)["ETag"]
    assert get(detail, HTTP_IF_NONE_MATCH=etag).status_code == 304


@pytest.mark.django_db
def test_detail_has_the_transcript_by_locale_and_never_the_questions(briefings_network, paris):
    page = briefings_network["paris"]
    page.transcript = [("exchange", {"question": "Is the summit on?", "journalist": "A. Reporter", "outlet": "Le Courrier",
                                     "answer": "<p>Yes.</p>", "spokesperson": ""})]
    page.save_revision().publish()
    # Provisioning made Paris's French briefings section (every mission has one in each of its languages).
    french = page.get_parent().get_translation(paris.home_pages.get(locale__language_code="fr").locale)
    assert french.live
    translated = page.copy_for_translation(french.locale)
    translated.transcript = [("exchange", {"question": "Le sommet a-t-il lieu ?", "journalist": "A. Reporter",
                                           "outlet": "Le Courrier", "answer": "<p>Oui.</p>", "spokesperson": ""})]
    translated.save_revision().publish()
    english = get(f"{LIST}{page.pk}/").json()
    assert english["transcript"][0] == {
        "type": "exchange", "id": english["transcript"][0]["id"], "question": "Is the summit on?",
        "journalist": "A. Reporter", "outlet": "Le Courrier", "answer": "<p>Yes.</p>", "spokesperson": "Claire Dubois",
    }
    in_french = get(f"{LIST}{page.pk}/", locale="fr").json()
    assert in_french["locale"] == "fr" and in_french["transcript"][0]["question"] == "Le sommet a-t-il lieu ?"
    assert "Zephyrmark" not in get(f"{LIST}{page.pk}/").content.decode()
    missing = get(f"{LIST}{page.pk}/", locale="de")
    assert missing.status_code in (400, 404) and missing["Content-Type"].startswith("application/json")


@pytest.mark.django_db
def test_drafts_are_a_404(briefings_network):
    response = get(f"{LIST}{briefings_network['draft'].pk}/")
    assert response.status_code == 404 and "Zephyrmark" not in response.content.decode()


@pytest.mark.django_db
def test_calendar_feed_in_the_api(briefings_network):
    response = get(f"{LIST}calendar.ics", mission="hq", HTTP_ACCEPT="text/calendar")
    assert response.status_code == 200 and response["Content-Type"] == "text/calendar; charset=utf-8"
    [event] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["summary"]) == "Spokesperson's weekly briefing" and "COUNT" in event["rrule"]
    assert get(f"{LIST}calendar.ics", HTTP_IF_NONE_MATCH=get(f"{LIST}calendar.ics")["ETag"]).status_code == 304
    unknown = get(f"{LIST}calendar.ics", mission="atlantis", HTTP_ACCEPT="text/calendar")
    assert unknown.status_code == 404 and unknown["Content-Type"].startswith("application/json")


@pytest.mark.django_db
def test_journalist_tokens_are_read_first_and_a_wrong_one_is_a_401(briefings_network):
    response = get(LIST, HTTP_AUTHORIZATION="Journalist-Token ejt_nope_nope")
    assert response.status_code == 401
