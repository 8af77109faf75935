"""Sitemaps and robots.txt: every public page of each mission and language, with its translations, and nothing else."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from embassies import factories as content
from embassies.models import ArticlePage

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
SECRET = "Unlisted"


@pytest.fixture
def pages(hanoi):
    news = content.section(hanoi)
    article = content.article(news, title="Chuyển đổi số trong ngoại giao")
    english = article.copy_for_translation(hanoi.home_pages.get(locale__language_code="en").locale)
    english.title = "Digital transformation in diplomacy"
    english.save_revision().publish()
    english.refresh_from_db()
    untranslated = content.article(news, title="Lịch làm việc dịp Tết")
    draft = content.article(news, title=f"{SECRET} draft", live=False)
    restricted = content.article(news, title=f"{SECRET} staff only")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    expired = content.article(news, title=f"{SECRET} expired")
    ArticlePage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    revised = content.article(news, title="Public title")
    revised.slug = "unapproved-slug"
    revised.save_revision()
    draft_translation = untranslated.copy_for_translation(english.locale)
    draft_translation.save_revision()
    return {
        "article": article, "english": english, "untranslated": untranslated, "revised": revised,
        "secret": [draft, restricted, expired, draft_translation],
    }


def _urls(response) -> dict[str, ET.Element]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {url.findtext("sm:loc", namespaces=NS): url for url in root.findall("sm:url", NS)}


def test_sitemap_index_lists_a_sitemap_per_public_mission_and_language(client, pages):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = [sitemap.findtext("sm:loc", namespaces=NS) for sitemap in root.findall("sm:sitemap", NS)]
    assert "http://localhost/vi/hanoi/sitemap.xml" in locations
    assert "http://localhost/en/hanoi/sitemap.xml" in locations
    assert all(sitemap.findtext("sm:lastmod", namespaces=NS) for sitemap in root.findall("sm:sitemap", NS))


def test_mission_sitemap_lists_public_pages_with_lastmod_and_hreflang_alternates(client, pages):
    urls = _urls(client.get("/vi/hanoi/sitemap.xml"))
    article_url = pages["article"].get_full_url()
    english_url = pages["english"].get_full_url()
    assert article_url in urls and pages["untranslated"].get_full_url() in urls
    assert english_url not in urls  # the English page is in the English sitemap
    entry = urls[article_url]
    assert entry.findtext("sm:lastmod", namespaces=NS).startswith(str(pages["article"].last_published_at.year))
    alternates = {link.get("hreflang"): link.get("href") for link in entry.findall("xhtml:link", NS)}
    assert alternates == {"vi": article_url, "en": english_url}
    assert not urls[pages["untranslated"].get_full_url()].findall("xhtml:link", NS)  # its translation is a draft

    english_urls = _urls(client.get("/en/hanoi/sitemap.xml"))
    assert english_url in english_urls and article_url not in english_urls


def test_sitemaps_never_list_drafts_restricted_expired_or_unapproved_pages(client, pages):
    for url in ("/vi/hanoi/sitemap.xml", "/en/hanoi/sitemap.xml"):
        response = client.get(url)
        body = response.content.decode()
        for page in pages["secret"]:
            assert f"/{page.slug}/" not in body, f"{page.title} listed in {url}"
        assert "unapproved-slug" not in body
        assert SECRET not in body


def test_sitemap_of_a_mission_without_that_language_is_404(client, pages):
    assert client.get("/fr/hanoi/sitemap.xml").status_code == 404
    assert client.get("/vi/atlantis/sitemap.xml").status_code == 404


@pytest.mark.django_db
def test_robots_txt_points_crawlers_at_the_sitemap_index_and_away_from_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines and "Disallow: /api/" in lines
