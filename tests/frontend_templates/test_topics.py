"""Topic chips link to the mission's topic listing, which lists only that mission's public pages on the topic."""

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from embassies import factories as content
from embassies.models import Topic
from frontend_templates.selectors import TOPIC_PAGE_SIZE

pytestmark = pytest.mark.django_db


def html(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def topic(name: str, slug: str, language_code: str = "en") -> Topic:
    return Topic.objects.create(name=name, slug=slug, locale=Locale.objects.get(language_code=language_code))


def filed(parent, *, title: str, topics: list[Topic], live: bool = True, **fields):
    """An article filed under `topics`, published through Wagtail's revisions unless `live` is False."""
    page = content.article(parent, title=title, live=False, **fields)
    page.topics.set(topics)
    revision = page.save_revision()
    if live:
        revision.publish()
        page.refresh_from_db()
    return page


def listed_titles(soup: BeautifulSoup) -> list[str]:
    return [heading.get_text(strip=True) for heading in soup.main.find_all("h3", class_="card__title")]


def chip_link(client, page, name: str) -> str:
    chips = html(client.get(page.url)).find("footer", class_="content-footer").find_all("li", class_="tag--topic")
    return next(chip.a["href"] for chip in chips if chip.get_text(strip=True) == name)


def test_topic_chip_leads_to_the_missions_public_pages_on_that_topic_only(client, hanoi, paris, staff):
    climate, other = topic("Climate", "climate"), topic("Trade", "trade")
    news = content.section(hanoi, "news", "en")
    tagged = filed(news, title="Climate forum in Hanoi", topics=[climate])
    filed(news, title="Trade fair", topics=[other])
    filed(news, title="Draft on climate", topics=[climate], live=False)
    filed(news, title="Climate story published later", topics=[climate], live=False).save_revision().publish()
    embargoed = filed(news, title="Embargoed climate story", topics=[climate], live=False)
    embargoed.go_live_at = timezone.now() + dt.timedelta(days=2)
    embargoed.save_revision().publish()
    private = filed(news, title="Private climate memo", topics=[climate])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    expired = filed(news, title="Expired climate story", topics=[climate])
    expired.expire_at = timezone.now() - dt.timedelta(minutes=1)
    expired.save(update_fields=["expire_at"])
    filed(content.section(paris, "news", "en"), title="Climate in Paris", topics=[climate])

    href = chip_link(client, tagged, "Climate")
    soup = html(client.get(href))

    assert href == "/en/hanoi/topics/climate/"
    assert soup.h1.get_text(strip=True) == "Climate"
    assert soup.title.get_text() == f"Climate · {hanoi.home_pages.get(locale__language_code='en').title}"
    assert listed_titles(soup) == ["Climate story published later", "Climate forum in Hanoi"]  # newest first


def test_topic_listing_is_paginated_newest_first(client, hanoi):
    climate = topic("Climate", "climate")
    news = content.section(hanoi, "news", "en")
    for number in range(TOPIC_PAGE_SIZE + 1):
        filed(news, title=f"Climate update {number:02d}", topics=[climate])

    first, second = (html(client.get("/en/hanoi/topics/climate/", {"page": number})) for number in (1, 2))

    assert listed_titles(first)[0] == f"Climate update {TOPIC_PAGE_SIZE:02d}" and len(listed_titles(first)) == TOPIC_PAGE_SIZE
    assert listed_titles(second) == ["Climate update 00"]
    assert first.find("a", rel="next")["href"] == "?page=2"


def test_topic_listing_speaks_the_pages_language_with_its_translated_topic(client, hanoi):
    english = topic("Climate", "climate")
    vietnamese = Topic.objects.create(
        name="Khí hậu", slug="khi-hau", locale=Locale.objects.get(language_code="vi"), translation_key=english.translation_key
    )
    page = filed(content.section(hanoi, "news", "vi"), title="Diễn đàn khí hậu", topics=[vietnamese])

    href = chip_link(client, page, "Khí hậu")
    soup = html(client.get(href))

    assert href == "/vi/hanoi/topics/khi-hau/"
    assert (soup.html["lang"], soup.h1.get_text(strip=True)) == ("vi", "Khí hậu")
    assert listed_titles(soup) == ["Diễn đàn khí hậu"]
    alternates = {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate")}
    assert alternates["en"].endswith("/en/hanoi/topics/climate/")


def test_a_topic_with_nothing_published_shows_an_empty_state_in_the_pages_language(client, cairo):
    topic("المناخ", "climate", "ar")

    soup = html(client.get("/ar/cairo/topics/climate/"))

    assert soup.h1.get_text(strip=True) == "المناخ"
    assert "لم يُنشر شيء عن هذا الموضوع بعد." in soup.main.get_text()


def test_an_unknown_topic_or_mission_is_not_found(client, hanoi):
    topic("Climate", "climate")

    assert client.get("/en/hanoi/topics/no-such-topic/").status_code == 404
    assert client.get("/en/nowhere/topics/climate/").status_code == 404
