"""Writes of the search app: record index changes in the outbox, apply them, rebuild and check the index.

The outbox is the queue. Signal handlers write an entry in the transaction of the change; a task started
on commit drains it at once, and `manage.py search_worker` drains whatever is left (e.g. after an outage).
Applying an entry means re-reading the database and making the index agree with it, so entries are safe
to apply late, twice, or out of order.
"""

import json
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import Decimal
from importlib import import_module
from uuid import UUID

from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from embassies.models import HubDocument, HubImage
from embassies.selectors import subtrees

from .assets.index import ASSET_INDEX
from .documents import PAGE_INDEX, page_ids_for_targets
from .fallback import page_search_texts
from .gateway import SearchEngineError, SearchUnavailable, engine_settings, gateway_required
from .indexing import CheckReport, Progress, ReindexReport, SyncReport, index_check, index_ensure, index_rebuild, index_sync
from .models import IndexOutbox, IndexTarget, PageSearchText

logger = logging.getLogger(__name__)

DRAIN_BATCH = 500
# Outbox targets that name pages; the database fallback's text follows them too.
PAGE_TARGETS = (IndexTarget.PAGE, IndexTarget.SUBTREE, IndexTarget.MISSION, IndexTarget.TOPIC)
REINDEX_BATCH = 500
# Every index the outbox keeps in line with the database, the content index first.
INDICES = (PAGE_INDEX, ASSET_INDEX)
RETRY_BASE_SECONDS = 5
RETRY_MAX_SECONDS = 15 * 60
OUTBOX_RETENTION = timedelta(days=7)


def outbox_record(*, target: str, target_id: int, reason: str) -> IndexOutbox | None:
    """Record that `target` may have changed in the index's eyes, in the current transaction.

    Nothing is recorded while the hub runs on database search: there is no index to keep up to date.
    The signal handlers that record changes start the drain task once the transaction commits.
    """
    if engine_settings() is None:
        return None
    return IndexOutbox.objects.create(target=target, target_id=target_id, reason=reason)


# What Wagtail's admin search index holds, by outbox target: every page (drafts too: editors search them), every
# image and document. Mission and topic targets change nothing it stores.
ADMIN_INDEX_MODELS = {IndexTarget.IMAGE: HubImage, IndexTarget.DOCUMENT: HubDocument}
ADMIN_INDEX_BATCH = 200


def admin_search_backend():
    """Wagtail's admin search backend when it is the engine (modelsearch's), else None (the database backend is
    written in each change's own transaction, so it never misses one)."""
    backend = get_search_backend()
    return backend if getattr(backend, "catch_indexing_errors", False) else None


def admin_index_sync(*, targets, gateway) -> int:
    """Bring Wagtail's admin search index in line with the database for what the outbox entries name.

    Wagtail's signal handlers write to that index directly and only log a failure, so whatever changed while the
    engine was unreachable reaches it here, from the outbox, like the hub's own indices. Returns objects written.
    """
    backend = admin_search_backend()
    if backend is None:
        return 0
    wanted: dict[type, set[int]] = defaultdict(set)
    subtree_roots = set()
    for target, target_id in targets:
        if target == IndexTarget.PAGE:
            wanted[Page].add(target_id)
        elif target == IndexTarget.SUBTREE:
            subtree_roots.add(target_id)
        elif target in ADMIN_INDEX_MODELS:
            wanted[ADMIN_INDEX_MODELS[target]].add(target_id)
    if subtree_roots:
        paths = Page.objects.filter(pk__in=subtree_roots).values_list("path", flat=True)
        wanted[Page] |= subtree_roots | set(Page.objects.filter(subtrees(paths)).values_list("pk", flat=True))
    written = 0
    with gateway.errors_translated():
        for model, ids in wanted.items():
            written += _admin_index_write(backend, model, ids)
    return written


def _admin_objects(model, ids=None):
    """The objects of `model` Wagtail's admin index holds (pages as their specific class), all or those of `ids`."""
    found = model.objects.all() if ids is None else model.objects.filter(pk__in=ids)
    return found.specific() if model is Page else found


def _admin_index_write(backend, model, ids) -> int:
    """Write these objects of `model` into Wagtail's admin index and delete the ids no longer in the database."""
    index = backend.get_index_for_model(model)
    if not index.exists():
        index.put()
    by_class: dict[type, list] = defaultdict(list)
    for instance in _admin_objects(model, ids):
        by_class[type(instance)].append(instance)
    written = 0
    for cls, instances in by_class.items():
        for start in range(0, len(instances), ADMIN_INDEX_BATCH):
            backend.add_bulk(cls, instances[start : start + ADMIN_INDEX_BATCH])
            written += len(instances[start : start + ADMIN_INDEX_BATCH])
    for gone in set(ids) - {instance.pk for instances in by_class.values() for instance in instances}:
        backend.delete(model(pk=gone))
    return written


# The models the outbox keeps in Wagtail's admin index, with the word `search_check` names their keys by.
ADMIN_INDEX_CHECKED = {Page: "page", HubImage: "image", HubDocument: "document"}


def _as_sent(value):
    """A document as the engine stores it: JSON, dates as ISO 8601 (what the engine clients send)."""
    return json.loads(json.dumps(value, default=_json_default))


def _json_default(value):
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, UUID):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _admin_index_stored(backend, index) -> dict[str, dict]:
    """Every document of one of Wagtail's admin indices, by id (an index not created yet holds none)."""
    if not index.exists():
        return {}
    helpers = import_module(f"{type(backend.es).__module__.split('.')[0]}.helpers")
    return {hit["_id"]: hit["_source"] for hit in helpers.scan(backend.es, index=index.name, query={"query": {"match_all": {}}})}


@dataclass
class AdminIndexCheckReport:
    """How Wagtail's admin search index differs from the database, keys as `page-12`, `image-3`: objects it lacks,
    documents out of date (a change made while the engine was down whose outbox entry was lost, an edit behind
    the signals' back) and documents of objects that are gone. `checked` is None when the admin search runs on
    the database (nothing to compare: it is written in each change's own transaction)."""

    checked: int | None = 0
    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    repaired: int | None = None

    @property
    def clean(self) -> bool:
        return not (self.missing or self.stale or self.extra)


def admin_index_check(*, repair: bool = False) -> AdminIndexCheckReport:
    """Compare Wagtail's admin search index with the database for pages (drafts too), images and documents; with
    `repair`, write the missing and stale objects and delete the extra documents."""
    backend = admin_search_backend()
    if backend is None:
        return AdminIndexCheckReport(checked=None)
    report = AdminIndexCheckReport()
    to_write: dict[type, set[int]] = defaultdict(set)
    with gateway_required().errors_translated():
        for model, label in ADMIN_INDEX_CHECKED.items():
            stored = _admin_index_stored(backend, backend.get_index_for_model(model))
            wanted = set()
            for instance in _admin_objects(model).iterator(chunk_size=ADMIN_INDEX_BATCH):
                mapping = backend.mapping_class(type(instance))
                key = mapping.get_document_id(instance)
                wanted.add(key)
                if key not in stored:
                    report.missing.append(f"{label}-{instance.pk}")
                    to_write[model].add(instance.pk)
                elif _as_sent(mapping.get_document(instance)) != stored[key]:
                    report.stale.append(f"{label}-{instance.pk}")
                    to_write[model].add(instance.pk)
                report.checked += 1
            for key in sorted(set(stored) - wanted, key=lambda key: (len(key), key)):
                report.extra.append(f"{label}-{key}")
                to_write[model].add(int(key))
            if repair and to_write[model]:
                _admin_index_write(backend, model, to_write[model])
                backend.get_index_for_model(model).refresh()
    if repair and not report.clean:
        report.repaired = len(report.missing) + len(report.stale) + len(report.extra)
    return report


def page_texts_sync(*, page_ids) -> int:
    """Make the database fallback's text agree with the database for these pages: rewrite the rows of pages
    `pages_indexable()` holds, delete the others. Runs in the transaction of the change, so it commits or rolls
    back with it; returns the number of rows written."""
    page_ids = sorted(set(page_ids))
    written = 0
    for start in range(0, len(page_ids), REINDEX_BATCH):
        chunk = page_ids[start : start + REINDEX_BATCH]
        rows = page_search_texts(chunk)
        PageSearchText.objects.filter(page_id__in=chunk).exclude(page_id__in=[row.page_id for row in rows]).delete()
        PageSearchText.objects.bulk_create(
            rows, update_conflicts=True, unique_fields=["page"],
            update_fields=[field.name for field in PageSearchText._meta.concrete_fields if not field.primary_key],
        )
        written += len(rows)
    return written


def page_texts_record(*, target: str, target_id: int) -> None:
    """Bring the fallback's text of every page an outbox target covers in line, at once (no engine involved)."""
    if target in PAGE_TARGETS:
        page_texts_sync(page_ids=page_ids_for_targets([(target, target_id)]))


def page_texts_rebuild() -> int:
    """Rewrite the fallback's text of every indexable page and drop every other row (after an upgrade, or a
    restore); `manage.py search_reindex` runs it first, with or without an engine."""
    with transaction.atomic():
        PageSearchText.objects.all().delete()
        return page_texts_sync(page_ids=PAGE_INDEX.keys_all())


@dataclass
class WordsCheckReport:
    """How the database fallback's page words differ from what the pages say now: pages without words, words
    out of date (a page edited behind the signals' back, or words cut by an older version of `search.folding`),
    and words of pages that are no longer public."""

    checked: int = 0
    missing: list[int] = field(default_factory=list)
    stale: list[int] = field(default_factory=list)
    extra: list[int] = field(default_factory=list)
    repaired: int | None = None

    @property
    def clean(self) -> bool:
        return not (self.missing or self.stale or self.extra)


_WORD_FIELDS = [field.name for field in PageSearchText._meta.concrete_fields if field.name not in ("id", "page")]


def page_texts_check(
    *, repair: bool = False, batch_size: int = REINDEX_BATCH, progress: Progress | None = None, total: Progress | None = None
) -> WordsCheckReport:
    """Compare the fallback's words of every indexable page with the words its document gives now; with `repair`,
    rewrite the differing rows and drop the extra ones (in one transaction). Needs no engine."""
    keys = PAGE_INDEX.keys_all()
    if total:
        total(len(keys))
    report = WordsCheckReport()
    for start in range(0, len(keys), batch_size):
        chunk = keys[start : start + batch_size]
        stored = {row["page_id"]: row for row in PageSearchText.objects.filter(page_id__in=chunk).values("page_id", *_WORD_FIELDS)}
        for row in page_search_texts(chunk):
            if row.page_id not in stored:
                report.missing.append(row.page_id)
            elif any(getattr(row, name) != stored[row.page_id][name] for name in _WORD_FIELDS):
                report.stale.append(row.page_id)
        report.checked += len(chunk)
        if progress:
            progress(len(chunk))
    report.extra = sorted(set(PageSearchText.objects.values_list("page_id", flat=True)) - set(keys))
    if repair and not report.clean:
        with transaction.atomic():
            report.repaired = page_texts_sync(page_ids=[*report.missing, *report.stale, *report.extra])
    return report


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
        # What each entry covers, in every index: page ids in the content index, `image-12` in the asset index.
        covers = {
            entry.pk: {spec: spec.keys_for_targets([(entry.target, entry.target_id)]) for spec in INDICES}
            for entry in entries
        }
        sync = SyncReport()
        try:
            for spec in INDICES:
                keys = set().union(*(covered[spec] for covered in covers.values()))
                if not keys and spec is not PAGE_INDEX:
                    continue
                spec_gateway = spec.gateway(gateway)
                index_ensure(spec, gateway=spec_gateway)
                done = index_sync(spec, keys=keys, gateway=spec_gateway)
                sync.indexed, sync.removed = sync.indexed + done.indexed, sync.removed + done.removed
                sync.failed.update(done.failed)
            admin_index_sync(targets=[(entry.target, entry.target_id) for entry in entries], gateway=gateway)
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
            covered = set().union(*covers[entry.pk].values())
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


def search_reindex(
    *, batch_size: int = REINDEX_BATCH, progress: Progress | None = None, total: Progress | None = None
) -> ReindexReport:
    """Rebuild the content index from the database and swap the alias to it (`index_rebuild`)."""
    return index_rebuild(PAGE_INDEX, batch_size=batch_size, progress=progress, total=total)


def search_check(
    *, repair: bool = False, batch_size: int = REINDEX_BATCH, progress: Progress | None = None, total: Progress | None = None
) -> CheckReport:
    """Compare every content document with what the database would index now; with `repair`, fix the differences."""
    return index_check(PAGE_INDEX, repair=repair, batch_size=batch_size, progress=progress, total=total)
