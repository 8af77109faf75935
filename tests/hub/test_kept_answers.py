"""No cold path after a publish (hub/kept_answers.py): the answers readers asked for most are rendered again for the
new content version before the next reader comes, never served stale, and a burst of readers missing one answer
waits for one render. The test settings re-render inside the request that notices the new version ("inline"); the
deployment does the same in a background thread."""

from collections import Counter

import pytest
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from api.caching import RESPONSE_CACHE_ALIAS
from embassies import factories as content
from frontend_templates.caching import SITE_PAGES_CACHE_ALIAS
from hub import kept_answers

LOCMEM = "django.core.cache.backends.locmem.LocMemCache"


@pytest.fixture
def keeping(settings):
    """The API's and the site's kept answers as production has them (the test settings leave both out)."""
    settings.CACHES = {
        "default": {"BACKEND": LOCMEM},
        RESPONSE_CACHE_ALIAS: {"BACKEND": LOCMEM, "LOCATION": "test-kept-api"},
        SITE_PAGES_CACHE_ALIAS: {"BACKEND": LOCMEM, "LOCATION": "test-kept-site"},
    }
    settings.HUB_API_RESPONSE_CACHE_SECONDS = settings.HUB_SITE_PAGE_CACHE_SECONDS = 60
    settings.HUB_KEPT_ANSWERS_REWARM_TOP = 2
    for alias in ("default", RESPONSE_CACHE_ALIAS, SITE_PAGES_CACHE_ALIAS):
        caches[alias].clear()  # locmem stores outlive a settings change: throttle counts of earlier tests
    yield


@pytest.fixture
def news(hanoi):
    section = content.section(hanoi, "news", "en")
    content.article(section, title="Ambassador presents credentials")
    return section


def _asked(client, url: str, times: int) -> None:
    for _ in range(times):
        assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_after_a_publish_the_most_requested_answers_are_kept_before_anyone_asks(
    client, keeping, news, django_assert_max_num_queries
):
    listing, home = "/api/v1/pages/?locale=en", news.get_parent().specific.url
    _asked(client, listing, 3)
    _asked(client, home, 2)
    _asked(client, "/api/v1/pages/?locale=vi", 1)  # asked for least: not among the top 2

    fresh = content.article(news, title="Consulate opens in Da Nang")  # the content version moves
    assert client.get(f"/api/v1/pages/{fresh.pk}/").status_code == 200  # a reader notices: the top 2 are rendered

    with django_assert_max_num_queries(1):  # the content version; the answer was kept for it already
        again = client.get(listing)
    assert "Consulate opens in Da Nang" in again.content.decode()
    with django_assert_max_num_queries(1):
        page = client.get(home)
    assert page.status_code == 200 and "Consulate opens in Da Nang" in page.content.decode()

    with CaptureQueriesContext(connection) as least_asked:  # not re-rendered: its next reader waits for a render
        assert client.get("/api/v1/pages/?locale=vi").status_code == 200
    assert len(least_asked.captured_queries) > 1


@pytest.mark.django_db
def test_an_unpublished_page_is_gone_from_the_first_answer_after_it(client, keeping, news):
    doomed = content.article(news, title="Statement withdrawn later")
    listing, detail = "/api/v1/pages/?locale=en", f"/api/v1/pages/{doomed.pk}/"
    _asked(client, listing, 3)
    _asked(client, detail, 3)
    _asked(client, doomed.url, 3)

    doomed.unpublish()

    assert client.get(detail).status_code == 404  # this reader notices; the re-rendered answers are the new ones
    assert "Statement withdrawn later" not in client.get(listing).content.decode()
    assert client.get(doomed.url).status_code == 404


@pytest.mark.django_db
def test_the_hubs_own_requests_are_not_counted_nor_throttled(client, keeping, news, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anonymous": "2/min", "api_key": "10/min"}
    }
    listing = "/api/v1/pages/?locale=en"
    _asked(client, listing, 2)  # the anonymous rate is used up
    assert kept_answers.rewarm([("http", "testserver", listing, "")] * 3) == 3  # not refused by the throttle
    assert kept_answers._popularity[("http", "testserver", listing, "")] == 2  # nor counted as readers


class AnotherReaderRenders(LocMemCache):
    """A cache in which another reader, holding the render lock, keeps the answer while this one waits: the
    waiting reader's second look finds it."""

    answer = None
    looks: Counter = Counter()

    def get(self, key, default=None, version=None):
        value = super().get(key, default, version)
        if value is None and not key.endswith(":rendering") and super().get(f"{key}:rendering") is not None:
            type(self).looks[key] += 1
            if type(self).looks[key] >= 2:
                super().set(key, type(self).answer, 60)
                return type(self).answer
        return value


@pytest.mark.django_db
def test_a_reader_missing_an_answer_another_renders_waits_for_it_instead_of_rendering(
    client, keeping, news, settings, django_assert_max_num_queries
):
    settings.CACHES = {
        **settings.CACHES,
        RESPONSE_CACHE_ALIAS: {"BACKEND": f"{__name__}.AnotherReaderRenders", "LOCATION": "test-burst"},
    }
    store = caches[RESPONSE_CACHE_ALIAS]
    AnotherReaderRenders.answer = (b'{"rendered": "by another reader"}', {"Content-Type": "application/json"})
    listing = "/api/v1/pages/?locale=en"
    key = _only_key_after(client, listing, store)
    store.add(f"{key}:rendering", 1)  # another reader holds the render lock for the same answer

    with django_assert_max_num_queries(1):  # the content version; no render of its own
        waited = client.get(listing)
    assert waited.json() == {"rendered": "by another reader"}


def _only_key_after(client, url, store) -> str:
    """The kept key of `url`'s answer: render it once, read the key, and forget the answer."""
    before = set(store._cache)
    assert client.get(url).status_code == 200
    added = [key for key in set(store._cache) - before if "api-response:" in key and not key.endswith(":rendering")]
    assert len(added) == 1
    key = added[0].split(":", 2)[-1]  # LocMemCache keys are ":<version>:<key>"
    store.delete(key)
    return key


@pytest.mark.django_db
def test_a_reader_waits_only_so_long_for_a_render_that_never_comes(client, keeping, news, settings):
    settings.HUB_KEPT_ANSWERS_WAIT_SECONDS = 0.05
    store = caches[RESPONSE_CACHE_ALIAS]
    listing = "/api/v1/pages/?locale=en"
    key = _only_key_after(client, listing, store)
    store.add(f"{key}:rendering", 1)  # a reader took the lock and died
    answer = client.get(listing)
    assert answer.status_code == 200 and "Ambassador presents credentials" in answer.content.decode()


@pytest.mark.django_db
def test_only_urls_that_answer_are_counted(client, keeping, news):
    for _ in range(5):
        assert client.get("/api/v1/pages/999999999/").status_code == 404
        assert client.get("/en/hanoi/no-such-page/").status_code == 404
    assert client.get("/api/v1/pages/?locale=en").status_code == 200
    assert list(kept_answers._popularity) == [("http", "testserver", "/api/v1/pages/?locale=en", "")]
