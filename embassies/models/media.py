"""The hub's own image and document models, swapped in from the first migration."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class AssetLicence(models.TextChoices):
    MINISTRY_OWNED = "ministry", _("Owned by the ministry")
    CC_BY = "cc-by", _("CC BY 4.0")
    CC_BY_SA = "cc-by-sa", _("CC BY-SA 4.0")
    RESTRICTED = "restricted", _("Licensed with restrictions")
    EDITORIAL_ONLY = "editorial", _("Editorial use only")


class AssetFields(models.Model):
    """Provenance every asset carries: who made it, which mission it came from, how it may be used."""

    credit = models.CharField(max_length=200, blank=True, help_text=_("e.g. 'Photo: Nguyen Van An / Embassy in Hanoi'"))
    source_mission = models.ForeignKey(
        "hub.Mission", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("The mission that produced or supplied the asset."),
    )
    licence = models.CharField(max_length=20, choices=AssetLicence.choices, default=AssetLicence.MINISTRY_OWNED)
    licence_notes = models.CharField(max_length=300, blank=True, help_text=_("Restrictions, attribution wording."))
    usage_rights_expire_at = models.DateField(null=True, blank=True, help_text=_("Last day the asset may be used."))

    class Meta:
        abstract = True


class HubImage(AssetFields, AbstractImage):
    """An image in a mission's collection, with its credit, source mission and licence."""

    alt_text = models.CharField(max_length=400, blank=True, help_text=_("Describe the image for people who cannot see it."))
    caption = models.CharField(max_length=400, blank=True)

    admin_form_fields = Image.admin_form_fields + (
        "alt_text",
        "caption",
        "credit",
        "source_mission",
        "licence",
        "licence_notes",
        "usage_rights_expire_at",
    )

    @property
    def default_alt_text(self):
        return self.alt_text or super().default_alt_text


class HubRendition(AbstractRendition):
    image = models.ForeignKey(HubImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class HubDocument(AssetFields, AbstractDocument):
    """A downloadable document (brochure, statement PDF, form) with its provenance and licence."""

    admin_form_fields = Document.admin_form_fields + (
        "credit",
        "source_mission",
        "licence",
        "licence_notes",
        "usage_rights_expire_at",
    )
