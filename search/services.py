"""Writes of the search app: record index changes in the outbox, apply them, rebuild and check the index.

The outbox is the queue. Signal handlers write an entry in the transaction of the change; a task started
on commit drains it at once, and `manage.py search_worker` drains whatever is left (e.g. after an outage).
Applying an entry means re-reading the database and making the index agree with it, so entries are safe
to apply late, twice, or out of order.
"""

import logging
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page

from embassies.models import ArticlePage, ConsularNoticePage, EventPage
from embassies.selectors import subtrees

from .documents import documents_for, pages_indexable
from .gateway import SearchEngineError, SearchGateway, SearchUnavailable, engine_settings, gateway_required
from .indices import content_index_body
from .models import REINDEX_REPLAY_MARGIN, IndexOutbox, IndexTarget
from .assets.services import asset_gateway, asset_index_ensure, asset_keys_for_targets, index_sync_assets

logger = logging.getLogger(__name__)

DRAIN_BATCH = 500
REINDEX_BATCH = 500
# Bulk requests a reindex keeps in flight while it builds the next batch: the engine indexes two at once.
BULKS_IN_FLIGHT = 2
RETRY_BASE_SECONDS = 5
RETRY_MAX_SECONDS = 15 * 60
OUTBOX_RETENTION = timedelta(days=7)

Progress = Callable[[int], None]


def outbox_record(*, target: str, target_id: int, reason: str) -> IndexOutbox | None:
    """Record that `target` may have changed in the index's eyes, in the current transaction.

    Nothing is recorded while the hub runs on database search: there is no index to keep up to date.
    After the transaction commits, a task drains the outbox.
    """
    if engine_settings() is None:
        return None
    entry = IndexOutbox.objects.create(target=target, target_id=target_id, reason=reason)
    transaction.on_commit(_drain_soon, robust=True)
    return entry


def _drain_soon() -> None:
    from .tasks import outbox_drain_task  # the tasks run these services

    outbox_drain_task.enqueue()


def page_ids_for_targets(targets: Iterable[tuple[str, int]]) -> set[int]:
    """Every page an outbox target covers, as the database has it now (deleted pages stay as their own id)."""
    page_ids, subtree_roots, mission_ids, topic_ids = set(), set(), set(), set()
    for target, target_id in targets:
        if target == IndexTarget.PAGE:
            page_ids.add(target_id)
        elif target == IndexTarget.SUBTREE:
            subtree_roots.add(target_id)
        elif target == IndexTarget.MISSION:
            mission_ids.add(target_id)
        elif target == IndexTarget.TOPIC:
            topic_ids.add(target_id)
    page_ids |= subtree_roots
    paths = list(Page.objects.filter(pk__in=subtree_roots).values_list("path", flat=True))
    paths += list(
        Page.objects.filter(missionhomepage__mission_id__in=mission_ids).values_list("path", flat=True)
    )
    if paths:
        page_ids |= set(Page.objects.filter(subtrees(paths)).values_list("pk", flat=True))
    if topic_ids:
        for model in (ArticlePage, EventPage, ConsularNoticePage):
            page_ids |= set(model.objects.filter(topics__in=topic_ids).values_list("pk", flat=True))
    return page_ids


@dataclass
class SyncReport:
    indexed: int = 0
    removed: int = 0
    failed: dict[int | str, str] = field(default_factory=dict)


def index_sync_pages(*, page_ids: Iterable[int], gateway: SearchGateway, index: str | None = None) -> SyncReport:
    """Make the index agree with the database for these pages: write the public ones, delete the rest."""
    page_ids = set(page_ids)
    report = SyncReport()
    for start in range(0, len(page_ids), REINDEX_BATCH):
        chunk = sorted(page_ids)[start : start + REINDEX_BATCH]
        rows = pages_indexable(queryset=Page.objects.filter(pk__in=chunk)).values("pk", "content_type_id", "path")
        documents = documents_for(rows)
        outcome = gateway.bulk(
            index=index,
            upserts={str(pk): document for pk, document in documents.items()},
            deletes=[str(pk) for pk in chunk if pk not in documents],
        )
        report.indexed += sum(1 for pk in documents if str(pk) in outcome.succeeded)
        report.removed += sum(1 for pk in chunk if pk not in documents and str(pk) in outcome.succeeded)
        report.failed.update({int(pk): reason for pk, reason in outcome.failed.items()})
    return report


def index_ensure(*, gateway: SearchGateway) -> None:
    """Create an empty content index behind the alias if there is none yet (a new engine or prefix)."""
    if gateway.indices_behind_alias():
        return
    name = gateway.index_create(body=content_index_body())
    gateway.alias_point(name)
    logger.warning("Created an empty search index %s; run `manage.py search_reindex` to fill it.", name)


@dataclass
class DrainReport:
    """What one drain did: entries applied, entries that failed and wait for a retry, and whether the engine
    could not be reached at all (then nothing was touched and the entries simply wait)."""

    applied: int = 0
    failed: int = 0
    unavailable: bool = False
    error: str = ""
    pages_indexed: int = 0
    pages_removed: int = 0


def retry_delay(attempts: int) -> timedelta:
    """Exponential backoff for an entry the engine refused: 5 s, 10 s, 20 s … up to 15 minutes."""
    return timedelta(seconds=min(RETRY_MAX_SECONDS, RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0)))


DRAIN_LOCK_KEY = 0x48554253  # "HUBS": the advisory lock that serialises outbox drains


def outbox_drain(*, limit: int = DRAIN_BATCH) -> DrainReport:
    """Apply up to `limit` due outbox entries to the index.

    Drains run one at a time (a transaction-scoped advisory lock on PostgreSQL; SQLite serialises writers
    anyway): each re-reads the database once it holds the lock, so a drain that read older state can never
    write after one that read newer state — index writes carry no versions. If the engine is unreachable the
    entries stay as they are; if it refuses some documents, the entries covering them are retried later
    with backoff.
    """
    gateway = gateway_required()
    report = DrainReport()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [DRAIN_LOCK_KEY])
        now = timezone.now()
        entries = list(
            IndexOutbox.objects.due(at=now).select_for_update(skip_locked=True).order_by("id")[:limit]
        )
        if not entries:
            return report
        expansions = {entry.pk: page_ids_for_targets([(entry.target, entry.target_id)]) for entry in entries}
        asset_expansions = {entry.pk: asset_keys_for_targets([(entry.target, entry.target_id)]) for entry in entries}
        try:
            index_ensure(gateway=gateway)
            sync = index_sync_pages(page_ids=set().union(*expansions.values()), gateway=gateway)
            asset_keys = set().union(*asset_expansions.values())
            if asset_keys:
                assets = asset_gateway(gateway)
                asset_index_ensure(gateway=assets)
                asset_sync = index_sync_assets(keys=asset_keys, gateway=assets)
                sync.failed.update(asset_sync.failed)
        except SearchUnavailable as error:
            IndexOutbox.objects.filter(pk__in=[entry.pk for entry in entries]).update(last_error=str(error)[:2000])
            report.unavailable, report.error = True, str(error)
            return report
        except SearchEngineError as error:
            logger.exception("The search engine rejected a batch of %s outbox entries; they will be retried.", len(entries))
            for entry in entries:
                entry.attempts += 1
                entry.next_attempt_at = now + retry_delay(entry.attempts)
                entry.last_error = str(error)[:2000]
                entry.save(update_fields=["attempts", "next_attempt_at", "last_error"])
            report.failed, report.error = len(entries), str(error)
            return report
        report.pages_indexed, report.pages_removed = sync.indexed, sync.removed
        applied = []
        for entry in entries:
            covered = expansions[entry.pk] | asset_expansions[entry.pk]
            refused = {pk: reason for pk, reason in sync.failed.items() if pk in covered}
            if not refused:
                applied.append(entry.pk)
                continue
            entry.attempts += 1
            entry.next_attempt_at = now + retry_delay(entry.attempts)
            entry.last_error = "; ".join(f"{entry.target} {pk}: {reason}" for pk, reason in refused.items())[:2000]
            entry.save(update_fields=["attempts", "next_attempt_at", "last_error"])
            report.failed += 1
        IndexOutbox.objects.filter(pk__in=applied).update(processed_at=now, last_error="")
        report.applied = len(applied)
    if report.failed:
        logger.error("The search engine refused documents of %s outbox entries; they will be retried.", report.failed)
    return report


def outbox_purge(*, older_than: timedelta = OUTBOX_RETENTION) -> int:
    """Delete applied entries past their retention; pending entries are never deleted."""
    deleted, _ = IndexOutbox.objects.filter(processed_at__lt=timezone.now() - older_than).delete()
    return deleted


@dataclass
class ReindexReport:
    index: str
    pages: int
    replayed: int
    removed_indices: list[str]
    seconds: float


def search_reindex(
    *, batch_size: int = REINDEX_BATCH, progress: Progress | None = None, total: Progress | None = None
) -> ReindexReport:
    """Build a fresh index from the database and swap the alias to it atomically.

    Search answers from the old index until the swap. Changes made while the reindex ran are then applied
    again from the outbox, so the new index misses none of them. Documents for the next batch are built
    while the engine indexes the previous one.
    """
    gateway = gateway_required()
    started = timezone.now()
    name = gateway.index_create(body=content_index_body())
    try:
        # Until the swap nobody reads the new index: no refreshes, no fsync per request (a crash fails the reindex).
        gateway.index_settings_put(name, {"refresh_interval": "-1", "translog.durability": "async"})
        rows = list(pages_indexable().order_by("pk").values("pk", "content_type_id", "path"))
        if total:
            total(len(rows))
        indexed, missions, in_flight = 0, {}, deque()
        with ThreadPoolExecutor(max_workers=BULKS_IN_FLIGHT, thread_name_prefix="search-reindex") as sender:
            for start in range(0, len(rows), batch_size):
                batch = rows[start : start + batch_size]
                documents = documents_for(batch, missions=missions)
                if len(in_flight) == BULKS_IN_FLIGHT:
                    indexed += _bulk_done(*in_flight.popleft(), progress=progress)
                upserts = {str(pk): document for pk, document in documents.items()}
                in_flight.append((sender.submit(gateway.bulk, index=name, upserts=upserts), len(batch), len(documents)))
            while in_flight:
                indexed += _bulk_done(*in_flight.popleft(), progress=progress)
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
    replayed = index_sync_pages(page_ids=page_ids_for_targets(replay_targets), gateway=gateway)
    gateway.index_refresh()
    return ReindexReport(
        index=name,
        pages=indexed,
        replayed=replayed.indexed + replayed.removed,
        removed_indices=previous,
        seconds=(timezone.now() - started).total_seconds(),
    )


def _bulk_done(future: Future, rows: int, documents: int, *, progress: Progress | None) -> int:
    outcome = future.result()
    if outcome.failed:
        page_id, reason = next(iter(outcome.failed.items()))
        raise SearchEngineError(f"The engine refused {len(outcome.failed)} documents, e.g. page {page_id}: {reason}")
    if progress:
        progress(rows)
    return documents


@dataclass
class CheckReport:
    """How the index differs from the database: public pages it lacks, documents that are out of date, and
    documents of pages that are no longer public (or no longer exist)."""

    checked: int = 0
    missing: list[int] = field(default_factory=list)
    stale: list[int] = field(default_factory=list)
    extra: list[int] = field(default_factory=list)
    repaired: SyncReport | None = None

    @property
    def clean(self) -> bool:
        return not (self.missing or self.stale or self.extra)


def index_fingerprints(*, gateway: SearchGateway, page_size: int = 5000) -> dict[int, str]:
    """Page id → fingerprint of every document behind the alias."""
    found, after = {}, None
    while True:
        body = {"query": {"match_all": {}}, "_source": ["fingerprint"], "sort": [{"page_id": "asc"}], "size": page_size}
        if after is not None:
            body["search_after"] = after
        hits = gateway.search(body)["hits"]["hits"]
        for hit in hits:
            found[int(hit["_id"])] = hit["_source"].get("fingerprint", "")
        if len(hits) < page_size:
            return found
        after = hits[-1]["sort"]


def search_check(
    *, repair: bool = False, batch_size: int = REINDEX_BATCH, progress: Progress | None = None, total: Progress | None = None
) -> CheckReport:
    """Compare every document with what the database would index now; with `repair`, fix the differences."""
    gateway = gateway_required()
    gateway.index_refresh()
    indexed = index_fingerprints(gateway=gateway)
    report = CheckReport()
    rows = list(pages_indexable().order_by("pk").values("pk", "content_type_id", "path"))
    if total:
        total(len(rows))
    expected_ids = set()

    def compare(batch_rows):
        documents = documents_for(batch_rows)
        for pk, document in documents.items():
            expected_ids.add(pk)
            if pk not in indexed:
                report.missing.append(pk)
            elif indexed[pk] != document["fingerprint"]:
                report.stale.append(pk)
        report.checked += len(batch_rows)
        if progress:
            progress(len(batch_rows))

    for start in range(0, len(rows), batch_size):
        compare(rows[start : start + batch_size])
    report.extra = sorted(set(indexed) - expected_ids)
    if repair and not report.clean:
        report.repaired = index_sync_pages(page_ids=[*report.missing, *report.stale, *report.extra], gateway=gateway)
        gateway.index_refresh()
    return report
