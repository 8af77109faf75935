"""Journalists of the press centre.

A journalist is a Django user with no staff flag and no admin permission: the press area, never the Wagtail admin.
Their accreditation says which missions' embargoed material they may read (none listed: the whole network).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hub.models import Mission


class AccreditationStatus(models.TextChoices):
    UNVERIFIED = "unverified", _("E-mail not verified")
    PENDING = "pending", _("Waiting for accreditation")
    ACCREDITED = "accredited", _("Accredited")
    REJECTED = "rejected", _("Rejected")


class Journalist(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journalist")
    full_name = models.CharField(_("full name"), max_length=150)
    outlet = models.CharField(_("outlet"), max_length=150)
    outlet_country = models.CharField(_("outlet country"), max_length=2, help_text=_("ISO 3166-1 alpha-2 code."))
    role = models.CharField(_("role"), max_length=100, blank=True, help_text=_("e.g. correspondent, editor."))
    language_codes = models.JSONField(_("languages"), default=list, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    status = models.CharField(max_length=16, choices=AccreditationStatus.choices, default=AccreditationStatus.UNVERIFIED)
    # Accreditation: by the HQ press office (any mission or the whole network) or a mission's press attaché.
    missions = models.ManyToManyField(
        Mission, blank=True, related_name="accredited_journalists",
        help_text=_("Missions whose embargoed material this journalist may read; none: the whole network."),
    )
    accredited_until = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["full_name"]

    def __str__(self):
        return f"{self.full_name} ({self.outlet})"

    def is_accredited(self, at=None) -> bool:
        """Accredited and not expired at `at` (now by default)."""
        at = at or timezone.now()
        return (
            self.status == AccreditationStatus.ACCREDITED
            and self.accredited_until is not None
            and self.accredited_until > at
            and self.user.is_active
        )


class JournalistToken(models.Model):
    """A token a journalist calls `/api/v1/press/` with: `Authorization: Journalist-Token <token>`.

    Only its SHA-256 digest is stored (256 random bits: nothing to brute-force); the token is shown once."""

    journalist = models.ForeignKey(Journalist, on_delete=models.CASCADE, related_name="tokens")
    name = models.CharField(max_length=100, help_text=_("Where the token is used, e.g. 'newsroom feed reader'."))
    prefix = models.CharField(max_length=16, unique=True, editable=False)
    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.journalist} · {self.name} (ejt_{self.prefix}…)"


# --- embargo ---


class ReadChannel(models.TextChoices):
    SITE = "site", _("Press area")
    API = "api", _("API")


class EmbargoRead(models.Model):
    """One read of an embargoed release by a journalist, for the press office: who, when, which copy, through what.

    Kept when the journalist's account is deleted, as a pseudonymous row (the outlet's name, no person)."""

    journalist = models.ForeignKey(Journalist, null=True, on_delete=models.SET_NULL, related_name="embargo_reads")
    outlet = models.CharField(max_length=150)
    page = models.ForeignKey("wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+")
    page_title = models.CharField(max_length=255)
    revision = models.ForeignKey("wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+")
    mission = models.ForeignKey(Mission, null=True, on_delete=models.SET_NULL, related_name="+")
    locale = models.CharField(max_length=16)
    channel = models.CharField(max_length=8, choices=ReadChannel.choices)
    embargoed_until = models.DateTimeField()
    read_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-read_at", "-pk"]

    def __str__(self):
        return f"{self.outlet} read {self.page_title} ({self.channel}, {self.read_at:%Y-%m-%d %H:%M})"


class EmbargoNotice(models.Model):
    """That an embargoed release was e-mailed to a journalist: one mail per journalist and release, never two."""

    journalist = models.ForeignKey(Journalist, on_delete=models.CASCADE, related_name="embargo_notices")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey("wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["journalist", "page"], name="press_embargo_notice_once")]
