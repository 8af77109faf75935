"""Posts follow their page: approved with it, sent when it goes live, withdrawn when it is unpublished."""

from django.db import transaction


def workflow_approved(sender, instance, user=None, **kwargs):
    from .services import approve_with_page

    approve_with_page(instance.page)


def page_published(sender, instance, **kwargs):
    from .models import SocialPost
    from .tasks import deliver_due_posts

    # posts that were waiting for the page (not ones backing off after a failed attempt) are due now
    SocialPost.objects.filter(page_id=instance.pk, status=SocialPost.Status.APPROVED, attempts=0).update(
        next_attempt_at=None)
    if SocialPost.objects.filter(page_id=instance.pk, status__in=SocialPost.PENDING).exists():
        transaction.on_commit(deliver_due_posts.enqueue)


def page_unpublished(sender, instance, **kwargs):
    from .models import SocialPost
    from .tasks import withdraw_page_posts

    if SocialPost.objects.filter(page_id=instance.pk).exclude(status=SocialPost.Status.CANCELLED).exists():
        page_id = instance.pk
        transaction.on_commit(lambda: withdraw_page_posts.enqueue(page_id))
