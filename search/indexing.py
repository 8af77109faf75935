"""One index mechanism for every index the hub keeps (pages, assets): ensure, sync, rebuild, check.

An `IndexSpec` says what differs between indices (name, mapping, which keys exist, how a batch of keys becomes
documents, which keys an outbox entry names); everything else is this module's, written once. A key is the
index's own id of a thing (a page id, `image-12`); its document id in the engine is `str(key)`.

Syncing re-reads the database for the keys it is given and makes the index agree (write what would be indexed,
delete the rest), so it is safe to apply late, twice or out of order. Rebuilding fills a fresh index through
bulk requests kept in flight and swaps the alias atomically; searches answer from the old index until then.
"""

import logging
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from .gateway import SearchEngineError, SearchGateway, gateway_required
from .models import REINDEX_REPLAY_MARGIN, IndexOutbox

logger = logging.getLogger(__name__)

BATCH = 500
# Bulk requests a rebuild keeps in flight while it builds the next batch: the engine indexes two at once.
BULKS_IN_FLIGHT = 2

Progress = Callable[[int], None]
Key = Any  # an index's own key: a page id, "image-12"


@dataclass(frozen=True, eq=False)
class IndexSpec:
    """What one index is made of; see the module docstring. Compared and hashed by identity (one per index)."""

    name: str  # in messages: "content", "asset"
    alias: Callable[[str], str]  # index prefix → the alias searches and updates use
    index_pattern: Callable[[str], str]  # index prefix → the pattern of its concrete indices
    body: Callable[[], dict]  # settings and mapping of a fresh index
    keys_all: Callable[[], list[Key]]  # every key the database may index now, in a stable order
    documents_for: Callable[[list[Key], dict], dict[Key, dict]]  # (keys, a cache shared across batches) → documents
    keys_for_targets: Callable[[Iterable[tuple[str, int]]], set[Key]]  # outbox (target, id) → keys they cover
    fingerprint_sort: tuple[dict, ...]  # a total order of the documents, to page through them
    key_from_id: Callable[[str], Key] = str  # engine document id → key

    def gateway(self, engine: SearchGateway | None = None) -> SearchGateway:
        """This index's gateway: the configured engine's connections, this index's alias."""
        engine = engine or gateway_required()
        prefix = engine.config.index_prefix
        return engine.for_alias(alias=self.alias(prefix), index_pattern=self.index_pattern(prefix))


@dataclass
class SyncReport:
    indexed: int = 0
    removed: int = 0
    failed: dict[Key, str] = field(default_factory=dict)


def index_ensure(spec: IndexSpec, *, gateway: SearchGateway) -> None:
    """Create an empty index behind the alias if there is none yet (a new engine or prefix)."""
    if gateway.indices_behind_alias():
        return
    gateway.alias_point(gateway.index_create(body=spec.body()))
    logger.warning("Created an empty %s index; run `manage.py search_reindex` to fill it.", spec.name)


def index_sync(spec: IndexSpec, *, keys: Iterable[Key], gateway: SearchGateway, index: str | None = None) -> SyncReport:
    """Make the index agree with the database for these keys: write the documents that exist, delete the rest."""
    keys = sorted(set(keys))
    report, cache = SyncReport(), {}
    for start in range(0, len(keys), BATCH):
        chunk = keys[start : start + BATCH]
        documents = spec.documents_for(chunk, cache)
        gone = [key for key in chunk if key not in documents]
        outcome = gateway.bulk(
            index=index,
            upserts={str(key): document for key, document in documents.items()},
            deletes=[str(key) for key in gone],
        )
        report.indexed += sum(1 for key in documents if str(key) in outcome.succeeded)
        report.removed += sum(1 for key in gone if str(key) in outcome.succeeded)
        report.failed.update({spec.key_from_id(doc_id): reason for doc_id, reason in outcome.failed.items()})
    return report


@dataclass
class ReindexReport:
    index: str
    documents: int
    replayed: int
    removed_indices: list[str]
    seconds: float


def index_rebuild(
    spec: IndexSpec,
    *,
    engine: SearchGateway | None = None,
    batch_size: int = BATCH,
    progress: Progress | None = None,
    total: Progress | None = None,
) -> ReindexReport:
    """Build a fresh index from the database and swap the alias to it atomically.

    Documents for the next batch are built while the engine indexes the previous ones. Changes made while the rebuild ran are applied again from the outbox, so the new index misses
    none of them.
    """
    gateway = spec.gateway(engine)
    started = timezone.now()
    name = gateway.index_create(body=spec.body())
    try:
        # Until the swap nobody reads the new index: no refreshes, no fsync per request (a crash fails the rebuild).
        gateway.index_settings_put(name, {"refresh_interval": "-1", "translog.durability": "async"})
        keys = spec.keys_all()
        if total:
            total(len(keys))
        indexed = _bulk_in_flight(spec, gateway, name=name, keys=keys, batch_size=batch_size, progress=progress)
        gateway.index_settings_put(name, {"refresh_interval": "1s", "translog.durability": "request"})
        gateway.index_refresh(name)
        previous = gateway.alias_point(name)
    except BaseException:
        gateway.index_delete(name)
        raise
    for old in previous:
        gateway.index_delete(old)
    replay_targets = set(
        IndexOutbox.objects.filter(created_at__gte=started - REINDEX_REPLAY_MARGIN).values_list("target", "target_id")
    )
    replayed = index_sync(spec, keys=spec.keys_for_targets(replay_targets), gateway=gateway)
    gateway.index_refresh()
    return ReindexReport(
        index=name,
        documents=indexed,
        replayed=replayed.indexed + replayed.removed,
        removed_indices=previous,
        seconds=(timezone.now() - started).total_seconds(),
    )


def _bulk_in_flight(spec: IndexSpec, gateway: SearchGateway, *, name: str, keys: list[Key], batch_size: int,
                    progress: Progress | None) -> int:
    """Send every key's document to index `name`, keeping BULKS_IN_FLIGHT bulk requests on the wire while the
    next batch is built. Documents are built here, in the caller's thread (the ORM's connection is per thread);
    only the HTTP requests run in the pool. Stops at the first refused document."""
    indexed, in_flight, cache = 0, deque(), {}
    with ThreadPoolExecutor(max_workers=BULKS_IN_FLIGHT, thread_name_prefix=f"search-{spec.name}") as sender:
        for start in range(0, len(keys), batch_size):
            batch = keys[start : start + batch_size]
            upserts = {str(key): document for key, document in spec.documents_for(batch, cache).items()}
            if len(in_flight) == BULKS_IN_FLIGHT:
                indexed += _bulk_done(spec, *in_flight.popleft(), progress=progress)
            in_flight.append((sender.submit(gateway.bulk, index=name, upserts=upserts), len(batch), len(upserts)))
        while in_flight:
            indexed += _bulk_done(spec, *in_flight.popleft(), progress=progress)
    return indexed


def _bulk_done(spec: IndexSpec, future: Future, keys: int, documents: int, *, progress: Progress | None) -> int:
    outcome = future.result()
    if outcome.failed:
        doc_id, reason = next(iter(outcome.failed.items()))
        raise SearchEngineError(f"The engine refused {len(outcome.failed)} {spec.name} documents, e.g. {doc_id}: {reason}")
    if progress:
        progress(keys)
    return documents


@dataclass
class CheckReport:
    """How the index differs from the database: documents it lacks, documents that are out of date, and
    documents of things that are no longer indexed (or no longer exist)."""

    checked: int = 0
    missing: list[Key] = field(default_factory=list)
    stale: list[Key] = field(default_factory=list)
    extra: list[Key] = field(default_factory=list)
    repaired: SyncReport | None = None

    @property
    def clean(self) -> bool:
        return not (self.missing or self.stale or self.extra)


def index_fingerprints(spec: IndexSpec, *, gateway: SearchGateway, page_size: int = 5000) -> dict[Key, str]:
    """Key → fingerprint of every document behind the alias."""
    found, after = {}, None
    while True:
        body = {"query": {"match_all": {}}, "_source": ["fingerprint"], "sort": list(spec.fingerprint_sort), "size": page_size}
        if after is not None:
            body["search_after"] = after
        hits = gateway.search(body)["hits"]["hits"]
        found.update({spec.key_from_id(hit["_id"]): hit["_source"].get("fingerprint", "") for hit in hits})
        if len(hits) < page_size:
            return found
        after = hits[-1]["sort"]


def index_check(
    spec: IndexSpec,
    *,
    engine: SearchGateway | None = None,
    repair: bool = False,
    batch_size: int = BATCH,
    progress: Progress | None = None,
    total: Progress | None = None,
) -> CheckReport:
    """Compare every document with what the database would index now; with `repair`, fix the differences."""
    gateway = spec.gateway(engine)
    index_ensure(spec, gateway=gateway)
    gateway.index_refresh()
    indexed = index_fingerprints(spec, gateway=gateway)
    keys = spec.keys_all()
    if total:
        total(len(keys))
    report, expected, cache = CheckReport(), set(), {}
    for start in range(0, len(keys), batch_size):
        batch = keys[start : start + batch_size]
        for key, document in spec.documents_for(batch, cache).items():
            expected.add(key)
            if key not in indexed:
                report.missing.append(key)
            elif indexed[key] != document["fingerprint"]:
                report.stale.append(key)
        report.checked += len(batch)
        if progress:
            progress(len(batch))
    report.extra = sorted(set(indexed) - expected)
    if repair and not report.clean:
        report.repaired = index_sync(spec, keys=[*report.missing, *report.stale, *report.extra], gateway=gateway)
        gateway.index_refresh()
    return report

