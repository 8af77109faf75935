"""Reads of social publishing: what the public may see of campaigns and sent posts (the API reads through these)."""

from __future__ import annotations

from datetime import date, datetime

from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone

from embassies.selectors import pages_public

from .models import Campaign, SocialPost


def posts_public(*, at: datetime | None = None) -> QuerySet[SocialPost]:
    """Posts that went out and whose page the public may still see (live, unexpired, unrestricted), newest first.

    Nothing pending, failed, cancelled or deleted, and nothing of a page that was unpublished, expired or made
    private after its post went out: the one "what is public" rule of pages decides."""
    return (
        SocialPost.objects.filter(status=SocialPost.Status.SENT, sent_at__isnull=False,
                                  page__in=pages_public(at=at).values("pk"))
        .select_related("account__mission", "page", "campaign")
        .order_by("-sent_at", "-pk")
    )


def campaigns_listed(*, on: date | None = None) -> QuerySet[Campaign]:
    """The campaigns the public may know of, with their missions, the newest made first: those whose start date has
    come (the ministry's date), and those without one once a post of theirs is public. A campaign planned for next
    month is HQ's business until then (an announcement can hang on it); its goal is never listed here."""
    on = on or timezone.localdate()
    with_public_post = posts_public().order_by().values("campaign_id")
    return (Campaign.objects.filter(Q(starts_on__lte=on) | Q(starts_on__isnull=True, pk__in=with_public_post))
            .prefetch_related("missions").order_by("-pk"))


def campaign_rollout(*, campaigns: list[Campaign]) -> dict[int, dict[str, int]]:
    """Campaign id -> number of its posts in each status (every status named, zeros too), in one query."""
    rollout = {campaign.pk: {status: 0 for status in SocialPost.Status.values} for campaign in campaigns}
    rows = (SocialPost.objects.filter(campaign__in=[campaign.pk for campaign in campaigns])
            .values_list("campaign_id", "status").annotate(count=Count("pk")).order_by())
    for campaign_id, status, count in rows:
        rollout[campaign_id][status] = count
    return rollout


def social_last_change() -> datetime | None:
    """When any post last changed (sent, failed, cancelled...): the Last-Modified of the social answers."""
    return SocialPost.objects.aggregate(latest=Max("updated_at"))["latest"]


def posts_sent_of_page(*, page) -> QuerySet[SocialPost]:
    """The posts of `page` that went out (whatever the page's state now): what unpublishing it takes off the API."""
    return SocialPost.objects.filter(page=page, status=SocialPost.Status.SENT).select_related(
        "account__mission", "campaign")
