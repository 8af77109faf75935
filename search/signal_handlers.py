"""Signal handlers that record index changes in the outbox and bring the database fallback's page words in line
(connected in SearchConfig.ready).

Each handler runs inside the transaction of the change it reports (Wagtail's publish, delete and
revision actions are atomic), so the change, its outbox entry and the fallback's words commit or roll back
together. The fallback's words follow with or without an engine: they are what the database searches.
"""

from django.db import transaction

from embassies.models import HubDocument, HubImage

from .models import IndexTarget
from .services import outbox_record, page_texts_record, page_texts_sync
from .tasks import outbox_drain_task


def _record(*, target: str, target_id: int, reason: str) -> None:
    """Record the change in the outbox and, once the transaction commits, drain it (search follows within a
    second; `manage.py search_worker` retries whatever this misses). The fallback's words follow at once."""
    page_texts_record(target=target, target_id=target_id)
    if outbox_record(target=target, target_id=target_id, reason=reason) is not None:
        transaction.on_commit(outbox_drain_task.enqueue, robust=True)


def page_saved(sender, instance, raw=False, **kwargs):
    """Any save of a page, published through Wagtail or created live (provisioning): the fallback's words follow,
    and with an engine the outbox records it too, so that Wagtail's admin search index, which editors search
    for drafts as well, catches up on edits it missed while the engine was unreachable."""
    if raw:
        return
    page_texts_sync(page_ids=[instance.pk])
    if outbox_record(target=IndexTarget.PAGE, target_id=instance.pk, reason="edit") is not None:
        transaction.on_commit(outbox_drain_task.enqueue, robust=True)


def page_published(sender, instance, **kwargs):
    """A publish, a scheduled go-live, or a translation going live."""
    _record(target=IndexTarget.PAGE, target_id=instance.pk, reason="publish")


def page_unpublished(sender, instance, **kwargs):
    """An unpublish, including the scheduler expiring a page."""
    _record(target=IndexTarget.PAGE, target_id=instance.pk, reason="unpublish")


def page_moved(sender, instance, **kwargs):
    """A move changes the URL path of the page and everything below it, and possibly their mission."""
    _record(target=IndexTarget.SUBTREE, target_id=instance.pk, reason="move")


def page_slug_changed(sender, instance, **kwargs):
    """A published slug change rewrites the URL path of every page below with a bulk update (no per-page signal).

    Wagtail sends this just after the commit, so the entry is written in a transaction of its own.
    """
    _record(target=IndexTarget.SUBTREE, target_id=instance.pk, reason="slug")


def page_deleted(sender, instance, **kwargs):
    """Sent once per deleted page (descendants included), for the base Page row."""
    _record(target=IndexTarget.PAGE, target_id=instance.pk, reason="delete")


def view_restriction_changed(sender, instance, **kwargs):
    """A password, login or group restriction hides (or, removed, reveals) a whole subtree."""
    _record(target=IndexTarget.SUBTREE, target_id=instance.page_id, reason="privacy")


def mission_changed(sender, instance, created=False, raw=False, **kwargs):
    """Renaming a mission or moving it to another region or country changes every document of the mission."""
    if created or raw:
        return
    _record(target=IndexTarget.MISSION, target_id=instance.pk, reason="mission")


def mission_name_changed(sender, instance, raw=False, **kwargs):
    """The mission's name in one language appears on the documents in that language."""
    if raw or instance.mission_id is None:
        return
    _record(target=IndexTarget.MISSION, target_id=instance.mission_id, reason="mission_name")


def topic_changed(sender, instance, created=False, raw=False, **kwargs):
    """Documents carry their topics' slugs."""
    if created or raw:
        return
    _record(target=IndexTarget.TOPIC, target_id=instance.pk, reason="topic")


def asset_changed(sender, instance, raw=False, **kwargs):
    """An image or document saved (metadata, file, sharing) or deleted: its asset document follows."""
    if raw or instance.pk is None:
        return
    target = IndexTarget.IMAGE if sender._meta.model_name == "hubimage" else IndexTarget.DOCUMENT
    _record(target=target, target_id=instance.pk, reason="asset")


def asset_tags_changed(sender, instance, action, model=None, pk_set=None, **kwargs):
    """Tags added to or removed from an image or document (taggit sends m2m_changed with the through model)."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    for asset_model, target in ((HubImage, IndexTarget.IMAGE), (HubDocument, IndexTarget.DOCUMENT)):
        if isinstance(instance, asset_model) and instance.pk is not None:
            _record(target=target, target_id=instance.pk, reason="asset_tags")
