"""The reference site's parts kept per content version (frontend_templates/context.py): the navigation, the
language alternates, the mission home and its four listings. Site pages themselves are not kept in these tests
(the test settings keep none), so every answer is rendered, and a page unpublished or made private leaves every
kept part on the very next one. Routing finds a page by its URL path (NetworkRootPage.route) as Wagtail would."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Locale, PageViewRestriction

from embassies import factories as content

from .conftest import event

pytestmark = pytest.mark.django_db


def restrict(page):
    """A login restriction, saved as the page privacy dialog saves it (which logs it)."""
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


HIDE = pytest.mark.parametrize(
    "hide", [lambda page: UnpublishPageAction(page).execute(), restrict], ids=["unpublished", "private"]
)


def soup_of(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def navigation(client, url: str) -> list[str]:
    return [link.get_text(strip=True) for link in soup_of(client, url).select(".site-nav__list a")]


def hreflangs(client, url: str) -> list[str]:
    return [link["hreflang"] for link in soup_of(client, url).select('link[rel="alternate"][hreflang]')]


def main_text(client, url: str) -> str:
    return soup_of(client, url).select_one("main").get_text(" ", strip=True)


@HIDE
def test_a_hidden_section_leaves_the_kept_navigation_at_once(client, site, hide):
    url, events = site["article"].url, site["event"].get_parent()
    assert events.title in navigation(client, url) and events.title in navigation(client, site["home"].url)

    hide(events)

    assert events.title not in navigation(client, url)
    assert events.title not in navigation(client, site["home"].url)


@HIDE
def test_a_hidden_translation_leaves_the_kept_hreflang_alternates_at_once(client, site, hide):
    article = site["article"]
    translation = article.copy_for_translation(Locale.objects.get(language_code="vi"))
    translation.save_revision().publish()
    translation.refresh_from_db()
    assert hreflangs(client, article.url) == ["en", "vi"] == hreflangs(client, article.url)

    hide(translation)

    assert hreflangs(client, article.url) == ["en"]


@HIDE
def test_a_hidden_page_leaves_the_kept_home_listings_at_once(client, site, hide):
    home = site["home"].url
    for page in ("article", "event", "notice"):
        assert site[page].title in main_text(client, home)

    for page in ("article", "event", "notice"):
        hide(site[page])
        assert site[page].title not in main_text(client, home)


def test_a_page_published_later_joins_the_kept_home_listings(client, site):
    home = site["home"].url
    assert "Scholarships open" not in main_text(client, home)
    content.article(site["news"], title="Scholarships open")
    assert "Scholarships open" in main_text(client, home)


def test_a_new_home_revision_shows_in_the_kept_mission_home_at_once(client, site):
    url, home = site["article"].url, site["home"]
    assert soup_of(client, url).select_one(".site-brand__name").get_text() == home.title
    home.title = "Embassy of the Realm in Hanoi"
    home.save_revision().publish()
    assert soup_of(client, url).select_one(".site-brand__name").get_text() == "Embassy of the Realm in Hanoi"


def test_routing_serves_live_pages_by_path_and_nothing_else(client, site):
    draft = content.article(site["news"], title="Not yet", live=False)
    assert client.get(site["article"].url).status_code == 200
    assert client.get(f"{site['news'].url}{draft.slug}/").status_code == 404  # a draft, never published
    assert client.get(f"{site['news'].url}no-such-page/").status_code == 404
    assert client.get(f"{site['home'].url}news/ambassador-presents-credentials/extra/").status_code == 404


@pytest.mark.parametrize("page", ["article", "home"])
def test_a_site_page_asks_as_many_queries_with_more_content_and_tags(client, site, page, django_assert_max_num_queries):
    url = site[page].url
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    before = list(captured.captured_queries)  # the capture is a view on the connection's log, reset per request
    for number in range(4):
        content.article(site["news"], title=f"More news {number}", hero_image=site["hero"])
        event(site["event"].get_parent(), title=f"More events {number}", hero_image=site["hero"])
    article = site["article"]
    article.tags.add("Trade", "Scholarships", "Culture")
    article.save_revision().publish()
    client.get(url)  # builds the kept parts for the new content version

    with django_assert_max_num_queries(len(before)):
        assert client.get(url).status_code == 200
    assert len(before) <= 13, [query["sql"] for query in before]
