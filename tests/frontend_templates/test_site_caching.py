"""The reference site's HTTP caching over HTTP: public pages carry validators and answer 304s, pages kept in the
shared cache are served without rendering until a publish moves the content version, and anything per visitor
(a session, a CSRF token) is private and never kept."""

from urllib.parse import urlsplit

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from wagtail.models import PageViewRestriction

from embassies import factories as content
from frontend_templates.caching import SITE_PAGES_CACHE_ALIAS

KEEPING_PAGES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    SITE_PAGES_CACHE_ALIAS: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-site-pages"},
}


@pytest.fixture
def keeping_pages(settings):
    settings.CACHES = KEEPING_PAGES
    caches[SITE_PAGES_CACHE_ALIAS].clear()
    yield caches[SITE_PAGES_CACHE_ALIAS]
    caches[SITE_PAGES_CACHE_ALIAS].clear()


def cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def test_public_article_is_cacheable_with_validators_from_the_content_version(client, site, settings):
    settings.HUB_SITE_MAX_AGE_SECONDS, settings.HUB_SITE_STALE_WHILE_REVALIDATE_SECONDS = 45, 120

    response = client.get(site["article"].url)

    assert response.status_code == 200
    assert cache_control(response) == {"public", "max-age=45", "stale-while-revalidate=120"}
    assert response["ETag"].startswith('"') and response.has_header("Last-Modified")


def test_revalidation_with_a_matching_etag_gets_a_bare_304_without_rendering(client, site):
    etag = client.get(site["article"].url)["ETag"]

    with CaptureQueriesContext(connection) as queries:
        again = client.get(site["article"].url, headers={"if-none-match": etag})

    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag and "public" in cache_control(again)
    assert len(queries) <= 3  # the content version, not the page


def test_revalidation_by_last_modified_gets_a_304(client, site):
    last_modified = client.get(site["home"].url)["Last-Modified"]

    assert client.get(site["home"].url, headers={"if-modified-since": last_modified}).status_code == 304


def test_etag_differs_by_url_and_by_language(client, site, hanoi):
    vietnamese_home = hanoi.home_pages.get(locale__language_code="vi")

    etags = {client.get(url)["ETag"] for url in (site["home"].url, site["article"].url, vietnamese_home.url)}

    assert len(etags) == 3


def test_a_publish_changes_the_etag_so_the_old_one_no_longer_matches(client, site):
    before = client.get(site["article"].url)["ETag"]

    content.article(site["news"], title="Trade mission announced", summary="A new delegation.")
    after = client.get(site["article"].url, headers={"if-none-match": before})

    assert after.status_code == 200 and after["ETag"] != before


def test_an_unpublish_changes_the_etag(client, site):
    before = client.get(site["home"].url)["ETag"]

    site["article"].unpublish()

    assert client.get(site["home"].url, headers={"if-none-match": before}).status_code == 200


def test_a_visitor_with_a_session_gets_a_private_uncacheable_page(site, staff):
    signed_in = Client()
    signed_in.force_login(staff["hanoi_editor"])

    response = signed_in.get(site["article"].url)

    assert response.status_code == 200
    assert {"private", "no-store"} <= cache_control(response) and "public" not in cache_control(response)
    assert not response.has_header("ETag")


def test_a_password_form_with_a_csrf_token_is_private_and_never_kept(client, site, keeping_pages):
    page = content.article(site["news"], title="Restricted briefing", summary="Only for the team.")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret")

    first, second = client.get(page.url), Client().get(page.url)

    assert first.status_code == 200 and "csrfmiddlewaretoken" in first.content.decode()
    assert {"private", "no-store"} <= cache_control(first)
    assert "private" in cache_control(second) and not second.has_header("ETag")  # rendered again, not kept


def test_search_answers_follow_the_index_and_get_no_content_version_validators(client, site, hanoi):
    response = client.get(reverse("mission_search", args=[hanoi.slug]) + "?q=ambassador")

    assert response.status_code == 200 and not response.has_header("ETag")


def test_a_kept_page_is_served_without_rendering_until_a_publish(client, site, keeping_pages):
    first = client.get(site["news"].url)

    with CaptureQueriesContext(connection) as queries:
        kept = client.get(site["news"].url)
    content.article(site["news"], title="Trade mission announced", summary="A new delegation.")
    after_publish = client.get(site["news"].url)

    assert kept.status_code == 200 and kept.content == first.content and kept["ETag"] == first["ETag"]
    assert len(queries) <= 3  # the content version only
    assert "Trade mission announced" not in kept.content.decode()
    assert "Trade mission announced" in after_publish.content.decode()
    assert after_publish["ETag"] != first["ETag"]


@override_settings(HUB_SITE_PAGE_CACHE_SECONDS=0)
def test_keeping_pages_is_off_at_zero_seconds(client, site, keeping_pages):
    client.get(site["news"].url)

    with CaptureQueriesContext(connection) as queries:
        client.get(site["news"].url)

    assert len(queries) > 3


def test_publish_and_unpublish_purge_the_page_its_listings_and_the_sitemap_from_the_cdn(
    site, hanoi, cdn, django_capture_on_commit_callbacks
):
    location, purged = cdn
    frontend_cache = {"cdn": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": location}}
    with override_settings(WAGTAILFRONTENDCACHE=frontend_cache):
        with django_capture_on_commit_callbacks(execute=True):
            page = content.article(site["news"], title="Trade mission announced", summary="A new delegation.")
        published = set(purged)
        purged.clear()
        with django_capture_on_commit_callbacks(execute=True):
            page.unpublish()

    paths = {urlsplit(url).path for url in (page.url, site["news"].url, site["home"].url)}
    assert paths | {"/en/hanoi/sitemap.xml"} <= published
    assert {urlsplit(page.url).path, urlsplit(site["news"].url).path} <= set(purged)
