"""Consumers of the API (an embassy site, a social tool) and the keys they call it with."""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

DEFAULT_CONSUMER_RATE = "1200/min"
# What DRF's SimpleRateThrottle.parse_rate accepts: a count, then a period starting with s, m, h or d.
RATE_PATTERN = re.compile(r"[0-9]+/(s|sec|second|m|min|minute|h|hour|d|day)")


def validate_throttle_rate(value: str) -> None:
    """A DRF rate such as '1200/min' or '50/s'."""
    if not RATE_PATTERN.fullmatch(value or "") or int(value.split("/")[0]) <= 0:
        raise ValidationError(
            _("%(value)s is not a rate; write requests per period, e.g. 1200/min, 20/s or 50000/day."),
            params={"value": value},
            code="invalid_rate",
        )


def normalised_origin(value: str) -> str:
    """An origin as browsers send it: scheme://host[:port], lower case, no path or trailing slash."""
    parts = urlsplit(value.strip())
    try:
        port = parts.port
    except ValueError:
        port = -1
    if (
        parts.scheme not in {"http", "https"}
        or not parts.hostname
        or port == -1
        or parts.path not in {"", "/"}
        or parts.query
        or parts.username
    ):
        raise ValidationError(
            _("%(value)s is not an origin; write it as https://host or https://host:port, without a path."),
            params={"value": value},
            code="invalid_origin",
        )
    default_port = {"http": 80, "https": 443}[parts.scheme]
    shown_port = f":{port}" if port and port != default_port else ""
    return f"{parts.scheme}://{parts.hostname.lower()}{shown_port}"


def validate_origins(value: str) -> None:
    errors = []
    for line in value.splitlines():
        if line.strip():
            try:
                normalised_origin(line)
            except ValidationError as error:
                errors.extend(error.messages)
    if errors:
        raise ValidationError(errors)


def validate_preview_url(value: str) -> None:
    if value and "{token}" not in value:
        raise ValidationError(
            _("The preview address must contain {token}, e.g. https://vn.example.org/preview?token={token}."),
            code="missing_token_placeholder",
        )


class ApiConsumer(models.Model):
    """An external site or tool using the API: its mission scope, throttle, browser origins and preview page.

    Public content is readable by anyone; the scope decides which missions' drafts the consumer may
    preview and whose changes its webhooks may subscribe to.
    """

    name = models.CharField(max_length=150, unique=True, help_text=_("e.g. 'Embassy in Hanoi website'."))
    contact_email = models.EmailField(blank=True, help_text=_("Who to tell about outages and key rotations."))
    missions = models.ManyToManyField(
        "hub.Mission",
        related_name="api_consumers",
        help_text=_("Missions whose drafts it may preview and whose publishing its webhooks may follow."),
    )
    throttle_rate = models.CharField(
        max_length=20,
        default=DEFAULT_CONSUMER_RATE,
        validators=[validate_throttle_rate],
        help_text=_("Requests each of its keys may make, e.g. 1200/min."),
    )
    allowed_origins = models.TextField(
        _("allowed browser origins"),
        blank=True,
        validators=[validate_origins],
        help_text=_("One per line, e.g. https://vn.example.org; pages there may call the API from JavaScript."),
    )
    preview_url = models.CharField(
        _("preview address"),
        max_length=500,
        blank=True,
        validators=[validate_preview_url],
        help_text=_("Page of its site that shows a draft, with {token} in it, e.g. https://vn.example.org/preview?token={token}."),
    )
    is_active = models.BooleanField(
        default=True, help_text=_("Switching this off refuses all its keys and stops its webhooks at once.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("API consumer")

    def __str__(self) -> str:
        return self.name

    @property
    def origins(self) -> list[str]:
        return [normalised_origin(line) for line in self.allowed_origins.splitlines() if line.strip()]

    def preview_link(self, token: str) -> str:
        return self.preview_url.replace("{token}", token) if self.preview_url else ""


class ApiKey(models.Model):
    """A key a consumer calls the API with. Only its SHA-256 digest is stored; the key is shown once.

    Keys carry 256 random bits, so a fast unsalted digest is enough: there is nothing to brute-force.
    """

    consumer = models.ForeignKey(ApiConsumer, on_delete=models.CASCADE, related_name="keys")
    name = models.CharField(max_length=100, help_text=_("Where the key is used, e.g. 'production server'."))
    prefix = models.CharField(max_length=16, unique=True, editable=False, help_text=_("Shown to tell keys apart."))
    key_digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["consumer__name", "-created_at"]
        verbose_name = _("API key")

    def __str__(self) -> str:
        return f"{self.consumer} · {self.name} ({self.key_start()})"

    def key_start(self) -> str:
        return f"ehk_{self.prefix}…"

    key_start.short_description = _("key")

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def status(self) -> str:
        if self.revoked_at:
            return _("Revoked")
        if not self.consumer.is_active:
            return _("Consumer switched off")
        return _("Active")
