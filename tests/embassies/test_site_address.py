"""The default site's address: every absolute URL of a page (API, feeds, JSON-LD, sitemaps, robots.txt) is built
from it, so once `make run` has put it where runserver listens, a URL the hub gives out can be fetched."""

import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import feedparser
import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

from embassies import factories as content

ADDRESS = "127.0.0.1:8123"
ROOT = f"http://{ADDRESS}"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(autouse=True)
def forget_site_root_paths():
    """Wagtail caches the sites' root URLs; a rolled-back test's address must not stay in that cache."""
    yield
    Site.clear_site_root_paths_cache()


@pytest.fixture
def article(hanoi):
    english = content.section(hanoi, "news", "en")
    return content.article(english, title="Consulate opens in Da Nang", summary="A new consulate.")


@pytest.fixture
def served_at_address(article, capsys):
    call_command("site_address", ADDRESS)
    assert f"The default site serves at {ROOT}/" in capsys.readouterr().out
    return article


def _fetch(client, url: str):
    """GET an absolute URL from the hub, by the host and port it names."""
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == ROOT, url
    return client.get(parts.path + (f"?{parts.query}" if parts.query else ""), HTTP_HOST=parts.netloc)


@pytest.mark.django_db
def test_a_page_url_the_api_gives_can_be_fetched_and_is_the_page(client, served_at_address):
    listing = client.get("/api/v1/pages/", {"mission": "hanoi", "locale": "en", "type": "article"}).json()
    [summary] = [page for page in listing["results"] if page["id"] == served_at_address.pk]
    page = _fetch(client, summary["url"])
    assert page.status_code == 200
    assert "Consulate opens in Da Nang" in page.content.decode()


@pytest.mark.django_db
def test_feeds_json_ld_and_sitemaps_name_the_same_address(client, served_at_address):
    feed = feedparser.parse(client.get("/api/v1/feeds/hanoi/en/rss/").content)
    entry = next(entry for entry in feed.entries if entry.title == "Consulate opens in Da Nang")
    assert _fetch(client, entry.link).status_code == 200
    assert _fetch(client, feed.feed.link).status_code == 200

    page = _fetch(client, entry.link).content.decode()
    [structured] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert json.loads(structured)["url"] == entry.link

    index = ET.fromstring(client.get("/sitemap.xml").content)
    sitemaps = [loc.text for loc in index.findall("sm:sitemap/sm:loc", SITEMAP_NS)]
    assert f"{ROOT}/en/hanoi/sitemap.xml" in sitemaps
    mission_sitemap = ET.fromstring(_fetch(client, f"{ROOT}/en/hanoi/sitemap.xml").content)
    assert entry.link in [loc.text for loc in mission_sitemap.findall("sm:url/sm:loc", SITEMAP_NS)]
    assert f"Sitemap: {ROOT}/sitemap.xml" in client.get("/robots.txt").content.decode().splitlines()


@pytest.mark.django_db
def test_a_new_address_reaches_answers_the_api_had_cached(client, article):
    """Moving the site writes a log entry, so the API's kept answers do not keep naming the old address."""
    before = client.get("/api/v1/pages/", {"mission": "hanoi", "locale": "en"}).json()
    assert all(page["url"].startswith("http://localhost/") for page in before["results"])
    call_command("site_address", ADDRESS)
    after = client.get("/api/v1/pages/", {"mission": "hanoi", "locale": "en"}).json()
    assert after["results"] and all(page["url"].startswith(f"{ROOT}/") for page in after["results"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("address", "message"),
    [("127.0.0.1:http", "the port must be a number"), ("127.0.0.1:70000", "not a host and port"), (":8000", "not a host and port")],
)
def test_a_bad_address_is_refused_and_the_site_left_as_it_was(hanoi, address, message):
    with pytest.raises(CommandError, match=message):
        call_command("site_address", address)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("localhost", 80)


@pytest.mark.django_db
def test_port_443_gives_https_urls(hanoi):
    call_command("site_address", "embassy.example:443")
    assert Site.objects.get(is_default_site=True).root_url == "https://embassy.example"
