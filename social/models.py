"""Connected accounts, campaigns and the posts the hub sends for a page (docs/social.md)."""

from __future__ import annotations

import secrets
import zoneinfo
from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hub.models import MissionSocialAccount

from . import crypto


class SocialConnection(models.Model):
    """The credentials the hub holds for one mission account; tokens are encrypted, never shown again."""

    class Status(models.TextChoices):
        CONNECTED = "connected", _("Connected")
        NEEDS_RECONNECT = "needs_reconnect", _("Needs reconnecting")
        DISCONNECTED = "disconnected", _("Disconnected")

    account = models.OneToOneField(MissionSocialAccount, on_delete=models.CASCADE, related_name="connection")
    access_token_encrypted = models.TextField(blank=True, editable=False)
    refresh_token_encrypted = models.TextField(blank=True, editable=False)
    expires_at = models.DateTimeField(null=True, blank=True)
    scopes = models.CharField(max_length=500, blank=True)
    external_account_id = models.CharField(max_length=200, blank=True, help_text=_("The platform's id of the account."))
    extra = models.JSONField(default=dict, blank=True, help_text=_("Non-secret details, e.g. the Telegram chat."))
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CONNECTED)
    last_error = models.TextField(blank=True)
    connected_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    connected_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.account} ({self.get_status_display()})"

    def __repr__(self) -> str:  # never the tokens
        return f"<SocialConnection {self.pk} {self.account_id} {self.status}>"

    @property
    def access_token(self) -> str:
        return crypto.decrypt(self.access_token_encrypted)

    @access_token.setter
    def access_token(self, value: str) -> None:
        self.access_token_encrypted = crypto.encrypt(value)

    @property
    def refresh_token(self) -> str:
        return crypto.decrypt(self.refresh_token_encrypted)

    @refresh_token.setter
    def refresh_token(self, value: str) -> None:
        self.refresh_token_encrypted = crypto.encrypt(value)


class Campaign(models.Model):
    """One message run across missions: HQ sees its rollout; posts may name it (its hashtag, utm_campaign)."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    hashtag = models.CharField(max_length=100, blank=True)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    missions = models.ManyToManyField("hub.Mission", blank=True, related_name="social_campaigns")
    goal = models.TextField(blank=True)

    class Meta:
        ordering = ["-starts_on", "name"]

    def __str__(self) -> str:
        return self.name


def new_post_key() -> str:
    return secrets.token_urlsafe(12)


class SocialPost(models.Model):
    """One post of a page to one account. Its `key` is the idempotency key and the link's `utm_id`."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved (goes out with the page)")
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")
        DELETED = "deleted", _("Deleted from the platform")

    class SendMode(models.TextChoices):
        WITH_PAGE = "with_page", _("With the page")
        AT_TIME = "at_time", _("At a time")

    PENDING = (Status.APPROVED, Status.SCHEDULED, Status.SENDING)

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="social_posts")
    account = models.ForeignKey(MissionSocialAccount, on_delete=models.CASCADE, related_name="posts")
    campaign = models.ForeignKey(Campaign, null=True, blank=True, on_delete=models.SET_NULL, related_name="posts")
    text = models.TextField()
    link = models.URLField(max_length=1000, blank=True)
    image_size = models.CharField(max_length=20, blank=True, help_text=_("Named social rendition: og, square, x, story."))
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    send_mode = models.CharField(max_length=20, choices=SendMode.choices, default=SendMode.WITH_PAGE)
    send_at = models.DateTimeField(null=True, blank=True, help_text=_(
        "When to send (mode 'at a time'); entered and shown in the mission's timezone, stored as UTC."))
    key = models.CharField(max_length=32, unique=True, default=new_post_key, editable=False)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    answer_lost = models.BooleanField(default=False, help_text=_(
        "An attempt's outcome is unknown (timeout or crash): look on the platform before posting again."))
    platform_id = models.CharField(max_length=200, blank=True)
    platform_url = models.URLField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["page_id", "account_id", "pk"]

    def __str__(self) -> str:
        return f"{self.account} · {self.page_id} · {self.status}"

    def schedule_local(self, local: datetime) -> None:
        """Send at `local` wall-clock time in the mission's timezone (DST applied for that date)."""
        zone = zoneinfo.ZoneInfo(self.account.mission.timezone)
        naive = local.replace(tzinfo=None)
        self.send_mode = self.SendMode.AT_TIME
        self.send_at = naive.replace(tzinfo=zone).astimezone(zoneinfo.ZoneInfo("UTC"))
