"""The per-process cache of rendered public answers (api/caching.py): same bytes, fresh after a change, and
authentication and throttling still apply to every request."""

import pytest
from django.core.cache import cache, caches

from api import factories as api_factories
from api.caching import RESPONSE_CACHE_ALIAS
from embassies import factories as content


@pytest.fixture
def response_cache(settings):
    """The cache as production has it (the test settings leave it out), empty at the start of each test."""
    settings.CACHES = {
        **settings.CACHES,
        RESPONSE_CACHE_ALIAS: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-api"},
    }
    settings.HUB_API_RESPONSE_CACHE_SECONDS = 60
    caches[RESPONSE_CACHE_ALIAS].clear()
    cache.clear()  # throttle counts
    yield caches[RESPONSE_CACHE_ALIAS]
    caches[RESPONSE_CACHE_ALIAS].clear()
    cache.clear()


def _detail_url(network_content) -> str:
    return f"/api/v1/pages/{network_content['article'].pk}/"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/pages/", "/api/v1/pages/?locale=vi&fields=id,title", "detail", "social"])
def test_a_repeated_get_is_the_same_answer_in_one_query(
    client, network_content, response_cache, django_assert_max_num_queries, path
):
    url = {"detail": _detail_url(network_content), "social": f"{_detail_url(network_content)}social/x/"}.get(path, path)
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_max_num_queries(1):  # the content version; nothing rendered
        again = client.get(url)
    assert again.content == first.content
    assert sorted(again.headers.items()) == sorted(first.headers.items())


@pytest.mark.django_db
def test_publishing_renders_the_answer_afresh(client, network_content, response_cache, hanoi):
    assert "Fresh news" not in client.get("/api/v1/pages/").content.decode()
    content.article(content.section(hanoi), title="Fresh news")
    assert "Fresh news" in client.get("/api/v1/pages/").content.decode()

    network_content["article"].unpublish()
    assert client.get(_detail_url(network_content)).status_code == 404


@pytest.mark.django_db
def test_the_host_is_part_of_the_key(client, network_content, response_cache):
    on_localhost = client.get("/api/v1/pages/", HTTP_HOST="localhost").json()
    on_loopback = client.get("/api/v1/pages/", HTTP_HOST="127.0.0.1").json()
    assert on_localhost["results"][0]["detail_url"].startswith("http://localhost/")
    assert on_loopback["results"][0]["detail_url"].startswith("http://127.0.0.1/")


@pytest.mark.django_db
def test_a_cached_answer_still_needs_a_valid_key(client, network_content, response_cache):
    assert client.get("/api/v1/pages/").status_code == 200
    response = client.get("/api/v1/pages/", HTTP_AUTHORIZATION="Api-Key hub_not-a-key")
    assert response.status_code == 401

    issued = api_factories.api_key(api_factories.consumer())
    assert client.get("/api/v1/pages/", HTTP_AUTHORIZATION=f"Api-Key {issued.key}").status_code == 200


@pytest.mark.django_db
def test_a_cached_answer_is_still_throttled(client, network_content, response_cache, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anonymous": "2/min", "api_key": "1000/min"},
    }
    assert [client.get("/api/v1/pages/").status_code for _ in range(3)] == [200, 200, 429]


@pytest.mark.django_db
def test_errors_are_not_kept(client, network_content, response_cache):
    assert client.get("/api/v1/pages/?page_size=0").status_code == 400
    assert client.get("/api/v1/pages/999999/").status_code == 404
    assert not response_cache._cache  # noqa: SLF001 - LocMemCache's store


@pytest.mark.django_db
def test_nothing_is_kept_when_turned_off(client, network_content, response_cache, settings):
    settings.HUB_API_RESPONSE_CACHE_SECONDS = 0
    client.get("/api/v1/pages/")
    client.get(_detail_url(network_content))
    assert not response_cache._cache  # noqa: SLF001


@pytest.mark.django_db
def test_a_cached_answer_counts_against_its_keys_rate(client, network_content, response_cache):
    issued = api_factories.api_key(api_factories.consumer(throttle_rate="2/min"))
    statuses = [client.get("/api/v1/pages/", HTTP_AUTHORIZATION=f"Api-Key {issued.key}").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert client.get("/api/v1/pages/").status_code == 200  # anonymous callers have their own count
