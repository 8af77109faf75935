"""Reads of social publishing: what the public may see of campaigns and sent posts (the API reads through these)."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Count, Max, QuerySet

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


def campaigns_listed() -> QuerySet[Campaign]:
    """Every campaign with its missions, the newest made first (a campaign says only what HQ wrote on it; its
    posts are counted, never shown, here)."""
    return Campaign.objects.prefetch_related("missions").order_by("-pk")


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
