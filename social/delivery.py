"""Sending due posts: one claim per post, the adapter call outside any transaction, the outcome recorded after.

"Never twice" rests on `answer_lost`: a post is marked so when it is claimed (and after a timeout), so a crash or a
lost answer leaves it flagged. The next attempt then asks the platform first (`find_published`, by the post's
`utm_id`); a platform that cannot look (Telegram's Bot API) is not posted to again by the worker: the post fails
with a message saying so and an editor checks the channel and presses Retry. A connection refused (nothing reached
the platform) is a plain retry. See docs/social.md.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import connection as db_connection
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from embassies.presentation.social import SocialImageMissing, social_image_file

from .models import SocialConnection, SocialPost
from .platforms import adapter_for
from .services import credentials_for
from .platforms.base import (
    DuplicateContent, Media, OutgoingPost, PlatformAdapter, PlatformError, RateLimited, TemporaryFailure, TokenExpired,
)

logger = logging.getLogger("social.delivery")

# A claimed post whose worker died comes back after this long, flagged `answer_lost`.
CLAIM_LEASE = timedelta(minutes=5)
UNCONFIRMED = ("The platform's answer was lost (timeout) and {platform} gives no way to check whether the post went "
               "out. Look at the account: if the post is not there, press Retry.")


def _config(name: str):
    return settings.HUB_SOCIAL_DELIVERY[name]


def page_state(page) -> str:
    """'live', 'waiting' (never published yet, or scheduled) or 'gone' (unpublished or expired)."""
    now = timezone.now()
    if page.expired or (page.expire_at and page.expire_at <= now):
        return "gone"
    if page.live:
        return "live"
    return "gone" if page.first_published_at else "waiting"


def _due_filter(now) -> Q:
    waiting_turn = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    with_page = Q(status=SocialPost.Status.APPROVED, send_mode=SocialPost.SendMode.WITH_PAGE)
    at_time = Q(status=SocialPost.Status.SCHEDULED, send_at__lte=now)
    stale = Q(status=SocialPost.Status.SENDING, next_attempt_at__lte=now)
    return (waiting_turn & (with_page | at_time)) | stale


def claim_due(limit: int = 20) -> list[int]:
    """Mark up to `limit` due posts as sending (with a lease) and return their ids; rows other workers hold are skipped."""
    now = timezone.now()
    with transaction.atomic():
        queryset = SocialPost.objects.filter(_due_filter(now)).order_by("send_at", "pk")
        if db_connection.features.has_select_for_update_skip_locked:
            queryset = queryset.select_for_update(skip_locked=True)
        ids = list(queryset.values_list("pk", flat=True)[:limit])
        claimed = []
        for post in SocialPost.objects.filter(pk__in=ids).select_related("page"):
            state = page_state(post.page)
            if state == "waiting":
                post.next_attempt_at = now + timedelta(seconds=_config("RETRY_BASE_SECONDS"))
                post.save(update_fields=["next_attempt_at", "updated_at"])
                continue
            if state == "gone":
                post.status = SocialPost.Status.CANCELLED
                post.last_error = "The page was unpublished or expired before the post went out."
                post.save(update_fields=["status", "last_error", "updated_at"])
                continue
            if post.status == SocialPost.Status.SENDING:
                post.answer_lost = True  # its worker died mid-call: what happened is unknown
            post.status = SocialPost.Status.SENDING
            post.next_attempt_at = now + CLAIM_LEASE
            post.attempts += 1
            post.save(update_fields=["status", "next_attempt_at", "attempts", "answer_lost", "updated_at"])
            claimed.append(post.pk)
    return claimed


def post_media(post: SocialPost) -> tuple[Media, ...]:
    """The page's social image in the post's crop (`image_size`); none when the post has no crop or the page no image.

    Raises SocialImageMissing when the crop's file is gone and cannot be made again."""
    if not post.image_size:
        return ()
    found = social_image_file(post.page.specific, size=post.image_size,
                              language_code=post.account.language_code or post.account.mission.default_language_code)
    if found is None:
        return ()
    return (Media(kind="image", path=found["path"], mime_type=found["mime_type"], alt_text=found["alt"],
                  width=found["width"], height=found["height"], url=found["url"]),)


def outgoing(post: SocialPost, *, media: bool = True) -> OutgoingPost:
    """The post as the adapter sends it; `media=False` for looking it up (a lookup needs only the link's key)."""
    return OutgoingPost(text=post.text, link=post.link, idempotency_key=post.key,
                        media=post_media(post) if media else ())


def can_look(adapter: PlatformAdapter) -> bool:
    return type(adapter).find_published is not PlatformAdapter.find_published


def _back_to_queue(post: SocialPost, *, delay: float, error: str, answer_lost: bool) -> None:
    post.status = (SocialPost.Status.SCHEDULED if post.send_mode == SocialPost.SendMode.AT_TIME
                   else SocialPost.Status.APPROVED)
    post.next_attempt_at = timezone.now() + timedelta(seconds=delay)
    post.last_error = error
    post.answer_lost = answer_lost
    post.save(update_fields=["status", "next_attempt_at", "last_error", "answer_lost", "updated_at"])


def _sent(post: SocialPost, published) -> None:
    post.status = SocialPost.Status.SENT
    post.platform_id = published.platform_id
    post.platform_url = published.url
    post.sent_at = published.published_at or timezone.now()
    post.answer_lost = False
    post.next_attempt_at = None
    post.last_error = ""
    post.save()


def _failed(post: SocialPost, message: str) -> None:
    post.status = SocialPost.Status.FAILED
    post.last_error = message
    post.next_attempt_at = None
    post.save(update_fields=["status", "last_error", "next_attempt_at", "updated_at"])
    notify_mission_head(post)


def notify_mission_head(post: SocialPost) -> None:
    mission = post.account.mission
    group = getattr(mission, "heads_group", None)
    recipients = sorted({user.email for user in group.user_set.filter(is_active=True)} - {""}) if group else []
    if not recipients:
        return
    send_mail(
        subject=f"Social post failed: {post.account} ({mission})",
        message=(f"The post for page {post.page_id} to {post.account} could not be sent.\n\n"
                 f"The platform said: {post.last_error}\n\nOpen the page's social posts in the admin to retry."),
        from_email=None, recipient_list=recipients,
    )


def backoff_seconds(attempts: int) -> float:
    return min(_config("RETRY_BASE_SECONDS") * 2 ** max(attempts - 1, 0), _config("RETRY_MAX_SECONDS"))


def deliver(post_id: int) -> str:
    """Send one claimed post; returns its new status."""
    post = SocialPost.objects.select_related("account__mission", "page").get(pk=post_id)
    if post.status != SocialPost.Status.SENDING:
        return post.status
    adapter = adapter_for(post.account.platform)
    adapter.timeout = _config("TIMEOUT_SECONDS")
    try:
        connection = SocialConnection.objects.get(account=post.account)
    except SocialConnection.DoesNotExist:
        _failed(post, "The account is not connected: a mission head must connect it.")
        return post.status
    try:
        credentials = credentials_for(connection)
        if post.answer_lost:
            if can_look(adapter):
                found = adapter.find_published(credentials, outgoing(post, media=False))
                if found is not None:
                    _sent(post, found)
                    return post.status
            else:
                _failed(post, UNCONFIRMED.format(platform=post.account.get_platform_display()))
                return post.status
        message = outgoing(post)
        post.answer_lost = True  # from here until the answer is read, the outcome is unknown
        post.save(update_fields=["answer_lost"])
        published = adapter.publish(credentials, message)
    except SocialImageMissing as error:
        post.answer_lost = False
        _failed(post, str(error))
    except RateLimited as error:
        _back_to_queue(post, delay=max(error.retry_after, 1), error=error.message, answer_lost=False)
    except TemporaryFailure as error:
        lost = error.code == "timeout"
        if post.attempts >= _config("MAX_ATTEMPTS"):
            post.answer_lost = lost
            _failed(post, error.message)
        else:
            _back_to_queue(post, delay=backoff_seconds(post.attempts), error=error.message, answer_lost=lost)
    except TokenExpired as error:
        SocialConnection.objects.filter(pk=connection.pk).update(
            status=SocialConnection.Status.NEEDS_RECONNECT, last_error=error.message)
        post.answer_lost = False
        _failed(post, error.message)
    except DuplicateContent as error:
        post.answer_lost = False
        _failed(post, f"{error.message} (the platform already has this post)")
    except PlatformError as error:
        post.answer_lost = False
        _failed(post, error.message)
    else:
        _sent(post, published)
    logger.info("social post %s: %s after %s attempt(s)", post.pk, post.status, post.attempts)
    return post.status


def deliver_due(limit: int = 20) -> int:
    """One worker round: claim due posts and send them; returns how many were claimed."""
    ids = claim_due(limit)
    for post_id in ids:
        deliver(post_id)
    return len(ids)


def delete_sent_for_page(page) -> int:
    """Unpublishing a page: take its sent posts down where the platform allows."""
    deleted = 0
    for post in SocialPost.objects.filter(page=page, status=SocialPost.Status.SENT).select_related("account"):
        adapter = adapter_for(post.account.platform)
        if not adapter.supports_delete or not post.platform_id:
            continue
        try:
            adapter.delete(credentials_for(post.account.connection), post.platform_id)
        except (PlatformError, SocialConnection.DoesNotExist) as error:
            post.last_error = f"Could not delete: {getattr(error, 'message', error)}"
            post.save(update_fields=["last_error", "updated_at"])
            continue
        post.status = SocialPost.Status.DELETED
        post.save(update_fields=["status", "updated_at"])
        deleted += 1
    return deleted
