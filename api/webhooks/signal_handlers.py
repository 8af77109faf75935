"""Page events that webhooks follow (connected in ApiConfig.ready).

Each handler records deliveries in the transaction that changed the page; sending starts on commit. The
cheap question — does any webhook follow this mission and event? — is asked first, so a publish that
nobody follows costs the editor two small queries.

Wagtail unpublishes a live page in its own pre_delete handler just before deleting it. Followers get a
single `delete` for that, not an `unpublish` too; the two pre_delete handlers may run in either order, so
`page_deleted` marks the page (if it runs first) and withdraws an unpublish just recorded (if it runs second).
"""

from collections.abc import Callable

from django.db import transaction
from wagtail.models import Page, PageViewRestriction

from embassies.models.pages import page_mission_id
from embassies.selectors import pages_public

from .models import WebhookEvent
from .selectors import webhooks_following
from .services import deliveries_record, deliveries_withdraw
from .tasks import deliveries_enqueue

BEING_DELETED = "_hub_webhooks_being_deleted"


def _is_public_now(page: Page) -> bool:
    return pages_public(queryset=Page.objects.filter(pk=page.pk)).exists()


def _was_public(page: Page) -> bool:
    """No view restriction on the page or above it: consumers could have seen it while it was live."""
    return not PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True)).exists()


def _record(page: Page, event: str, *, visible: Callable[[Page], bool]) -> None:
    mission_id = page_mission_id(page)
    if mission_id is None:
        return
    webhooks = webhooks_following(mission_id=mission_id, event=event)
    if webhooks and visible(page):
        deliveries = deliveries_record(page=page, event=event, mission_id=mission_id, webhooks=webhooks)
        transaction.on_commit(lambda: deliveries_enqueue(deliveries))


def page_published(sender, instance, **kwargs):
    """Only pages that are public after the publish (not restricted, not past expiry) are announced."""
    _record(instance, WebhookEvent.PUBLISH, visible=_is_public_now)


def page_unpublished(sender, instance, **kwargs):
    if not getattr(instance, BEING_DELETED, False):
        _record(instance, WebhookEvent.UNPUBLISH, visible=_was_public)


def page_deleted(sender, instance, **kwargs):
    """pre_delete of each page row, descendants included: capture what it was while its rows still exist."""
    if not (instance.live or Page.objects.filter(pk=instance.pk, live=True).exists()):
        return
    setattr(instance.specific, BEING_DELETED, True)
    deliveries_withdraw(page_id=instance.pk, event=WebhookEvent.UNPUBLISH)
    _record(instance, WebhookEvent.DELETE, visible=_was_public)
