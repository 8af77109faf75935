"""StreamField blocks for the body of mission content."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText

from .rich_text import sanitise_rich_text

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "hr", "link", "document-link", "blockquote"]

# Video hosts a mission may embed; the embed itself is built by the consuming site.
VIDEO_URL_PATTERNS = {
    "youtube": re.compile(r"^https://(www\.)?(youtube\.com/(watch\?v=|shorts/|embed/)|youtu\.be/)[\w-]{6,}"),
    "vimeo": re.compile(r"^https://(www\.|player\.)?vimeo\.com/(video/)?\d+"),
    "facebook": re.compile(r"^https://(www\.|web\.)?facebook\.com/.+/videos?/\d+|^https://fb\.watch/\w+"),
    "x": re.compile(r"^https://(www\.)?(x|twitter)\.com/\w+/status/\d+"),
}


def video_provider(url: str) -> str | None:
    """Which supported host a video URL belongs to, or None."""
    for provider, pattern in VIDEO_URL_PATTERNS.items():
        if pattern.match(url or ""):
            return provider
    return None


class SanitisedRichTextBlock(blocks.RichTextBlock):
    """Rich text whose stored HTML is always whitelisted, however it was written."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    def get_prep_value(self, value):
        source = super().get_prep_value(value)
        return sanitise_rich_text(source)

    def to_python(self, value):
        return RichText(sanitise_rich_text(value))

    class Meta:
        icon = "pilcrow"


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False, max_length=300)
    credit = blocks.CharBlock(
        required=False, max_length=150, help_text=_("Leave blank to use the credit recorded on the image.")
    )

    class Meta:
        icon = "image"
        label = _("Image")


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=150)
    images = blocks.ListBlock(ImageWithCaptionBlock(), min_num=2, max_num=40)

    class Meta:
        icon = "image"
        label = _("Gallery")


class VideoEmbedBlock(blocks.StructBlock):
    url = blocks.URLBlock(help_text=_("A YouTube, Vimeo, Facebook or X video link."))
    title = blocks.CharBlock(max_length=150)
    poster = ImageChooserBlock(required=False)
    caption = blocks.CharBlock(required=False, max_length=300)

    def clean(self, value):
        value = super().clean(value)
        if not video_provider(value["url"]):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Use a YouTube, Vimeo, Facebook or X video link."))}
            )
        return value

    class Meta:
        icon = "media"
        label = _("Video")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=1000)
    attribution = blocks.CharBlock(max_length=150)
    role = blocks.CharBlock(required=False, max_length=150, help_text=_("e.g. Ambassador to Viet Nam"))

    class Meta:
        icon = "openquote"
        label = _("Quote")


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=150)
    facts = blocks.ListBlock(blocks.CharBlock(max_length=300), min_num=1, max_num=12)

    class Meta:
        icon = "list-ul"
        label = _("Fact box")


class DocumentDownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(required=False, max_length=150, help_text=_("Leave blank to use the document's title."))
    description = blocks.CharBlock(required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = _("Document download")


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=80, help_text=_("e.g. Register for the briefing"))
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Link to either a page or a URL, not both or neither."))}
            )
        return value

    class Meta:
        icon = "link"
        label = _("Call to action")


class InfographicBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    text_alternative = blocks.TextBlock(
        max_length=5000,
        help_text=_("Everything the infographic says, as text, for screen readers and search."),
    )
    caption = blocks.CharBlock(required=False, max_length=300)
    credit = blocks.CharBlock(required=False, max_length=150)

    class Meta:
        icon = "image"
        label = _("Infographic")


class BodyBlock(blocks.StreamBlock):
    rich_text = SanitisedRichTextBlock()
    image = ImageWithCaptionBlock()
    gallery = GalleryBlock()
    video = VideoEmbedBlock()
    quote = QuoteBlock()
    fact_box = FactBoxBlock()
    document = DocumentDownloadBlock()
    call_to_action = CallToActionBlock()
    infographic = InfographicBlock()
