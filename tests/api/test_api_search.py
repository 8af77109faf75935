"""/api/v1/search/, autocomplete and related pages: the search service over HTTP, on the live engine and on the
database fallback, with the API's parameter names, 400s for bad input and nothing non-public in any answer."""

import pytest
from django.core.cache import cache

from tests.search.conftest import engine_url, search_engine  # noqa: F401  (live-engine fixtures)
from tests.search.helpers import drain, publish_article

from .conftest import SECRET

pytestmark = pytest.mark.django_db


def result_ids(response) -> list[int]:
    return [hit["id"] for hit in response.json()["results"]]


@pytest.fixture
def database_search(settings):
    settings.HUB_SEARCH_ENGINE = ""  # the embedded default: no engine configured
    cache.clear()


@pytest.fixture(params=["engine", "database"])
def backend(request):
    """Each test runs once against the live engine and once against the database fallback."""
    if request.param == "engine":
        engine = request.getfixturevalue("search_engine")
        return lambda: drain(engine)
    request.getfixturevalue("database_search")
    return lambda: None


def test_search_finds_public_pages_with_facets_highlights_and_links(client, backend, hanoi, paris):
    visa = publish_article(hanoi, title="Visa appointments resume", body="Visa interviews restart in March.", tags=["Visas"])
    publish_article(paris, title="Visa application centre moves", body="The visa centre has a new address.")
    publish_article(hanoi, title="Spring festival concert", body="Traditional music.")
    backend()

    response = client.get("/api/v1/search/", {"q": "visa", "mission": "hanoi"})

    assert response.status_code == 200, response.content
    body = response.json()
    assert result_ids(response) == [visa.pk]
    hit = body["results"][0]
    assert hit["mission"] == "hanoi" and hit["type"] == "article" and hit["tags"] == ["Visas"]
    assert hit["detail_url"].endswith(f"/api/v1/pages/{visa.pk}/")
    assert client.get(hit["detail_url"]).status_code == 200
    assert any("<mark>" in fragment for fragment in sum(hit["highlights"].values(), []))
    assert {bucket["value"]: bucket["count"] for bucket in body["facets"]["mission"]} == {"hanoi": 1}
    assert body["backend"] in ("opensearch", "database") and body["degraded"] is False


def test_filters_repeat(client, backend, hanoi, paris, hq):
    in_hanoi = publish_article(hanoi, title="Trade fair in Hanoi", body="trade")
    in_paris = publish_article(paris, title="Trade fair in Paris", body="trade")
    publish_article(hq, title="Trade policy at headquarters", body="trade")
    backend()

    repeated = client.get("/api/v1/search/?q=trade&mission=hanoi&mission=paris&type=article")

    assert sorted(result_ids(repeated)) == sorted([in_hanoi.pk, in_paris.pk])


def test_paging_and_date_sort(client, backend, hanoi):
    pages = [publish_article(hanoi, title=f"Consular update {number}", body="consular") for number in range(3)]
    backend()

    first = client.get("/api/v1/search/", {"q": "consular update", "sort": "date", "page_size": 2, "mission": "hanoi", "type": "article"}).json()
    second = client.get("/api/v1/search/", {"q": "consular update", "sort": "date", "page_size": 2, "page": 2, "mission": "hanoi", "type": "article"}).json()

    newest_first = [page.pk for page in reversed(pages)]
    assert first["total"] == 3 and first["page_size"] == 2
    assert [hit["id"] for hit in first["results"]] + [hit["id"] for hit in second["results"]] == newest_first


def test_nothing_non_public_is_ever_a_hit(client, backend, network_content):
    backend()
    for query in ("SECRET", "SECRET draft", "private", "unapproved revision"):
        for url in ("/api/v1/search/", "/api/v1/search/autocomplete/"):
            response = client.get(url, {"q": query})
            assert response.status_code == 200, response.content
            assert SECRET not in response.content.decode(), (url, query)
    related = client.get(f"/api/v1/pages/{network_content['article'].pk}/related/")
    assert related.status_code == 200
    assert SECRET not in related.content.decode()


def test_autocomplete_by_title_prefix(client, backend, hanoi):
    page = publish_article(hanoi, title="Đại sứ quán khai trương trung tâm báo chí", language="vi")
    backend()

    response = client.get("/api/v1/search/autocomplete/", {"q": "khai tr", "locale": "vi"})

    assert response.status_code == 200, response.content
    assert page.pk in result_ids(response)


def test_related_across_missions_and_404_for_a_page_that_is_not_public(client, search_engine, hanoi, paris):
    source = publish_article(hanoi, title="Climate finance for the Mekong delta", body="climate adaptation finance delta")
    other = publish_article(paris, title="Climate finance conference", body="climate adaptation finance")
    draft = publish_article(hanoi, title="Climate draft", body="climate", live=False)
    drain(search_engine)

    response = client.get(f"/api/v1/pages/{source.pk}/related/", {"limit": 3})

    assert response.status_code == 200, response.content
    assert other.pk in result_ids(response) and source.pk not in result_ids(response)
    assert client.get(f"/api/v1/pages/{draft.pk}/related/").status_code == 404


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/search/?locale=xx", "locale"),
        ("/api/v1/search/?kind=memo", "kind"),
        ("/api/v1/search/?type=blog", "type"),
        ("/api/v1/search/?mission=no%20spaces", "mission"),
        ("/api/v1/search/?country=France", "country"),
        ("/api/v1/search/?published_after=yesterday", "published_after"),
        ("/api/v1/search/?sort=popular", "sort"),
        ("/api/v1/search/?page=0", "page"),
        ("/api/v1/search/?page_size=101", "page_size"),
        ("/api/v1/search/?page=600&page_size=20", "page"),
        ("/api/v1/search/?q=" + "x" * 301, "q"),
        ("/api/v1/search/?missions=hanoi", "missions"),
        ("/api/v1/search/autocomplete/", "q"),
        ("/api/v1/search/autocomplete/?q=a&limit=99", "limit"),
        ("/api/v1/pages/1/related/?limit=0", "limit"),
    ],
)
def test_bad_input_is_a_400_naming_the_parameter(client, database_search, hanoi, url, field):
    if "/related/" in url:
        url = url.replace("/pages/1/", f"/pages/{publish_article(hanoi, title='Anything').pk}/")

    response = client.get(url)

    assert response.status_code == 400, response.content
    body = response.json()
    assert body["code"] == "invalid" and field in body["details"], body


def test_a_date_range_ending_before_it_starts_finds_nothing(client, database_search, hanoi):
    """Each bound is valid on its own (the schema can say no more), so the empty range is an empty answer."""
    publish_article(hanoi, title="Consular hours in April")

    response = client.get("/api/v1/search/?published_after=2026-05-01&published_before=2026-04-01")

    assert response.status_code == 200
    assert response.json()["total"] == 0 and response.json()["results"] == []


def test_an_unreachable_engine_answers_from_the_database_marked_degraded(client, settings, hanoi):
    page = publish_article(hanoi, title="Typhoon preparedness advice", body="typhoon")
    settings.HUB_SEARCH_ENGINE = "opensearch"
    settings.HUB_SEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    settings.HUB_SEARCH_TIMEOUT = 2
    cache.clear()

    body = client.get("/api/v1/search/", {"q": "typhoon"}).json()

    assert body["backend"] == "database" and body["degraded"] is True
    assert [hit["id"] for hit in body["results"]] == [page.pk]


def test_validators_and_304(client, database_search, hanoi):
    publish_article(hanoi, title="Scholarships announced", body="scholarship")
    first = client.get("/api/v1/search/", {"q": "scholarship"})
    assert first["ETag"] and first["Last-Modified"] and "max-age=" in first["Cache-Control"]

    again = client.get("/api/v1/search/", {"q": "scholarship"}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""

    publish_article(hanoi, title="Scholarships extended", body="scholarship")
    changed = client.get("/api/v1/search/", {"q": "scholarship"}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
