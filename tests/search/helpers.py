"""Helpers for search tests: publish pages the way editors do, apply the outbox, look inside the index."""

import io
import os
import secrets

import pytest
from django.core.cache import cache
from django.core.files.images import ImageFile
from PIL import Image as PILImage

from embassies import factories as content
from embassies.models import ArticlePage, HubImage
from search.gateway import SearchGateway, gateway
from search.services import outbox_drain

# Every index this test run creates starts with this, so runs sharing a node never meet.
RUN_PREFIX = f"test-{os.getpid()}-{secrets.token_hex(3)}-"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def engine_missing(reason: str):
    """Skip locally; under CI a missing engine is a failure, never a skip."""
    if in_ci():
        pytest.fail(f"CI=true and the search engine is missing: {reason}", pytrace=False)
    pytest.skip(f"no search engine ({reason}); `make engine` starts one")


def use_engine(settings, url: str, prefix: str = RUN_PREFIX) -> SearchGateway:
    """Point the hub at the engine at `url` (for this test), forgetting any outage remembered earlier."""
    settings.HUB_SEARCH_ENGINE = "opensearch"
    settings.HUB_SEARCH_URL = url
    settings.HUB_SEARCH_INDEX_PREFIX = prefix
    settings.HUB_SEARCH_TIMEOUT = 30
    cache.clear()
    return gateway()


def drain(engine: SearchGateway | None = None):
    """Apply the outbox and make the result visible to searches at once (the engine refreshes every second)."""
    report = outbox_drain()
    assert not report.unavailable, report.error
    assert report.failed == 0
    (engine or gateway()).index_refresh()
    return report


def publish_article(mission, *, title, body="", language=None, section="news", tags=(), topics=(), kind="news",
                    summary=None, live=True, **fields) -> ArticlePage:
    """An article published through Wagtail's revision workflow, in the mission's default language unless told."""
    parent = content.section(mission, section, language)
    page = ArticlePage(
        title=title,
        summary=summary if summary is not None else title,
        kind=kind,
        live=False,
        body=[("rich_text", f"<p>{body}</p>")] if body else [],
        **fields,
    )
    parent.add_child(instance=page)
    if tags:
        page.tags.add(*tags)
    if topics:
        page.topics.set(topics)
    revision = page.save_revision()
    if live:
        revision.publish()
    return ArticlePage.objects.get(pk=page.pk)


def doc_ids(engine: SearchGateway) -> set[int]:
    body = {"query": {"match_all": {}}, "_source": False, "size": 10_000}
    return {int(hit["_id"]) for hit in engine.search(body)["hits"]["hits"]}


def image(mission, title, *, size=(640, 360), **fields) -> HubImage:
    """An image in the mission's collection, uploaded as staff upload one."""
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (40, 90, 150)).save(buffer, "PNG")
    return HubImage.objects.create(
        title=title, collection=mission.collection, file=ImageFile(io.BytesIO(buffer.getvalue()), name="asset.png"), **fields
    )
