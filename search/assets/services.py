"""Writes of the asset index: keep it in line with the database (from the outbox), rebuild it, check it.

Same rules as the content index (search/services.py): outbox entries name an image or a document, applying
one re-reads it and writes or deletes its document, so entries may be applied late, twice or out of order.
"""

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils import timezone

from ..gateway import SearchEngineError, SearchGateway, gateway_required
from ..models import REINDEX_REPLAY_MARGIN, IndexOutbox, IndexTarget
from .index import ASSET_TYPES, asset_alias, asset_documents_for, asset_index_body, asset_index_pattern, asset_key

logger = logging.getLogger(__name__)

BATCH = 500
ASSET_TARGETS = {IndexTarget.IMAGE: "image", IndexTarget.DOCUMENT: "document"}

Progress = Callable[[int], None]


def asset_gateway(engine: SearchGateway | None = None) -> SearchGateway:
    """The asset index's gateway: the configured engine's connections, the asset alias."""
    engine = engine or gateway_required()
    prefix = engine.config.index_prefix
    return engine.for_alias(alias=asset_alias(prefix), index_pattern=asset_index_pattern(prefix))


def asset_keys_for_targets(targets: Iterable[tuple[str, int]]) -> set[str]:
    """Document ids of the assets outbox targets name (pages and the like name none)."""
    return {asset_key(ASSET_TARGETS[target], target_id) for target, target_id in targets if target in ASSET_TARGETS}


@dataclass
class AssetSyncReport:
    indexed: int = 0
    removed: int = 0
    failed: dict[str, str] = field(default_factory=dict)


def _split(keys: Iterable[str]) -> dict[str, list[int]]:
    by_type: dict[str, list[int]] = {name: [] for name in ASSET_TYPES}
    for key in keys:
        asset_type, _, pk = key.partition("-")
        by_type[asset_type].append(int(pk))
    return by_type


def index_sync_assets(*, keys: Iterable[str], gateway: SearchGateway, index: str | None = None) -> AssetSyncReport:
    """Make the asset index agree with the database for these assets: write those that exist, delete the rest."""
    report = AssetSyncReport()
    for asset_type, ids in _split(keys).items():
        for start in range(0, len(ids), BATCH):
            chunk = sorted(ids)[start : start + BATCH]
            documents = asset_documents_for(asset_type, chunk)
            gone = [asset_key(asset_type, pk) for pk in chunk if asset_key(asset_type, pk) not in documents]
            outcome = gateway.bulk(index=index, upserts=documents, deletes=gone)
            report.indexed += sum(1 for key in documents if key in outcome.succeeded)
            report.removed += sum(1 for key in gone if key in outcome.succeeded)
            report.failed.update(outcome.failed)
    return report


def asset_index_ensure(*, gateway: SearchGateway) -> None:
    """Create an empty asset index behind its alias if there is none yet."""
    if gateway.indices_behind_alias():
        return
    gateway.alias_point(gateway.index_create(body=asset_index_body()))
    logger.warning("Created an empty asset index; run `manage.py search_reindex` to fill it.")


def _all_keys() -> list[str]:
    keys = []
    for asset_type, model in ASSET_TYPES.items():
        keys += [asset_key(asset_type, pk) for pk in model.objects.order_by("pk").values_list("pk", flat=True)]
    return keys


@dataclass
class AssetReindexReport:
    index: str
    assets: int
    replayed: int
    removed_indices: list[str]
    seconds: float


def assets_reindex(*, progress: Progress | None = None, total: Progress | None = None) -> AssetReindexReport:
    """Build a fresh asset index, swap the alias to it atomically, then re-apply asset changes made meanwhile."""
    engine = asset_gateway()
    started = timezone.now()
    name = engine.index_create(body=asset_index_body())
    try:
        engine.index_settings_put(name, {"refresh_interval": "-1"})
        keys = _all_keys()
        if total:
            total(len(keys))
        indexed = 0
        for start in range(0, len(keys), BATCH):
            batch = keys[start : start + BATCH]
            report = index_sync_assets(keys=batch, gateway=engine, index=name)
            if report.failed:
                key, reason = next(iter(report.failed.items()))
                raise SearchEngineError(f"The engine refused {len(report.failed)} asset documents, e.g. {key}: {reason}")
            indexed += report.indexed
            if progress:
                progress(len(batch))
        engine.index_settings_put(name, {"refresh_interval": "1s"})
        engine.index_refresh(name)
        previous = engine.alias_point(name)
    except BaseException:
        engine.index_delete(name)
        raise
    for old in previous:
        engine.index_delete(old)
    targets = IndexOutbox.objects.filter(
        created_at__gte=started - REINDEX_REPLAY_MARGIN, target__in=list(ASSET_TARGETS)
    ).values_list("target", "target_id")
    replayed = index_sync_assets(keys=asset_keys_for_targets(set(targets)), gateway=engine)
    engine.index_refresh()
    return AssetReindexReport(
        index=name, assets=indexed, replayed=replayed.indexed + replayed.removed, removed_indices=previous,
        seconds=(timezone.now() - started).total_seconds(),
    )


@dataclass
class AssetCheckReport:
    checked: int = 0
    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    repaired: AssetSyncReport | None = None

    @property
    def clean(self) -> bool:
        return not (self.missing or self.stale or self.extra)


def _indexed_fingerprints(engine: SearchGateway, page_size: int = 5000) -> dict[str, str]:
    found, after = {}, None
    while True:
        body = {"query": {"match_all": {}}, "_source": ["fingerprint"], "size": page_size,
                "sort": [{"asset_type": "asc"}, {"asset_id": "asc"}]}
        if after is not None:
            body["search_after"] = after
        hits = engine.search(body)["hits"]["hits"]
        found.update({hit["_id"]: hit["_source"].get("fingerprint", "") for hit in hits})
        if len(hits) < page_size:
            return found
        after = hits[-1]["sort"]


def assets_check(*, repair: bool = False, progress: Progress | None = None, total: Progress | None = None) -> AssetCheckReport:
    """Compare every asset document with what the database would index now; with `repair`, fix the differences."""
    engine = asset_gateway()
    asset_index_ensure(gateway=engine)
    engine.index_refresh()
    indexed = _indexed_fingerprints(engine)
    keys = _all_keys()
    if total:
        total(len(keys))
    report = AssetCheckReport()
    for asset_type, ids in _split(keys).items():
        for start in range(0, len(ids), BATCH):
            chunk = ids[start : start + BATCH]
            for key, document in asset_documents_for(asset_type, chunk).items():
                if key not in indexed:
                    report.missing.append(key)
                elif indexed[key] != document["fingerprint"]:
                    report.stale.append(key)
            report.checked += len(chunk)
            if progress:
                progress(len(chunk))
    report.extra = sorted(set(indexed) - set(keys))
    if repair and not report.clean:
        report.repaired = index_sync_assets(keys=[*report.missing, *report.stale, *report.extra], gateway=engine)
        engine.index_refresh()
    return report
