"""One rule on both backends (issue 15, item 3): a query word matches a page's or an asset's kind and tags as it
matches its text, and what the kind or a tag names ranks above what merely mentions the word. The same table runs
against the database fallback and the live engine."""

import pytest

from search.assets.selectors import assets_search
from search.assets.services import assets_reindex
from search.selectors import pages_search
from search.services import search_reindex

from .helpers import drain, image, publish_article

pytestmark = pytest.mark.django_db

# (query, the pages it must find, best first, by their key below)
PAGE_QUERIES = [
    ("infographic", ["rice_infographic", "contest"]),  # the kind, then a page that only says the word
    ("Infographic rice", ["rice_infographic"]),  # kind and text together
    ("press release", ["visa_release"]),  # a two-word kind (press_release)
    ("climate", ["rice_infographic"]),  # a tag
    ("ngoai giao so", ["digital"]),  # a Vietnamese tag, typed without diacritics
    ("statement climate", []),  # every word must match somewhere
]
ASSET_QUERIES = [
    ("infographic", ["chart", "poster"]),  # the kind, then an image whose caption says the word
    ("lanterns", ["poster"]),  # a tag
    ("trung thu", ["poster"]),  # a Vietnamese tag, typed without diacritics
    ("infographic lanterns", ["poster"]),
]


@pytest.fixture
def pages(backend, hanoi):
    found = {
        "rice_infographic": publish_article(hanoi, title="Rice exports in 2026", kind="infographic", tags=["climate"], language="en"),
        "contest": publish_article(hanoi, title="Student contest", body="Draw an infographic about the Mekong.", language="en"),
        "visa_release": publish_article(hanoi, title="New visa rules", kind="press_release", language="en"),
        "digital": publish_article(hanoi, title="Hội thảo", tags=["ngoại giao số"], kind="statement", language="vi"),
    }
    if backend is not None:
        search_reindex()
        drain(backend)
    return {key: page.pk for key, page in found.items()}


@pytest.fixture
def images(backend, hanoi):
    found = {
        "chart": image(hanoi, "Rice exports by province", kind="infographic"),
        "poster": image(hanoi, "Lantern poster", caption="Drawn like an infographic", kind="photo"),
        "photo": image(hanoi, "Harbour at dawn", kind="photo"),
    }
    found["poster"].tags.add("lanterns", "Trung thu")
    if backend is not None:
        assets_reindex()
    return {key: asset.pk for key, asset in found.items()}


@pytest.mark.parametrize(("query", "expected"), PAGE_QUERIES, ids=[row[0] for row in PAGE_QUERIES])
def test_kinds_and_tags_match_and_rank_alike_on_both_backends(backend, pages, query, expected):
    results = pages_search(q=query, missions=["hanoi"])

    assert results.backend == ("database" if backend is None else "opensearch")
    assert [hit.page_id for hit in results.hits] == [pages[key] for key in expected]


@pytest.mark.parametrize(("query", "expected"), ASSET_QUERIES, ids=[row[0] for row in ASSET_QUERIES])
def test_asset_kinds_and_tags_match_and_rank_alike_on_both_backends(backend, images, admin_user, query, expected):
    results = assets_search(user=admin_user, query=query)

    assert results.backend == ("database" if backend is None else "opensearch")
    assert [hit.asset.pk for hit in results.hits] == [images[key] for key in expected]
