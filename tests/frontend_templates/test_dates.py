"""Dates and times on the reference site in each page's own language (CLDR), over HTTP.

The expected strings are written out in ./conftest.py (DATES_SHOWN) for Vietnamese, Arabic, Japanese, French and
English pages; the clock is fixed with time-machine.
"""

import datetime as dt

import pytest
import time_machine
from bs4 import BeautifulSoup

from .conftest import DATES_SHOWN, PUBLISHED, STARTS

pytestmark = pytest.mark.django_db

LANGUAGES = list(DATES_SHOWN)


def page_soup(client, page) -> BeautifulSoup:
    with time_machine.travel(PUBLISHED + dt.timedelta(days=1), tick=False):
        response = client.get(page.url)
    assert response.status_code == 200, (page.url, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


def test_article_publication_day_is_the_long_cldr_date_of_its_language(client, dated):
    shown = {code: page_soup(client, dated[code]["article"]).find("header", class_="content-header").time for code in LANGUAGES}

    assert {code: time.get_text() for code, time in shown.items()} == {code: day for code, (_m, day, _t) in DATES_SHOWN.items()}
    for time in shown.values():
        assert dt.datetime.fromisoformat(time["datetime"]) == PUBLISHED  # machines still read ISO 8601


def test_event_start_is_shown_in_the_venue_time_zone_and_the_pages_language(client, dated):
    for code, (_mission, _day, moment) in DATES_SHOWN.items():
        soup = page_soup(client, dated[code]["event"])
        starts = soup.find("dl", class_="event-facts").find("time")

        assert starts.get_text() == moment, code
        assert dt.datetime.fromisoformat(starts["datetime"]) == STARTS


def test_mission_home_cards_show_dates_in_the_homes_language(client, dated):
    for code, (_mission, day, moment) in DATES_SHOWN.items():
        home = dated[code]["article"].get_parent().get_parent()
        cards = {card.find("h3").get_text(strip=True): card.find("time").get_text() for card in page_soup(client, home).find_all("article", class_="card")}

        assert cards[f"Article ({code})"] == day
        assert cards[f"Event ({code})"] == moment

