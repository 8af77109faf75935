"""Posts follow their page: approved with it, sent when it goes live, withdrawn when it is unpublished."""

from django.db import transaction
from wagtail.models import Page

from .models import SocialPost
from .services import approve_with_page
from .tasks import deliver_due_posts, withdraw_page_posts


def workflow_approved(sender, instance, user=None, **kwargs):
    """`instance` is the WorkflowState; its object may be a snippet, which has no posts."""
    page = instance.content_object
    if isinstance(page, Page):
        approve_with_page(page)


def page_published(sender, instance, **kwargs):
    # posts that were waiting for the page (not ones backing off after a failed attempt) are due now
    SocialPost.objects.filter(page_id=instance.pk, status=SocialPost.Status.APPROVED, attempts=0).update(
        next_attempt_at=None)
    if SocialPost.objects.filter(page_id=instance.pk, status__in=SocialPost.PENDING).exists():
        transaction.on_commit(deliver_due_posts.enqueue)


def page_unpublished(sender, instance, **kwargs):
    if SocialPost.objects.filter(page_id=instance.pk).exclude(status=SocialPost.Status.CANCELLED).exists():
        page_id = instance.pk
        transaction.on_commit(lambda: withdraw_page_posts.enqueue(page_id))
