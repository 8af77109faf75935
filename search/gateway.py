"""The one door to the search engine: a thin gateway over elasticsearch-py (Elasticsearch 8/9) or
opensearch-py (OpenSearch 2/3), chosen by settings.

Request bodies are plain dicts built with the Elasticsearch DSL (`search/indices.py`, `search/query.py`);
the two transports only differ in how the client libraries want them passed, and in their exceptions,
which the gateway turns into `SearchUnavailable` (the engine cannot be reached: wait and retry, or fall
back) and `SearchEngineError` (the engine answered with an error: a bug or a broken index).
"""

import functools
import logging
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import get_random_string

from .indices import content_alias, content_index_pattern

logger = logging.getLogger(__name__)


POOL_SIZE = 4  # connections per client: a reindex sends while searches keep running
# Searches wait HUB_SEARCH_TIMEOUT at most (then the database answers); writes and index maintenance may
# legitimately take longer on a busy node (a bulk request, refreshing a freshly filled index).
WRITE_TIMEOUT = 120


class SearchUnavailable(Exception):
    """The engine could not be reached or is not ready (connection refused, timeout, 503)."""


class SearchEngineError(Exception):
    """The engine answered, with an error."""


class SearchNotConfigured(Exception):
    """An engine operation was asked for while the hub runs on database search only."""


@dataclass(frozen=True)
class EngineSettings:
    engine: str
    url: str
    username: str
    password: str
    index_prefix: str
    timeout: float


def engine_settings() -> EngineSettings | None:
    """The configured engine, or None when the hub runs on database search (the embedded default)."""
    if not settings.HUB_SEARCH_ENGINE:
        return None
    return EngineSettings(
        engine=settings.HUB_SEARCH_ENGINE,
        url=settings.HUB_SEARCH_URL,
        username=settings.HUB_SEARCH_USERNAME,
        password=settings.HUB_SEARCH_PASSWORD,
        index_prefix=settings.HUB_SEARCH_INDEX_PREFIX,
        timeout=settings.HUB_SEARCH_TIMEOUT,
    )


class OpenSearchTransport:
    """opensearch-py: bodies go in `body=`."""

    def __init__(self, config: EngineSettings):
        from opensearchpy import OpenSearch, exceptions

        self.exceptions = exceptions
        auth = (config.username, config.password) if config.username else None
        self.client = OpenSearch(
            hosts=[config.url], http_auth=auth, timeout=config.timeout, max_retries=0, retry_on_timeout=False,
            pool_maxsize=POOL_SIZE,
        )

    def translate(self, error: Exception) -> Exception | None:
        e = self.exceptions
        if isinstance(error, (e.ConnectionError, e.ConnectionTimeout)):
            return SearchUnavailable(str(error))
        if isinstance(error, e.NotFoundError):
            return None
        if isinstance(error, e.TransportError):
            status = error.status_code if isinstance(error.status_code, int) else 0
            if status in (429, 502, 503, 504):
                return SearchUnavailable(str(error))
            return SearchEngineError(str(error))
        return None

    def is_not_found(self, error: Exception) -> bool:
        return isinstance(error, self.exceptions.NotFoundError)

    def health(self) -> dict:
        return self.client.cluster.health()

    def create_index(self, name: str, body: dict) -> None:
        self.client.indices.create(index=name, body=body, request_timeout=WRITE_TIMEOUT)

    def delete_index(self, name: str) -> None:
        self.client.indices.delete(index=name, request_timeout=WRITE_TIMEOUT)

    def put_settings(self, name: str, index_settings: dict) -> None:
        self.client.indices.put_settings(index=name, body={"index": index_settings}, request_timeout=WRITE_TIMEOUT)

    def get_alias(self, name: str) -> dict:
        found = self.client.indices.get_alias(name=name, ignore=404)
        return {} if "status" in found and "error" in found else found

    def list_indices(self, pattern: str) -> list[str]:
        return list(self.client.indices.get(index=pattern, expand_wildcards="open"))

    def update_aliases(self, actions: list[dict]) -> None:
        self.client.indices.update_aliases(body={"actions": actions}, request_timeout=WRITE_TIMEOUT)

    def refresh(self, name: str) -> None:
        self.client.indices.refresh(index=name, request_timeout=WRITE_TIMEOUT)

    def bulk(self, operations: list[dict], refresh: bool) -> dict:
        return self.client.bulk(body=operations, refresh="true" if refresh else "false", request_timeout=WRITE_TIMEOUT)

    def search(self, index: str, body: dict) -> dict:
        return self.client.search(index=index, body=body)

    def get(self, index: str, doc_id: str) -> dict:
        return self.client.get(index=index, id=doc_id)


class ElasticsearchTransport:
    """elasticsearch-py 8/9: index settings, bulk operations and alias actions are keyword arguments."""

    def __init__(self, config: EngineSettings):
        import elastic_transport
        from elasticsearch import Elasticsearch, exceptions

        self.exceptions = exceptions
        self.transport_errors = elastic_transport
        auth = {"basic_auth": (config.username, config.password)} if config.username else {}
        self.client = Elasticsearch(
            config.url, request_timeout=config.timeout, max_retries=0, retry_on_timeout=False,
            connections_per_node=POOL_SIZE, **auth
        )
        self.writer = self.client.options(request_timeout=WRITE_TIMEOUT)

    def translate(self, error: Exception) -> Exception | None:
        if isinstance(error, self.exceptions.NotFoundError):
            return None
        if isinstance(error, self.exceptions.ApiError):
            if error.meta.status in (429, 502, 503, 504):
                return SearchUnavailable(str(error))
            return SearchEngineError(str(error))
        if isinstance(error, self.transport_errors.TransportError):
            return SearchUnavailable(str(error))
        return None

    def is_not_found(self, error: Exception) -> bool:
        return isinstance(error, self.exceptions.NotFoundError)

    def health(self) -> dict:
        return self.client.cluster.health().body

    def create_index(self, name: str, body: dict) -> None:
        self.writer.indices.create(index=name, settings=body.get("settings"), mappings=body.get("mappings"))

    def delete_index(self, name: str) -> None:
        self.writer.indices.delete(index=name)

    def put_settings(self, name: str, index_settings: dict) -> None:
        self.writer.indices.put_settings(index=name, settings=index_settings)

    def get_alias(self, name: str) -> dict:
        found = self.client.options(ignore_status=404).indices.get_alias(name=name).body
        return {} if "status" in found and "error" in found else found

    def list_indices(self, pattern: str) -> list[str]:
        return list(self.client.indices.get(index=pattern, expand_wildcards="open").body)

    def update_aliases(self, actions: list[dict]) -> None:
        self.writer.indices.update_aliases(actions=actions)

    def refresh(self, name: str) -> None:
        self.writer.indices.refresh(index=name)

    def bulk(self, operations: list[dict], refresh: bool) -> dict:
        return self.writer.bulk(operations=operations, refresh=refresh).body

    def search(self, index: str, body: dict) -> dict:
        return self.client.search(index=index, body=body).body

    def get(self, index: str, doc_id: str) -> dict:
        return self.client.get(index=index, id=doc_id).body


TRANSPORTS = {"opensearch": OpenSearchTransport, "elasticsearch": ElasticsearchTransport}


@dataclass(frozen=True)
class BulkOutcome:
    """Which documents the engine took and which it refused (id → reason)."""

    succeeded: frozenset[str]
    failed: dict[str, str]


class SearchGateway:
    """Engine operations in the hub's terms: the content alias, its indices, documents and queries."""

    def __init__(self, config: EngineSettings, *, alias: str = "", index_pattern: str = "", transport=None):
        self.config = config
        self.transport = transport or TRANSPORTS[config.engine](config)
        self.alias = alias or content_alias(config.index_prefix)
        self.index_pattern = index_pattern or content_index_pattern(config.index_prefix)

    def for_alias(self, *, alias: str, index_pattern: str) -> "SearchGateway":
        """The same engine and connections, for another aliased index (e.g. the asset index)."""
        return SearchGateway(self.config, alias=alias, index_pattern=index_pattern, transport=self.transport)

    @contextmanager
    def errors_translated(self):
        """Engine errors raised by other clients of the same engine (Wagtail's admin backend) in the hub's terms."""
        try:
            yield
        except Exception as error:
            translated = self.transport.translate(error)
            if translated is None:
                raise
            raise translated from error

    def _call(self, method: str, *args, **kwargs):
        try:
            return getattr(self.transport, method)(*args, **kwargs)
        except Exception as error:
            translated = self.transport.translate(error)
            if translated is None:
                raise
            raise translated from error

    # -- the node

    def health(self) -> dict:
        return self._call("health")

    # -- indices and the alias

    def index_create(self, *, body: dict) -> str:
        """Create a fresh, uniquely named content index (not yet behind the alias) and return its name."""
        stamp = timezone.now().strftime("%Y%m%d%H%M%S")
        name = f"{self.alias}-{stamp}-{get_random_string(6).lower()}"
        self._call("create_index", name, body)
        return name

    def index_delete(self, name: str) -> None:
        try:
            self._call("delete_index", name)
        except Exception as error:
            if not self.transport.is_not_found(error):
                raise

    def index_settings_put(self, name: str, index_settings: dict) -> None:
        self._call("put_settings", name, index_settings)

    def index_refresh(self, name: str | None = None) -> None:
        self._call("refresh", name or self.alias)

    def indices_behind_alias(self) -> list[str]:
        return sorted(self._call("get_alias", self.alias))

    def indices_all(self) -> list[str]:
        """Every index of this alias's pattern, behind the alias or not (e.g. left by an interrupted reindex)."""
        return sorted(self._call("list_indices", self.index_pattern))

    def alias_point(self, name: str) -> list[str]:
        """Point the alias at `name` in one atomic step and return the indices it pointed at before."""
        previous = self.indices_behind_alias()
        actions = [{"remove": {"index": old, "alias": self.alias}} for old in previous if old != name]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self._call("update_aliases", actions)
        return [old for old in previous if old != name]

    # -- documents

    def bulk(self, *, index: str | None = None, upserts: dict[str, dict], deletes: Iterable[str] = (), refresh=False):
        """Write and delete documents in one request; deleting a document that is not there counts as done."""
        index = index or self.alias
        operations: list[dict] = []
        for doc_id, document in upserts.items():
            operations += [{"index": {"_index": index, "_id": doc_id}}, document]
        for doc_id in deletes:
            operations.append({"delete": {"_index": index, "_id": doc_id}})
        if not operations:
            return BulkOutcome(succeeded=frozenset(), failed={})
        response = self._call("bulk", operations, refresh)
        succeeded, failed = set(), {}
        for item in response["items"]:
            ((action, result),) = item.items()
            status = result.get("status", 500)
            if status in (429, 503):
                raise SearchUnavailable(f"the engine refused writes ({status}); the batch will be retried")
            if status < 300 or (action == "delete" and status == 404):
                succeeded.add(result["_id"])
            else:
                failed[result["_id"]] = str(result.get("error", status))[:500]
        return BulkOutcome(succeeded=frozenset(succeeded), failed=failed)

    def document(self, doc_id: str) -> dict | None:
        try:
            return self._call("get", self.alias, doc_id)["_source"]
        except Exception as error:
            if self.transport.is_not_found(error):
                return None
            raise

    def search(self, body: dict, *, index: str | None = None) -> dict:
        try:
            return self._call("search", index or self.alias, body)
        except Exception as error:
            if self.transport.is_not_found(error):
                raise SearchEngineError(f"There is no search index {index or self.alias}; run search_reindex.") from error
            raise


@functools.lru_cache(maxsize=8)
def _gateway_for(config: EngineSettings) -> SearchGateway:
    return SearchGateway(config)


def gateway() -> SearchGateway | None:
    """The gateway of the configured engine (one client per configuration), or None without an engine."""
    config = engine_settings()
    return _gateway_for(config) if config else None


def gateway_required() -> SearchGateway:
    found = gateway()
    if found is None:
        raise SearchNotConfigured("No search engine is configured (set HUB_SEARCH_ENGINE and HUB_SEARCH_URL).")
    return found


# A circuit breaker for queries: after the engine failed to answer, searches go straight to the database
# for a short while instead of each waiting for a timeout. Writes (the outbox worker) keep trying.
BREAKER_SECONDS = 15


def _breaker_key(config: EngineSettings) -> str:
    return f"hub-search-engine-down:{config.engine}:{config.url}"


def engine_marked_down(config: EngineSettings) -> bool:
    return bool(cache.get(_breaker_key(config)))


def engine_mark_down(config: EngineSettings) -> None:
    cache.set(_breaker_key(config), True, BREAKER_SECONDS)
