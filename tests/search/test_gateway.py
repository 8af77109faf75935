"""The gateway picks the client library for the configured engine and turns its failures into the hub's two
kinds: the engine cannot be reached (fall back, retry later) or it answered with an error."""

import pytest

from search.gateway import (
    ElasticsearchTransport,
    EngineSettings,
    OpenSearchTransport,
    SearchEngineError,
    SearchGateway,
    SearchUnavailable,
    gateway,
)
from search.indices import content_index_body

from .helpers import RUN_PREFIX


def config(engine: str, url: str, prefix: str = RUN_PREFIX) -> EngineSettings:
    return EngineSettings(engine=engine, url=url, username="", password="", index_prefix=prefix, timeout=5)


def test_settings_choose_the_transport(settings):
    settings.HUB_SEARCH_ENGINE = ""
    assert gateway() is None
    settings.HUB_SEARCH_ENGINE, settings.HUB_SEARCH_URL = "elasticsearch", "http://127.0.0.1:9"
    assert isinstance(gateway().transport, ElasticsearchTransport)
    settings.HUB_SEARCH_ENGINE = "opensearch"
    assert isinstance(gateway().transport, OpenSearchTransport)


@pytest.mark.parametrize("engine", ["opensearch", "elasticsearch"])
def test_an_unreachable_engine_is_search_unavailable_for_both_transports(engine):
    unreachable = SearchGateway(config(engine, "http://127.0.0.1:9"))
    with pytest.raises(SearchUnavailable):
        unreachable.health()
    with pytest.raises(SearchUnavailable):
        unreachable.search({"query": {"match_all": {}}})


def test_engine_errors_and_missing_indices_are_search_engine_errors(engine_url):
    live = SearchGateway(config("opensearch", engine_url, prefix=f"{RUN_PREFIX}gateway-"))
    with pytest.raises(SearchEngineError, match="search_reindex"):
        live.search({"query": {"match_all": {}}})
    name = live.index_create(body=content_index_body())
    try:
        with pytest.raises(SearchEngineError):
            live.search({"query": {"no_such_query": {}}}, index=name)
        outcome = live.bulk(index=name, upserts={"1": {"not_in_the_mapping": 1}}, deletes=["2"])
        assert set(outcome.failed) == {"1"} and outcome.succeeded == {"2"}
    finally:
        live.index_delete(name)
