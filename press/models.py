"""Journalists of the press centre.

A journalist is a Django user with no staff flag and no admin permission: the press area, never the Wagtail admin.
Their accreditation says which missions' embargoed material they may read (none listed: the whole network).
"""

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from embassies.assets.storage import private_asset_storage
from embassies.blocks import SanitisedRichTextBlock
from embassies.models import MissionContentPage
from embassies.models.pages import mission_id_in_tree
from embassies.presentation.formats import page_zone
from hub.models import Mission

from .briefing_rules import BRIEFINGS_SECTION_SLUG, briefing_errors, briefing_last_end, briefing_occurrences
from .page_forms import WEEKDAY_CHOICES, BriefingPageForm


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
    # --- accounts --- (registration, verification, sign-in, the press office's decisions)
    requested_missions = models.ManyToManyField(
        Mission, blank=True, related_name="journalists_requesting",
        help_text=_("Missions the journalist asks accreditation for; none: the whole network (HQ decides)."),
    )
    press_card = models.FileField(
        _("press card"), upload_to="press-cards/", storage=private_asset_storage, blank=True,
        help_text=_("JPEG, PNG or PDF; kept outside the public media files."),
    )
    press_card_content_type = models.CharField(max_length=40, blank=True, editable=False)
    email_verified_at = models.DateTimeField(null=True, blank=True, editable=False)
    renewal_requested_at = models.DateTimeField(null=True, blank=True, editable=False)
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    totp_secret = models.CharField(max_length=64, blank=True, editable=False)
    totp_confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["full_name"]
        permissions = [("accredit_journalist", "Can accredit, reject and revoke journalists")]

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


# --- briefings ---


class BriefingFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class RecurrenceFrequency(models.TextChoices):
    """The iCalendar FREQ values a briefing may repeat at (RFC 5545 §3.3.10); blank: a single briefing."""

    NONE = "", _("Does not repeat")
    DAILY = "DAILY", _("Daily")
    WEEKLY = "WEEKLY", _("Weekly")
    MONTHLY = "MONTHLY", _("Monthly")


LANGUAGE_CHOICES = settings.ALL_CONTENT_LANGUAGES


class TranscriptExchangeBlock(blocks.StructBlock):
    """One exchange of a briefing's transcript: a journalist's question and the spokesperson's answer."""

    question = blocks.TextBlock(max_length=4000)
    journalist = blocks.CharBlock(required=False, max_length=150)
    outlet = blocks.CharBlock(required=False, max_length=150)
    answer = SanitisedRichTextBlock(features=["bold", "italic", "ol", "ul", "link"])
    spokesperson = blocks.CharBlock(required=False, max_length=150)

    class Meta:
        icon = "openquote"
        label = _("Question and answer")


class TranscriptBlock(blocks.StreamBlock):
    exchange = TranscriptExchangeBlock()
    statement = SanitisedRichTextBlock(
        features=["bold", "italic", "ol", "ul", "link"], label=_("Opening statement"), icon="pilcrow"
    )


class BriefingPage(MissionContentPage):
    """A press briefing (HQ spokesperson's regular briefing or a mission's press conference), in a mission's
    "press-briefings" section: when and how it happens, the stream, and afterwards its transcript and recording.

    Times are stored aware and shown in the mission's time zone; a repeating briefing stores its rule as the parts of
    an iCalendar RRULE, so the feed, the site and the API read the same occurrences."""

    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    recurrence_frequency = models.CharField(
        _("repeats"), max_length=8, choices=RecurrenceFrequency.choices, default=RecurrenceFrequency.NONE, blank=True
    )
    recurrence_interval = models.PositiveSmallIntegerField(
        _("every"), default=1, help_text=_("1: every week (or day, month); 2: every other one.")
    )
    recurrence_weekdays = models.JSONField(_("on"), default=list, blank=True, help_text=_("Weekly briefings only."))
    recurrence_until = models.DateField(_("until"), null=True, blank=True)
    recurrence_count = models.PositiveSmallIntegerField(_("times"), null=True, blank=True)
    # When the last occurrence ends (None: repeats without end); "upcoming" and "past" are read from it.
    last_ends_at = models.DateTimeField(null=True, blank=True, editable=False, db_index=True)
    briefing_format = models.CharField(
        _("format"), max_length=12, choices=BriefingFormat.choices, default=BriefingFormat.IN_PERSON
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    live_stream_url = models.URLField(
        _("live-stream link"), blank=True, help_text=_("A YouTube or Facebook live link; embedded on the site.")
    )
    language_code = models.CharField(_("language spoken"), max_length=10, choices=LANGUAGE_CHOICES, default="en")
    interpretation_languages = models.JSONField(_("interpretation into"), default=list, blank=True)
    spokesperson = models.CharField(_("spokesperson"), max_length=150)
    transcript = StreamField(TranscriptBlock(), blank=True)
    recording_url = models.URLField(_("recording link"), blank=True)
    recording_document = models.ForeignKey(
        "embassies.HubDocument", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("recording file"),
    )
    captions = models.ForeignKey(
        "embassies.HubDocument", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("captions (WebVTT)"),
    )
    tags = ClusterTaggableManager(through="press.BriefingPageTag", blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldRowPanel([FieldPanel("recurrence_frequency"), FieldPanel("recurrence_interval")]),
                FieldPanel("recurrence_weekdays"),
                FieldRowPanel([FieldPanel("recurrence_until"), FieldPanel("recurrence_count")]),
            ],
            heading=_("When (in the mission's time zone)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("briefing_format"),
                FieldPanel("venue"),
                FieldPanel("live_stream_url"),
                FieldRowPanel([FieldPanel("language_code"), FieldPanel("interpretation_languages")]),
                FieldPanel("spokesperson"),
            ],
            heading=_("How"),
        ),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("transcript"), FieldPanel("recording_url"), FieldPanel("recording_document"), FieldPanel("captions")],
            heading=_("Afterwards: transcript and recording"),
        ),
    ]
    search_fields = MissionContentPage.search_fields + [
        index.SearchField("transcript"),
        index.FilterField("starts_at"),
        index.FilterField("last_ends_at"),
    ]
    parent_page_types = ["embassies.SectionIndexPage"]
    subpage_types = []
    override_translatable_fields = [
        SynchronizedField("starts_at"),
        SynchronizedField("ends_at"),
        SynchronizedField("live_stream_url"),
        SynchronizedField("recording_url"),
    ]
    base_form_class = BriefingPageForm

    class Meta:
        verbose_name = _("press briefing")

    @classmethod
    def can_create_at(cls, parent) -> bool:
        """Only in a "press-briefings" section (HQ's, or one a mission adds)."""
        return super().can_create_at(parent) and parent.slug == BRIEFINGS_SECTION_SLUG

    def clean(self):
        super().clean()
        errors = briefing_errors(self)
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.path:  # the mission first: its time zone places the last occurrence
            self.mission_id = mission_id_in_tree(self.path)
        self.last_ends_at = briefing_last_end(self)
        return super().save(*args, **kwargs)

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        """The mission's time zone, where the briefing is held and read."""
        return page_zone(self)

    def rrule(self) -> dict | None:
        """The recurrence as iCalendar RRULE parts (None for a single briefing); UNTIL is the end of that day
        in the mission's zone, in UTC as RFC 5545 requires alongside a DTSTART with a time zone."""
        if not self.recurrence_frequency:
            return None
        rule = {"FREQ": self.recurrence_frequency, "INTERVAL": self.recurrence_interval or 1}
        if self.recurrence_frequency == RecurrenceFrequency.WEEKLY and self.recurrence_weekdays:
            rule["BYDAY"] = [day for day, _label in WEEKDAY_CHOICES if day in self.recurrence_weekdays]
        if self.recurrence_count:
            rule["COUNT"] = self.recurrence_count
        elif self.recurrence_until:
            local_end = datetime.datetime.combine(self.recurrence_until, datetime.time(23, 59, 59), tzinfo=self.zone)
            rule["UNTIL"] = local_end.astimezone(datetime.UTC)
        return rule

    def occurrences(self, *, after=None, limit: int = 50) -> list[tuple[datetime.datetime, datetime.datetime]]:
        """(start, end) of up to `limit` occurrences ending after `after` (all from the first by default)."""
        return briefing_occurrences(self, after=after, limit=limit)

    def next_occurrence(self, *, at=None):
        """The (start, end) of the occurrence in progress or next after `at` (now by default), or None."""
        found = self.occurrences(after=at or timezone.now(), limit=1)
        return found[0] if found else None


class BriefingPageTag(TaggedItemBase):
    content_object = ParentalKey("press.BriefingPage", on_delete=models.CASCADE, related_name="tagged_items")


class BriefingAttendance(models.Model):
    """An accredited journalist's registration to attend a briefing, in the room or online."""

    briefing = models.ForeignKey(BriefingPage, on_delete=models.CASCADE, related_name="attendances")
    # A deleted account leaves the attendance (for the numbers) under its pseudonym only.
    journalist = models.ForeignKey(
        Journalist, null=True, on_delete=models.SET_NULL, related_name="briefing_attendances"
    )
    journalist_pseudonym = models.CharField(max_length=32, blank=True, editable=False)
    in_person = models.BooleanField(_("in the room"), default=False)
    registered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["registered_at"]
        constraints = [models.UniqueConstraint(fields=["briefing", "journalist"], name="press_attendance_once")]

    def __str__(self):
        return f"{self.journalist or self.journalist_pseudonym} at {self.briefing_id}"


class QuestionStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    CLAIMED = "claimed", _("Claimed")
    ANSWERED = "answered", _("Answered")
    MERGED = "merged", _("Merged into another")


class BriefingQuestion(models.Model):
    """A journalist's question for a briefing, asked in advance or live. Only the press office sees it, in its
    queue; what the public reads is the transcript the press office publishes from the answered ones."""

    briefing = models.ForeignKey(BriefingPage, on_delete=models.CASCADE, related_name="questions")
    # A deleted account leaves the question (it may be quoted in a transcript) under its pseudonym only.
    journalist = models.ForeignKey(Journalist, null=True, on_delete=models.SET_NULL, related_name="briefing_questions")
    journalist_pseudonym = models.CharField(max_length=32, blank=True, editable=False)
    text = models.TextField(_("question"), max_length=2000)
    asked_live = models.BooleanField(default=False, help_text=_("Asked while the briefing was under way."))
    status = models.CharField(max_length=12, choices=QuestionStatus.choices, default=QuestionStatus.SUBMITTED)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates")
    answer = models.TextField(_("answer given"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    in_transcript_at = models.DateTimeField(null=True, blank=True, help_text=_("When it went into a transcript draft."))
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["submitted_at", "pk"]

    def __str__(self):
        asker = self.journalist.outlet if self.journalist else self.journalist_pseudonym
        return f"{asker}: {self.text[:60]}"
# --- embargo ---


class ReadChannel(models.TextChoices):
    SITE = "site", _("Press area")
    API = "api", _("API")


class EmbargoRead(models.Model):
    """One read of an embargoed release by a journalist, for the press office: who, when, which copy, through what.

    Kept when the journalist's account is deleted, as a pseudonymous row: no person, no outlet, only
    `journalist_pseudonym` (press.selectors.journalist_pseudonym), so the report still counts who read what."""

    journalist = models.ForeignKey(Journalist, null=True, on_delete=models.SET_NULL, related_name="embargo_reads")
    journalist_pseudonym = models.CharField(max_length=32, blank=True, editable=False)
    outlet = models.CharField(max_length=150, blank=True)
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
        return f"{self.outlet or self.journalist_pseudonym} read {self.page_title} ({self.channel}, {self.read_at:%Y-%m-%d %H:%M})"


class EmbargoNotice(models.Model):
    """That an embargoed release was e-mailed to a journalist: one mail per journalist and release, never two."""

    journalist = models.ForeignKey(Journalist, on_delete=models.CASCADE, related_name="embargo_notices")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey("wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["journalist", "page"], name="press_embargo_notice_once")]


# --- press kits ---


class PressKit(models.Model):
    """The ZIP journalists download for a release or briefing: its text, images (original and web size), documents
    and a manifest of credits and licences, built in the background from one revision (press/press_kits.py).

    Built from the live revision when the page is public, or from the scheduled revision of an embargoed release
    (`embargoed_until` set, readable by the journalists in `mission_ids` only); kept in the private storage."""

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey("wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+")
    file = models.FileField(upload_to="press-kits/", storage=private_asset_storage)
    embargoed_until = models.DateTimeField(null=True, blank=True)
    mission_ids = models.JSONField(default=list, blank=True, help_text=_("Embargoed: addressed to; []: network."))
    size = models.PositiveIntegerField(default=0)
    built_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Press kit of page {self.page_id} (revision {self.revision_id})"
