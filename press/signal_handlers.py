"""Receivers of the press centre, connected in PressConfig.ready()."""

from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from embassies.models import ArticlePage
from embassies.models.pages import EMBARGO_KINDS

from . import services, tasks
from .models import BriefingPage


def revision_scheduled(sender, instance, update_fields=None, **kwargs):
    """Wagtail scheduled a revision (approval with a future go-live sets `approved_go_live_at`): if it is an embargoed
    release, mail it to its journalists once the transaction commits."""
    if not update_fields or "approved_go_live_at" not in update_fields or instance.approved_go_live_at is None:
        return
    if instance.content_type_id != ContentType.objects.get_for_model(ArticlePage).pk:
        return
    if not instance.content.get("embargo_for_press"):
        return
    transaction.on_commit(partial(tasks.embargoed_release_send.enqueue, revision_id=instance.pk))
    transaction.on_commit(partial(tasks.press_kit_build.enqueue, page_id=int(instance.object_id)))


def page_published_or_unpublished(sender, instance, **kwargs):
    """A release or briefing was (re)published or unpublished: its press kit follows, after commit."""
    if isinstance(instance, BriefingPage) or (isinstance(instance, ArticlePage) and instance.kind in EMBARGO_KINDS):
        transaction.on_commit(partial(tasks.press_kit_build.enqueue, page_id=instance.pk))


def journalist_deleting(sender, instance, **kwargs):
    """However a journalist is deleted (their request, the admin, a user's cascade), their traces go first."""
    services.journalist_traces_pseudonymise(journalist=instance)
