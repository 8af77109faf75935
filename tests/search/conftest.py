"""Fixtures for search tests: the live engine, a fresh index per test, and pages published the real way.

The engine is the node `make test` / `.ci/run` start (HUB_SEARCH_TEST_URL, default the harness port).
Without it a search test skips locally and FAILS under CI=true. Each test run uses its own index prefix,
so concurrent runs share one node without meeting; the run's indices are deleted at the end.
"""

import os
import urllib.request

import pytest

from search.gateway import EngineSettings, SearchGateway
from search.services import search_reindex

from .helpers import RUN_PREFIX, engine_missing, use_engine

ENGINE_URL = os.environ.get("HUB_SEARCH_TEST_URL", "http://127.0.0.1:9201")


@pytest.fixture(scope="session")
def engine_url():
    try:
        with urllib.request.urlopen(f"{ENGINE_URL}/_cluster/health?wait_for_status=yellow&timeout=20s", timeout=30):
            pass
    except OSError as error:
        engine_missing(f"{ENGINE_URL} did not answer: {error}")
    yield ENGINE_URL
    node = SearchGateway(
        EngineSettings(engine="opensearch", url=ENGINE_URL, username="", password="", index_prefix=RUN_PREFIX, timeout=30)
    )
    for name in node.transport.list_indices(f"{RUN_PREFIX}*"):
        node.index_delete(name)


@pytest.fixture
def search_engine(engine_url, settings, db) -> SearchGateway:
    """The hub pointed at the live engine, with a fresh index holding this test's starting pages."""
    engine = use_engine(settings, engine_url)
    search_reindex()
    return engine


@pytest.fixture(params=["database", "engine"])
def backend(request, settings):
    """Each test twice: on the database fallback (no engine), and on the live engine (fixtures build its indices)."""
    if request.param == "database":
        settings.HUB_SEARCH_ENGINE = ""
        return None
    return use_engine(settings, request.getfixturevalue("engine_url"))
