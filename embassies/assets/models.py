"""The hub's own image and document models (app label `embassies`), swapped in from the first migration."""

import posixpath

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image, WagtailImageField, get_upload_to

from .fields import AssetTranslationsField, HttpsURLField, validate_video_link
from .storage import private_asset_storage
from hub.models import Mission, validate_content_language


def validate_text_language(code: str) -> None:
    if code:
        validate_content_language(code)


class AssetLicence(models.TextChoices):
    MINISTRY_OWNED = "ministry", _("Owned by the ministry")
    CC_BY = "cc-by", _("CC BY 4.0")
    CC_BY_SA = "cc-by-sa", _("CC BY-SA 4.0")
    RESTRICTED = "restricted", _("Licensed with restrictions")
    EDITORIAL_ONLY = "editorial", _("Editorial use only")


class AssetKind(models.TextChoices):
    PHOTO = "photo", _("Photo")
    INFOGRAPHIC = "infographic", _("Infographic")
    CHART = "chart", _("Chart")
    LOGO = "logo", _("Logo")
    MAP = "map", _("Map")
    DOCUMENT = "document", _("Document")
    VIDEO_LINK = "video-link", _("Video link")


class PeopleConsent(models.TextChoices):
    """Whether identifiable people appear, and if so whether they agreed to publication."""

    NO_PEOPLE = "no-people", _("No identifiable people")
    OBTAINED = "obtained", _("People shown have consented")
    NOT_OBTAINED = "not-obtained", _("People shown, consent not recorded")


class AssetFields(models.Model):
    """Provenance every asset carries: who made it, which mission it came from, how it may be used, and
    whether other missions may reuse it.
"""

    credit = models.CharField(max_length=200, blank=True, help_text=_("e.g. 'Photo: Nguyen Van An / Embassy in Hanoi'"))
    source_mission = models.ForeignKey(
        "hub.Mission", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("The mission that produced or supplied the asset."),
    )
    licence = models.CharField(max_length=20, choices=AssetLicence.choices, default=AssetLicence.MINISTRY_OWNED)
    licence_notes = models.CharField(max_length=300, blank=True, help_text=_("Restrictions, attribution wording."))
    usage_rights_expire_at = models.DateField(null=True, blank=True, help_text=_("Last day the asset may be used."))
    kind = models.CharField(max_length=20, choices=AssetKind.choices, default=AssetKind.PHOTO)
    is_shared = models.BooleanField(
        _("shareable network-wide"), default=False,
        help_text=_("Every mission's editors may find and reuse this asset."),
    )
    text_language = models.CharField(
        max_length=16, blank=True, validators=[validate_text_language],
        help_text=_("Language of any text inside the asset (infographics, maps, posters)."),
    )
    translations = AssetTranslationsField(
        _("wording per language"), default=dict, blank=True,
        help_text=_("Title, alt text and caption in each language the network publishes in; blank cells fall back to the defaults above."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        """An asset without a source mission comes from the mission whose collection it is uploaded into."""
        if self.source_mission_id is None and self.collection_id is not None:
            self.source_mission_id = Mission.objects.filter(collection_id=self.collection_id).values_list("pk", flat=True).first()
        super().save(*args, **kwargs)


class HubImage(AssetFields, AbstractImage):
    """An image in a mission's collection, with its credit, source mission and licence."""

    # The original stays out of the public media root; only renditions are published (embassies/assets/storage.py).
    file = WagtailImageField(
        verbose_name=_("file"), upload_to=get_upload_to, width_field="width", height_field="height",
        storage=private_asset_storage,
    )
    alt_text = models.CharField(max_length=400, blank=True, help_text=_("Describe the image for people who cannot see it."))
    caption = models.CharField(max_length=400, blank=True)
    people_consent = models.CharField(max_length=20, choices=PeopleConsent.choices, default=PeopleConsent.NO_PEOPLE)
    video_url = HttpsURLField(
        blank=True, validators=[validate_video_link],
        help_text=_("For video links: the YouTube or Facebook video this image is the poster of."),
    )
    perceptual_hash = models.CharField(
        max_length=16, blank=True, db_index=True, editable=False,
        help_text=_("64-bit perceptual hash (hex) used to spot near-duplicates across the network."),
    )

    # Set on an instance before saving to leave its renditions to the first request that asks for one (Wagtail's
    # signed dynamic-serve URL makes it then), instead of a task after the save: for bulk imports such as the demo.
    renditions_on_demand = False

    admin_form_fields = Image.admin_form_fields + (
        "alt_text",
        "caption",
        "translations",
        "kind",
        "video_url",
        "people_consent",
        "text_language",
        "credit",
        "source_mission",
        "licence",
        "licence_notes",
        "usage_rights_expire_at",
        "is_shared",
    )

    def clean(self):
        super().clean()
        if self.kind == AssetKind.VIDEO_LINK and not self.video_url:
            raise ValidationError({"video_url": _("A video link needs the YouTube or Facebook address; the image is its poster.")})
        if self.video_url and self.kind != AssetKind.VIDEO_LINK:
            raise ValidationError({"kind": _("An image with a video address must be of kind 'Video link'.")})

    @property
    def default_alt_text(self):
        return self.alt_text or super().default_alt_text


class HubRendition(AbstractRendition):
    """A resized copy of an image: public files, in a folder per image whose name cannot be guessed.

    Rendition names follow the original's file name, so without the folder anyone who knew or guessed a private
    image's name could fetch its crops from /media/. The folder is a keyed digest of the image's id."""

    image = models.ForeignKey(HubImage, on_delete=models.CASCADE, related_name="renditions")

    def get_upload_to(self, filename):
        folder = salted_hmac("embassies.HubRendition.folder", str(self.image_id)).hexdigest()[:20]
        return posixpath.join("images", folder, self.file.field.storage.get_valid_name(filename))

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class HubDocument(AssetFields, AbstractDocument):
    """A downloadable document (brochure, statement PDF, form) with its provenance and licence."""

    # Downloaded only through the view that applies the asset rule (embassies/assets/downloads.py).
    file = models.FileField(upload_to="documents", verbose_name=_("file"), storage=private_asset_storage)
    kind = models.CharField(max_length=20, choices=AssetKind.choices, default=AssetKind.DOCUMENT)
    translations = AssetTranslationsField(
        _("title per language"), keys=("title",), default=dict, blank=True,
        help_text=_("The title in each language the network publishes in; blank cells fall back to the title above."),
    )

    admin_form_fields = Document.admin_form_fields + (
        "translations",
        "kind",
        "text_language",
        "credit",
        "source_mission",
        "licence",
        "licence_notes",
        "usage_rights_expire_at",
        "is_shared",
    )
