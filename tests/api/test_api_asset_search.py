"""/api/v1/images/search/ and /api/v1/documents/search/ over HTTP: public assets only, filters, facets, highlights,
400 JSON errors for bad values; against the live engine and the database fallback."""

import pytest

from embassies import factories as content
from search.assets.services import assets_reindex
from tests.search.conftest import engine_url  # noqa: F401 - the live-engine fixture
from tests.search.helpers import drain, publish_article, use_engine

URL = "/api/v1/images/search/"


@pytest.fixture
def public_library(hanoi, paris):
    """Two images on public pages, one shared image no public page uses, one document linked publicly."""
    lanterns = content.image(title="Mid-Autumn lanterns", collection=hanoi.collection, alt_text="Đèn lồng Trung thu",
                             credit="Embassy in Hanoi", licence="cc-by")
    lanterns.tags.add("festivals")
    tower = content.image(title="Tour Eiffel", collection=paris.collection, caption="Les lanternes du Nouvel An",
                          translations={"en": {"title": "Eiffel Tower lanterns"}}, licence="editorial")
    unused = content.image(title="Lanterns not yet published", collection=paris.collection, is_shared=True)
    publish_article(hanoi, title="Trung thu", language="vi", hero_image=lanterns)
    publish_article(paris, title="Nouvel An", language="fr", hero_image=tower)
    return {"lanterns": lanterns, "tower": tower, "unused": unused}


@pytest.fixture(params=["engine", "database"])
def backend(request, settings, db):
    """Each test runs against the live engine (fresh indices) and against the database fallback."""
    if request.param == "database":
        settings.HUB_SEARCH_ENGINE = ""
        return "database"
    engine_url = request.getfixturevalue("engine_url")
    use_engine(settings, engine_url)
    return "opensearch"


def _ready(backend):
    if backend != "database":
        from search.services import search_reindex

        search_reindex()
        assets_reindex()


def ids(response) -> set[int]:
    return {hit["id"] for hit in response.json()["results"]}


def test_finds_public_images_by_text_in_any_locale_with_facets_and_highlights(client, backend, public_library):
    _ready(backend)
    response = client.get(URL, {"q": "lanterns"})
    assert response.status_code == 200
    body = response.json()
    assert body["backend"] == backend
    assert ids(response) == {public_library["lanterns"].pk, public_library["tower"].pk}  # never the unpublished one
    assert body["total"] == 2
    assert {bucket["value"] for bucket in body["facets"]["mission"]} == {"hanoi", "paris"}
    assert set(body["facets"]) == {"kind", "mission", "licence", "orientation", "tags", "year"}
    hit = next(hit for hit in body["results"] if hit["id"] == public_library["lanterns"].pk)
    assert "<mark>" in hit["highlights"]["title"][0]
    assert hit["social"]["og"]["formats"].keys() == {"webp", "avif"}
    assert ids(client.get(URL, {"q": "den long"})) == {public_library["lanterns"].pk}  # Vietnamese alt text, unaccented


def test_filters_narrow_the_hits(client, backend, public_library):
    _ready(backend)
    assert ids(client.get(URL, {"q": "lanterns", "mission": "paris"})) == {public_library["tower"].pk}
    assert ids(client.get(URL, {"tag": "festivals"})) == {public_library["lanterns"].pk}
    assert ids(client.get(URL, {"licence": "editorial"})) == {public_library["tower"].pk}
    assert ids(client.get(URL, {"orientation": "landscape", "min_width": "600", "usable_now": "true"})) == {
        public_library["lanterns"].pk, public_library["tower"].pk,
    }
    assert ids(client.get(URL, {"min_width": "5000"})) == set()


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"orientation": "diagonal"}, "orientation"),
        ({"min_width": "wide"}, "min_width"),
        ({"usable_now": "perhaps"}, "usable_now"),
        ({"licence": "stolen"}, "licence"),
        ({"kind": "hologram"}, "kind"),
        ({"year": "twenty"}, "year"),
        ({"page_size": "1000"}, "page_size"),
        ({"q": "x" * 400}, "q"),
    ],
)
def test_bad_values_answer_400_json(client, db, params, field):
    response = client.get(URL, params)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid" and field in body["details"]


def test_documents_search(client, backend, hanoi):
    checklist = content.document(title="Visa checklist", collection=hanoi.collection)
    content.document(title="Visa draft never linked", collection=hanoi.collection)
    publish_article(hanoi, title="Visas", language="vi", body=f'<a linktype="document" id="{checklist.pk}">checklist</a>')
    _ready(backend)
    response = client.get("/api/v1/documents/search/", {"q": "visa"})
    assert response.status_code == 200
    assert ids(response) == {checklist.pk}
    assert client.get("/api/v1/documents/search/", {"orientation": "portrait"}).status_code == 400


def test_the_engine_index_is_kept_in_step_by_the_outbox(client, settings, engine_url, public_library):
    use_engine(settings, engine_url)
    from search.services import search_reindex

    search_reindex()
    assets_reindex()
    tower = public_library["tower"]
    tower.title = "Arc de Triomphe"
    tower.save()
    drain()
    from search.assets.services import asset_gateway

    asset_gateway().index_refresh()
    assert ids(client.get(URL, {"q": "triomphe"})) == {tower.pk}
