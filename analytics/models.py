"""Reads of public pages: raw hits kept for a few days, and their per-page, per-day rollup kept for good.

Nothing here holds an IP address, a user agent or a cookie: a request is reduced to these facts when it arrives
(analytics/traffic.py, analytics/services.py) and the rest of it is dropped. Country is not recorded: the machine
has no offline geolocation source, and none is downloaded."""

from django.db import models


class ReferrerSource(models.TextChoices):
    SEARCH = "search", "Search engine"
    SOCIAL = "social", "Social network"
    DIRECT = "direct", "Direct or none"
    OTHER = "other", "Another site"


class DeviceClass(models.TextChoices):
    DESKTOP = "desktop", "Desktop"
    MOBILE = "mobile", "Mobile"
    TABLET = "tablet", "Tablet"


class DailySalt(models.Model):
    """Today's secret, mixed into every visitor hash; a new one each day and the old ones deleted, so a hash can
    neither be recomputed from an address later nor linked to the same visitor's hash of another day."""

    day = models.DateField(unique=True)
    salt = models.CharField(max_length=64)

    def __str__(self):
        return f"salt of {self.day}"


class PageHit(models.Model):
    """One read of a public page, as the beacon reported it, reduced to what the reports need. Kept raw for
    `HUB_ANALYTICS_RAW_DAYS` days, then only in `PageReadsDaily`."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    mission = models.ForeignKey("hub.Mission", on_delete=models.CASCADE, null=True, related_name="+")
    day = models.DateField()
    hour = models.DateTimeField(help_text="The time of the read, truncated to the hour.")
    visitor = models.CharField(
        max_length=32, blank=True, help_text="Hash of the day's salt, the site, the address and the user agent; "
        "empty under Do-Not-Track or Global Privacy Control."
    )
    referrer_source = models.CharField(max_length=8, choices=ReferrerSource.choices)
    referrer_host = models.CharField(max_length=255, blank=True)
    utm_source = models.CharField(max_length=100, blank=True)
    utm_medium = models.CharField(max_length=100, blank=True)
    utm_campaign = models.CharField(max_length=100, blank=True)
    language = models.CharField(max_length=8, blank=True, help_text="The reader's language (primary subtag).")
    device = models.CharField(max_length=8, choices=DeviceClass.choices)

    class Meta:
        indexes = [models.Index(fields=["day", "page"], name="analytics_hit_day_page")]

    def __str__(self):
        return f"read of page {self.page_id} on {self.day}"


# The dimensions a day's reads of a page are broken down by (views per value), in `PageReadsDaily.breakdown`.
BREAKDOWN_DIMENSIONS = (
    "referrer_source", "referrer_host", "utm_source", "utm_medium", "utm_campaign", "language", "device",
)


class PageReadsDaily(models.Model):
    """A page's reads on one day: views, distinct visitors, and views per value of each dimension
    (`{"device": {"mobile": 12, ...}, ...}`; an empty value, such as no campaign, is not listed)."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    mission = models.ForeignKey("hub.Mission", on_delete=models.CASCADE, null=True, related_name="+")
    day = models.DateField()
    views = models.PositiveIntegerField()
    visitors = models.PositiveIntegerField(help_text="Distinct visitor hashes; reads under DNT/GPC have none.")
    breakdown = models.JSONField(default=dict)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "day"], name="analytics_reads_one_per_page_day")]
        indexes = [models.Index(fields=["mission", "day"], name="analytics_reads_mission_day")]
        verbose_name_plural = "page reads daily"

    def __str__(self):
        return f"reads of page {self.page_id} on {self.day}"


class ReadsRollup(models.Model):
    """A day rolled up, and how many raw hits it counted: a day whose raw count has changed is rolled up again."""

    day = models.DateField(unique=True)
    hits = models.PositiveIntegerField()
    rolled_up_at = models.DateTimeField()

    def __str__(self):
        return f"rollup of {self.day}"
