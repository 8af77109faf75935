"""Press cards: what a journalist uploads to prove they work for an outlet, checked by content, never by its name.

A card is a JPEG or PNG that Pillow can fully decode, or a PDF judged by its bytes alone (the header, an end-of-file
marker and at least one page object; nothing parses it, so a hostile PDF cannot reach a parser in the hub).
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png"}
PDF_TYPE = "application/pdf"
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", PDF_TYPE: "pdf"}
_PDF_PAGE = re.compile(rb"/Type\s*/Page\b")


def press_card_content_type(upload) -> str:
    """The card's real content type (image/jpeg, image/png or application/pdf); ValidationError otherwise."""
    limit = settings.HUB_PRESS_CARD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The press card is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        content_type = _pdf_checked(upload)
    else:
        content_type = _image_checked(upload)
    upload.seek(0)
    return content_type


def _pdf_checked(upload) -> str:
    data = upload.read()
    if b"%%EOF" not in data[-1024:] or not _PDF_PAGE.search(data):
        raise ValidationError(_("The press card is not a readable PDF."), code="invalid_card")
    return PDF_TYPE


def _image_checked(upload) -> str:
    try:
        with Image.open(upload) as image:
            kind = image.format
            image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        kind = None
    if kind not in IMAGE_TYPES:
        raise ValidationError(
            _("The press card must be a JPEG or PNG image or a PDF document."), code="invalid_card"
        )
    return IMAGE_TYPES[kind]
