"""Writes for social publishing: connecting accounts, keys, approving and cancelling posts."""

from __future__ import annotations

import zoneinfo
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from hub.models import MissionSocialAccount

from . import crypto
from .models import SocialConnection, SocialPost
from .platforms import adapter_for
from .platforms.base import Credentials, TokenExpired

# Refresh an OAuth token this long before it expires, so a post never goes out on a token about to lapse.
REFRESH_MARGIN = timedelta(minutes=10)


class UnreadableToken(Exception):
    """A stored token no configured key can read (its key was dropped before rotation ran)."""

    def __init__(self, connection: SocialConnection):
        self.connection = connection
        super().__init__(
            f"The tokens of connection {connection.pk} ({connection.account}) cannot be read with any key of "
            "HUB_SOCIAL_TOKEN_KEYS; nothing was re-encrypted. Put the old key back (after the new one) and run "
            "again, or disconnect that account."
        )


@transaction.atomic
def rotate_token_keys() -> int:
    """Re-encrypt every token with the first key; returns how many connections were rewritten.

    One transaction: the rows stay locked until all are rewritten, and a failure leaves every token as it was
    (readable with the old keys, which stay configured until the command has succeeded)."""
    crypto.reset_keys()
    count = 0
    for connection in SocialConnection.objects.select_for_update().order_by("pk"):
        try:
            connection.access_token_encrypted = crypto.rotate(connection.access_token_encrypted)
            connection.refresh_token_encrypted = crypto.rotate(connection.refresh_token_encrypted)
        except crypto.InvalidToken:
            raise UnreadableToken(connection) from None
        connection.save(update_fields=["access_token_encrypted", "refresh_token_encrypted", "updated_at"])
        count += 1
    return count


def connect_with_token(account: MissionSocialAccount, *, token: str, chat: str, user=None) -> SocialConnection:
    """Bot/OA platforms (Telegram): check the token and the channel with the platform, then keep them encrypted."""
    adapter = adapter_for(account.platform)
    found = adapter.check(token, chat)  # raises PlatformError with the platform's words on a bad token or chat
    connection, _ = SocialConnection.objects.get_or_create(account=account)
    connection.access_token = token
    connection.refresh_token = ""
    connection.external_account_id = str(found["chat"]["id"])
    connection.extra = {"chat_id": chat, "bot": found["bot"].get("username", "")}
    connection.status = SocialConnection.Status.CONNECTED
    connection.last_error = ""
    connection.connected_by = user
    connection.save()
    return connection


def store_token_set(account: MissionSocialAccount, tokens, *, external_account_id: str, user=None) -> SocialConnection:
    """OAuth platforms: keep what the code exchange (or a refresh) returned."""
    connection, _ = SocialConnection.objects.get_or_create(account=account)
    connection.access_token = tokens.access_token
    connection.refresh_token = tokens.refresh_token or connection.refresh_token
    connection.expires_at = tokens.expires_at
    connection.scopes = " ".join(tokens.scopes)
    connection.external_account_id = external_account_id
    connection.status = SocialConnection.Status.CONNECTED
    connection.last_error = ""
    if user is not None:
        connection.connected_by = user
    connection.save()
    return connection


def disconnect(account: MissionSocialAccount) -> None:
    """Forget the tokens (the platform may also be told to revoke them by the mission head)."""
    SocialConnection.objects.filter(account=account).update(
        access_token_encrypted="", refresh_token_encrypted="", expires_at=None,
        status=SocialConnection.Status.DISCONNECTED)


def oauth_client(platform: str) -> tuple[str, str]:
    client = getattr(settings, "HUB_SOCIAL_OAUTH_CLIENTS", {}).get(platform) or {}
    return client.get("id", ""), client.get("secret", "")


def credentials_for(connection: SocialConnection) -> Credentials:
    """Decrypted credentials for one call, refreshed first when the token expires within REFRESH_MARGIN."""
    adapter = adapter_for(connection.account.platform)
    if connection.status != SocialConnection.Status.CONNECTED:
        raise TokenExpired(f"The account is {connection.get_status_display().lower()}: a mission head must connect it.")
    credentials = Credentials(access_token=connection.access_token, account_id=connection.external_account_id,
                              refresh_token=connection.refresh_token, expires_at=connection.expires_at,
                              extra=dict(connection.extra))
    if adapter.uses_oauth and connection.expires_at and connection.expires_at - REFRESH_MARGIN <= timezone.now():
        client_id, client_secret = oauth_client(connection.account.platform)
        tokens = adapter.refresh(credentials, client_id=client_id, client_secret=client_secret)
        store_token_set(connection.account, tokens, external_account_id=connection.external_account_id)
        connection.refresh_from_db()
        return credentials_for(connection)
    return credentials


def approve_with_page(page) -> int:
    """The page's workflow approved it: its draft posts are approved with it (scheduled ones keep their time)."""
    with transaction.atomic():
        drafts = SocialPost.objects.select_for_update().filter(page=page, status=SocialPost.Status.DRAFT)
        count = 0
        for post in drafts:
            post.status = (SocialPost.Status.SCHEDULED if post.send_mode == SocialPost.SendMode.AT_TIME
                           else SocialPost.Status.APPROVED)
            post.save(update_fields=["status", "updated_at"])
            count += 1
    return count


def cancel_for_page(page, *, reason: str) -> int:
    """Posts not yet out are cancelled (the page was unpublished or expired)."""
    return SocialPost.objects.filter(page=page, status__in=[SocialPost.Status.DRAFT, *SocialPost.PENDING]).exclude(
        answer_lost=True, status=SocialPost.Status.SENDING,
    ).update(status=SocialPost.Status.CANCELLED, last_error=reason, updated_at=timezone.now())


def retry(post: SocialPost) -> None:
    """The editor's Retry on a failed post (after checking the platform when its answer was lost)."""
    post.status = (SocialPost.Status.SCHEDULED if post.send_mode == SocialPost.SendMode.AT_TIME
                   else SocialPost.Status.APPROVED)
    post.answer_lost = False
    post.next_attempt_at = None
    post.attempts = 0
    post.save(update_fields=["status", "answer_lost", "next_attempt_at", "attempts", "updated_at"])


def connect_with_code(account: MissionSocialAccount, *, code: str, redirect_uri: str, code_verifier: str = "",
                      external_account_id: str, user=None) -> SocialConnection:
    """OAuth callback: exchange the platform's authorisation code for tokens and keep them encrypted."""
    client_id, client_secret = oauth_client(account.platform)
    adapter = adapter_for(account.platform)
    tokens = adapter.exchange_code(client_id=client_id, client_secret=client_secret, redirect_uri=redirect_uri,
                                   code=code, code_verifier=code_verifier)
    tokens = adapter.account_tokens(tokens, account_id=external_account_id, client_id=client_id,
                                    client_secret=client_secret)
    return store_token_set(account, tokens, external_account_id=external_account_id, user=user)


def connect_with_refresh_token(account: MissionSocialAccount, *, access_token: str, refresh_token: str,
                               external_account_id: str, user=None) -> SocialConnection:
    """OA tokens pasted by a mission head (Zalo): refreshed at once, which proves them with the platform and tells
    the hub when the new access token expires (Zalo's refresh tokens work once, so the pasted one is spent)."""
    client_id, client_secret = oauth_client(account.platform)
    tokens = adapter_for(account.platform).refresh(
        Credentials(access_token=access_token, account_id=external_account_id, refresh_token=refresh_token),
        client_id=client_id, client_secret=client_secret)
    return store_token_set(account, tokens, external_account_id=external_account_id, user=user)


# A failed post goes back with Retry; sending, sent, cancelled and deleted posts keep their time.
RESCHEDULABLE = (SocialPost.Status.DRAFT, SocialPost.Status.APPROVED, SocialPost.Status.SCHEDULED)


def reschedule(post: SocialPost, *, local) -> SocialPost:
    """Move a post to `local` wall-clock time in its mission's timezone; refused once it is out or cancelled, for a
    moment already past, and for a wall-clock time the clocks skip that day (a daylight-saving change). A time the
    clocks pass twice (the change back) is taken at its first occurrence. Raises ValidationError for the form."""
    with transaction.atomic():
        post = SocialPost.objects.select_for_update().select_related("account__mission").get(pk=post.pk)
        if post.status not in RESCHEDULABLE:
            raise ValidationError(f"A post that is {post.get_status_display().lower()} cannot be rescheduled.",
                                  code="not_reschedulable")
        post.schedule_local(local)
        zone = zoneinfo.ZoneInfo(post.account.mission.timezone)
        if post.send_at.astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
            raise ValidationError(
                f"{local:%H:%M} does not exist on {local:%d %B %Y} in {zone.key}: the clocks skip it "
                "(daylight saving). Choose another time.", code="nonexistent_time")
        if post.send_at <= timezone.now():
            raise ValidationError("Choose a time in the future.", code="past")
        if post.status == SocialPost.Status.APPROVED:
            post.status = SocialPost.Status.SCHEDULED
        post.next_attempt_at = None
        post.save(update_fields=["send_mode", "send_at", "status", "next_attempt_at", "updated_at"])
    return post
