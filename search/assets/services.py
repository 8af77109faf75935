"""Writes of the asset index: the generic index mechanism (search/indexing.py) for `ASSET_INDEX`.

Same rules as the content index: outbox entries name an image or a document, applying one re-reads it and
writes or deletes its document, so entries may be applied late, twice or out of order.
"""

from ..gateway import SearchGateway
from ..indexing import CheckReport, Progress, ReindexReport, index_check, index_rebuild
from .index import ASSET_INDEX


def asset_gateway(engine: SearchGateway | None = None) -> SearchGateway:
    """The asset index's gateway: the configured engine's connections, the asset alias."""
    return ASSET_INDEX.gateway(engine)


def assets_reindex(*, progress: Progress | None = None, total: Progress | None = None) -> ReindexReport:
    """Build a fresh asset index, swap the alias to it atomically, then re-apply asset changes made meanwhile."""
    return index_rebuild(ASSET_INDEX, progress=progress, total=total)


def assets_check(*, repair: bool = False, progress: Progress | None = None, total: Progress | None = None) -> CheckReport:
    """Compare every asset document with what the database would index now; with `repair`, fix the differences."""
    return index_check(ASSET_INDEX, repair=repair, progress=progress, total=total)
