"""Feeds per mission, locale and kind, read back with a real feed parser and checked against JSON Feed 1.1."""

import feedparser
import pytest
from wagtail.models import PageViewRestriction

from embassies import factories as content
from embassies.assets.sizes import SOCIAL_SIZES

JSON_FEED_REQUIRED = {"version", "title", "items"}


@pytest.mark.django_db
@pytest.mark.parametrize("feed_format", ["rss", "atom"])
def test_rss_and_atom_parse_and_list_the_missions_public_articles(client, network_content, feed_format):
    response = client.get(f"/api/v1/feeds/hanoi/vi/{feed_format}/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == {"rss": "rss20", "atom": "atom10"}[feed_format]
    titles = [entry.title for entry in feed.entries]
    assert network_content["article"].title in titles
    assert "Digital transformation in diplomacy" not in titles  # English lives in the English feed
    entry = next(entry for entry in feed.entries if entry.title == network_content["article"].title)
    assert entry.link.startswith("http")
    assert "Digital diplomacy" in [tag.term for tag in entry.tags]
    assert entry.get("published_parsed") or entry.get("updated_parsed")
    if feed_format == "rss":
        assert entry.enclosures and entry.enclosures[0].type.startswith("image/")


@pytest.mark.django_db
def test_json_feed_has_the_fields_json_feed_1_1_requires(client, network_content):
    response = client.get("/api/v1/feeds/hanoi/en/json/")
    assert response["Content-Type"].startswith("application/feed+json")
    feed = response.json()
    assert JSON_FEED_REQUIRED <= set(feed)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["items"], "the English translation is published"
    for item in feed["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert item.get("content_html") or item.get("content_text")
    assert feed["items"][0]["title"] == "Digital transformation in diplomacy"


@pytest.mark.django_db
def test_feed_by_kind_and_bad_requests(client, network_content, hanoi):
    content.article(content.section(hanoi), title="Tuyên bố của Đại sứ", kind="statement")
    statements = client.get("/api/v1/feeds/hanoi/vi/json/?kind=statement").json()
    assert [item["title"] for item in statements["items"]] == ["Tuyên bố của Đại sứ"]

    bad_kind = client.get("/api/v1/feeds/hanoi/vi/rss/?kind=gossip", HTTP_ACCEPT="application/rss+xml")
    assert bad_kind.status_code == 400 and bad_kind.json()["details"] == {"kind": [bad_kind.json()["details"]["kind"][0]]}
    assert client.get("/api/v1/feeds/hanoi/fr/rss/").status_code == 404  # Hanoi does not publish in French
    assert client.get("/api/v1/feeds/atlantis/en/rss/").json()["code"] == "not_found"
    assert client.get("/api/v1/feeds/hanoi/vi/pdf/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("feed_format", ["rss", "atom", "json"])
def test_a_private_mission_home_has_no_feed(client, network_content, hanoi, feed_format):
    home = hanoi.home_pages.get(locale__language_code="vi")
    PageViewRestriction.objects.create(page=home, restriction_type=PageViewRestriction.PASSWORD, password="s3cret")

    response = client.get(f"/api/v1/feeds/hanoi/vi/{feed_format}/")

    assert response.status_code == 404
    assert network_content["article"].title not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("feed_format", ["rss", "atom"])
def test_control_characters_pasted_into_a_page_do_not_break_the_feed(client, hanoi, feed_format):
    page = content.article(content.section(hanoi), title="Tết\x0b greetings", summary="From the ambassador\x08.")
    page.tags.add("Tết\x0c")

    response = client.get(f"/api/v1/feeds/hanoi/vi/{feed_format}/")

    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert "Tết greetings" in [entry.title for entry in feed.entries]


@pytest.mark.django_db
def test_an_image_crop_not_made_yet_is_named_not_drawn_in_the_request(client, network_content):
    image = network_content["article"].hero_image
    image.renditions.all().delete()

    feed = feedparser.parse(client.get("/api/v1/feeds/hanoi/vi/rss/").content)

    entry = next(entry for entry in feed.entries if entry.title == network_content["article"].title)
    enclosure = entry.enclosures[0]
    assert "/images/" in enclosure.href and "fill-1200x630" in enclosure.href
    assert enclosure.length == "0" and enclosure.type == "image/png"  # RSS's advice for a size not known yet
    assert not image.renditions.exists()

    image.renditions.all().delete()
    made = image.get_rendition(SOCIAL_SIZES["og"])  # as the background task makes it
    feed = feedparser.parse(client.get("/api/v1/feeds/hanoi/vi/rss/", HTTP_ACCEPT="application/rss+xml").content)
    enclosure = next(entry for entry in feed.entries if entry.title == network_content["article"].title).enclosures[0]
    assert enclosure.href.endswith(made.url) and enclosure.length == str(made.file.size)
