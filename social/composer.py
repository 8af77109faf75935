"""Composing a page's posts: which accounts, what each post starts from, how the platform counts it, saving.

The count is the platform adapter's own (`PlatformAdapter.count`: X's twitter-text weighting, Telegram's UTF-16
units, YouTube's bytes, Zalo's title line), applied to the text as the adapter will send it (with the link joined
the way that adapter joins it), so the composer's live count, its save and delivery agree.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from embassies.assets.sizes import SOCIAL_SIZES
from embassies.models import MissionContentPage
from embassies.presentation.social import link_card, share_text, utm_link
from hub.models import MissionSocialAccount

from .models import Campaign, SocialConnection, SocialPost, new_post_key
from .platforms import ADAPTERS, adapter_for

# How each adapter joins the link to the text it sends; platforms not named send the link apart (LinkedIn's
# article card) or count only part of the text (YouTube's description bytes, Zalo's title line).
LINK_JOINS = {"x": " ", "facebook": "\n\n", "telegram": "\n\n"}
# A stand-in key as long as a real one, so a post counted before it is saved counts as it will after.
PLACEHOLDER_KEY = "k" * len(new_post_key())
IMAGE_SIZES = tuple(SOCIAL_SIZES)


@dataclasses.dataclass(frozen=True)
class PostCount:
    length: int
    limit: int

    @property
    def over(self) -> bool:
        return self.length > self.limit

    def json(self) -> dict:
        return {"length": self.length, "limit": self.limit, "over": self.over, "remaining": self.limit - self.length}


def post_count(*, platform: str, text: str, link: str) -> PostCount:
    """The post's length as `platform` counts what its adapter sends, and that platform's limit."""
    adapter = adapter_for(platform)
    join = LINK_JOINS.get(platform)
    sent = f"{text}{join}{link}" if join is not None and link and link not in text else text
    return PostCount(length=adapter.count(sent), limit=adapter.text_limit)


def composer_accounts(*, page: MissionContentPage) -> list[MissionSocialAccount]:
    """The page's mission's accounts the hub can post to: connected, on a platform with an adapter."""
    return list(MissionSocialAccount.objects.filter(
        mission_id=page.mission_id, platform__in=list(ADAPTERS),
        connection__status=SocialConnection.Status.CONNECTED,
    ).select_related("mission").order_by("sort_order", "pk"))


def campaigns_for(*, mission_id: int) -> list[Campaign]:
    """Campaigns a mission's posts may join: those naming the mission, and network-wide ones (no missions)."""
    return list(Campaign.objects.filter(Q(missions__id=mission_id) | Q(missions__isnull=True)).distinct())


def account_language(account: MissionSocialAccount) -> str:
    return account.language_code or account.mission.default_language_code


def post_link(*, page: MissionContentPage, account: MissionSocialAccount, campaign: Campaign | None, key: str,
              request=None) -> str:
    """The page's address tagged for this platform, mission and campaign; `utm_id` is the post's key."""
    return utm_link(page.get_full_url(request), platform=account.platform,
                    campaign=campaign.slug if campaign else account.mission.slug, key=key)


def post_prefill(*, page: MissionContentPage, account: MissionSocialAccount, campaign: Campaign | None) -> dict:
    """A new post's text: the share text in the account's language (through the translations), then the campaign's
    hashtag when the text does not carry it already."""
    found = share_text(page, platform=account.platform, language_code=account_language(account))
    text = found["text"]
    tag = campaign.hashtag.strip() if campaign else ""
    if tag:
        tag = tag if tag.startswith("#") else f"#{tag}"
        if tag.lower() not in text.lower():
            text = f"{text} {tag}".strip()
    return {"text": text, "locale": found["locale"], "image_size": adapter_for(account.platform).image_size}


def post_preview(*, page: MissionContentPage, platform: str, text: str, link: str, image_size: str, request) -> dict:
    """The post as the platform shows it: its text, then the link card (title, description, image crop)."""
    return {"platform": platform, "text": text, "link": link, "card": link_card(page, image_size=image_size, request=request)}


def page_posts(*, page) -> list[SocialPost]:
    """The page's posts, not cancelled, with their accounts."""
    return list(SocialPost.objects.filter(page=page).exclude(status=SocialPost.Status.CANCELLED)
                .select_related("account", "account__mission", "campaign").order_by("account__sort_order", "pk"))


@dataclasses.dataclass(frozen=True)
class PostDraft:
    """What the editor asked for one account: post it or not, the text, the crop, when."""

    account: MissionSocialAccount
    text: str
    image_size: str = ""
    send_mode: str = SocialPost.SendMode.WITH_PAGE
    send_at_local: datetime | None = None


def post_draft_errors(draft: PostDraft, *, page: MissionContentPage, campaign: Campaign | None, request=None) -> dict[str, str]:
    """Why a draft cannot be saved, by field (empty: it can). The text is counted with its real link."""
    errors = {}
    if not draft.text.strip():
        errors["text"] = _("Write the post's text.")
    else:
        link = post_link(page=page, account=draft.account, campaign=campaign, key=PLACEHOLDER_KEY, request=request)
        count = post_count(platform=draft.account.platform, text=draft.text, link=link)
        if count.over:
            errors["text"] = _("%(length)s characters as %(platform)s counts them; the limit is %(limit)s.") % {
                "length": count.length, "platform": draft.account.get_platform_display(), "limit": count.limit}
    if draft.image_size and draft.image_size not in IMAGE_SIZES:
        errors["image_size"] = _("Choose one of the social crops.")
    if draft.send_mode == SocialPost.SendMode.AT_TIME and draft.send_at_local is None:
        errors["send_at"] = _("Give the time to send, in the mission's timezone.")
    return errors


def page_posts_save(*, page: MissionContentPage, drafts: list[PostDraft], campaign: Campaign | None, user,
                    request=None) -> list[SocialPost]:
    """Create or update the page's draft posts, one per account in `drafts`; drafts of accounts left out are
    cancelled. All or nothing: any invalid draft raises ValidationError and nothing is written."""
    mission_accounts = {account.pk for account in composer_accounts(page=page)}
    for draft in drafts:
        if draft.account.pk not in mission_accounts:
            raise ValidationError(_("That account is not one of the mission's connected accounts."))
        errors = post_draft_errors(draft, page=page, campaign=campaign, request=request)
        if errors:
            raise ValidationError(errors)
    saved = []
    with transaction.atomic():
        existing = {post.account_id: post for post in SocialPost.objects.select_for_update().filter(
            page=page, status=SocialPost.Status.DRAFT)}
        for draft in drafts:
            post = existing.pop(draft.account.pk, None) or SocialPost(page=page, account=draft.account, created_by=user)
            post.text = draft.text
            post.campaign = campaign
            post.image_size = draft.image_size
            post.link = post_link(page=page, account=draft.account, campaign=campaign, key=post.key, request=request)
            if draft.send_mode == SocialPost.SendMode.AT_TIME:
                post.schedule_local(draft.send_at_local)
            else:
                post.send_mode, post.send_at = SocialPost.SendMode.WITH_PAGE, None
            post.full_clean(exclude=["page", "account", "campaign", "created_by"])
            post.save()
            saved.append(post)
        for post in existing.values():
            post.status = SocialPost.Status.CANCELLED
            post.last_error = _("Left out in the composer.")
            post.save(update_fields=["status", "last_error", "updated_at"])
    return saved

