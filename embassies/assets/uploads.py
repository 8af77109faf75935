"""Checks every uploaded image and document passes before anything is saved.

Images: the format is read from the content, never the name (a PNG named ``.jpg`` is stored as ``.png``: the name is
only a label, refusing would block editors whose phone or export tool mislabels files, and a stored name that matches
the content gets the right Content-Type everywhere); SVG is refused (it can carry scripts); the byte and pixel limits
come from ``HUB_UPLOAD_MAX_BYTES`` / ``HUB_UPLOAD_MAX_PIXELS`` and decompression bombs are refused before decoding;
location metadata (EXIF GPS, XMP with GPS) is removed from the stored original, keeping orientation, so neither the
original nor any rendition made from it can reveal where a photo was taken.

Documents: the content must match the extension (a page or program named ``.pdf`` is refused); every document is
served as an attachment (``WAGTAILDOCS_INLINE_CONTENT_TYPES = []``).
"""

import io
import os
import re
import warnings
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.documents.fields import WagtailDocumentField
from wagtail.images.fields import WagtailImageField

from embassies.models import HubImage

GPS_IFD_TAG = 0x8825
# Willow's format names -> the extension the stored file gets.
IMAGE_EXTENSION_BY_FORMAT = {"jpeg": "jpg", "png": "png", "gif": "gif", "webp": "webp", "avif": "avif", "heic": "heic"}
SVG_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!doctype\s+svg|<svg)", re.IGNORECASE | re.DOTALL)
HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<script|<iframe|<svg|<\?xml)", re.IGNORECASE)
BOMB_PIXELS = re.compile(r"\((\d+) pixels\)")
# Office formats are ZIP files: the part folder (or ODF mimetype entry) that tells them apart.
OFFICE_ZIP_MARKERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/", "odt": "mimetype"}
OPENDOCUMENT_TEXT = b"application/vnd.oasis.opendocument.text"


def max_upload_pixels() -> int:
    return settings.HUB_UPLOAD_MAX_PIXELS


def _head(f, size: int = 2048) -> bytes:
    f.seek(0)
    head = f.read(size)
    f.seek(0)
    return head


def image_pixel_count_check(f) -> None:
    """Refuse an image whose header declares more pixels than allowed, before any pixel data is decoded
    (Pillow raises DecompressionBombError past twice Image.MAX_IMAGE_PIXELS, warns past it)."""
    limit = max_upload_pixels()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(f) as image:
                width, height = image.size
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as exc:
        found = BOMB_PIXELS.search(str(exc))
        pixels = int(found.group(1)) if found else None
        raise ValidationError(_too_many_pixels_message(pixels, limit), code="file_too_many_pixels") from None
    except Exception:  # noqa: BLE001 - not an image Pillow can read: Willow's check reports it below
        return
    finally:
        f.seek(0)
    if width * height > limit:
        raise ValidationError(_too_many_pixels_message(width * height, limit), code="file_too_many_pixels")


def _too_many_pixels_message(pixels: int | None, limit: int) -> str:
    if pixels is None:
        return _("This image has too many pixels to process safely. The limit is %(limit)s pixels.") % {
            "limit": f"{limit:,}"
        }
    return _("This image has too many pixels to process safely (%(pixels)s). The limit is %(limit)s pixels.") % {
        "pixels": f"{pixels:,}",
        "limit": f"{limit:,}",
    }


def location_metadata_strip(f) -> bool:
    """Remove EXIF GPS and GPS-bearing XMP from the uploaded file, in place; True when there was any.

    In place, because Wagtail's multiple uploader may keep the request's file object (as an UploadedFile) rather
    than the form's cleaned value. JPEG is rewritten segment by segment (no re-encoding, no quality loss); other
    formats are re-saved by Pillow with their EXIF minus GPS. Orientation and the other EXIF tags are kept."""
    data = _head(f, size=-1)
    try:
        with PILImage.open(io.BytesIO(data)) as image:
            image_format = image.format
            exif = image.getexif()
            xmp = image.info.get("xmp") or b""
            if GPS_IFD_TAG not in exif and b"gps" not in _as_bytes(xmp).lower():
                return False
            exif.pop(GPS_IFD_TAG, None)
            if image_format in ("JPEG", "MPO"):
                cleaned = jpeg_without_location(data, exif_bytes=exif.tobytes(), first_image_only=image_format == "MPO")
            else:
                cleaned = _resaved_without_location(image, exif)
    except (OSError, SyntaxError, ValueError):
        return False
    _replace_upload_content(f, cleaned)
    return True


def _replace_upload_content(f, content: bytes) -> None:
    if hasattr(f, "temporary_file_path"):
        f.file.seek(0)
        f.file.truncate()
        f.file.write(content)
        f.file.flush()
    else:
        f.file = io.BytesIO(content)
    f.size = len(content)
    f.seek(0)


def _as_bytes(value) -> bytes:
    return value.encode() if isinstance(value, str) else bytes(value)


def jpeg_without_location(data: bytes, *, exif_bytes: bytes, first_image_only: bool = False) -> bytes:
    """The JPEG with its EXIF segment replaced by ``exif_bytes`` and XMP segments mentioning GPS dropped;
    the compressed image data is copied unchanged. ``first_image_only`` (phones' multi-picture MPO files, whose
    extra pictures carry their own EXIF): keep the main picture only, without its MPF index."""
    if data[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG")
    out = bytearray(b"\xff\xd8")
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            raise ValueError("corrupt JPEG marker")
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker == 0xDA or 0xD0 <= marker <= 0xD9:  # start of scan (or a standalone marker): copy the rest
            end = data.find(b"\xff\xd9", position) if first_image_only else -1
            out += data[position:] if end < 0 else data[position : end + 2]
            return bytes(out)
        length = int.from_bytes(data[position + 2 : position + 4], "big")
        segment = data[position : position + 2 + length]
        payload = segment[4:]
        if marker == 0xE1 and payload.startswith(b"Exif\x00\x00"):
            new_payload = exif_bytes if exif_bytes.startswith(b"Exif") else b"Exif\x00\x00" + exif_bytes
            if len(new_payload) + 2 <= 0xFFFF:
                out += b"\xff\xe1" + (len(new_payload) + 2).to_bytes(2, "big") + new_payload
        elif marker == 0xE1 and payload.startswith(b"http://ns.adobe.com/") and b"gps" in payload.lower():
            pass
        elif marker == 0xE2 and payload.startswith(b"MPF\x00") and first_image_only:
            pass
        else:
            out += segment
        position += 2 + length
    raise ValueError("JPEG without image data")


def _resaved_without_location(image: PILImage.Image, exif: PILImage.Exif) -> bytes:
    options = {"exif": exif.tobytes(), "xmp": b""}
    if image.info.get("icc_profile"):
        options["icc_profile"] = image.info["icc_profile"]
    if getattr(image, "n_frames", 1) > 1:
        options["save_all"] = True
    if image.format in ("WEBP", "AVIF", "HEIF"):
        options["quality"] = 95
    buffer = io.BytesIO()
    image.save(buffer, format=image.format, **options)
    return buffer.getvalue()


def stored_original_location_strip(*, image) -> bool:
    """Remove location from an image stored before uploads were checked (or created by code): the original is
    replaced by its stripped copy, the old file and every rendition made from it are deleted. True if it had any."""
    with image.file.open("rb") as f:
        copy = SimpleUploadedFile(os.path.basename(image.file.name), f.read())
    if not location_metadata_strip(copy):
        return False
    old_name = image.file.name
    storage = image.file.storage
    with transaction.atomic():
        image.renditions.all().delete()
        image.file.save(copy.name, copy, save=False)
        image._set_image_file_metadata()
        image.file.close()
        image.save(update_fields=["file", "file_size", "file_hash"])
    transaction.on_commit(lambda: storage.delete(old_name))
    return True


def stored_originals_location_strip(*, batch_size: int = 200, total=None, progress=None) -> tuple[int, int]:
    """Check every stored image original for location and strip it; returns (stripped, checked)."""
    images = HubImage.objects.order_by("pk")
    if total:
        total(images.count())
    stripped = checked = 0
    last_pk = 0
    while batch := list(images.filter(pk__gt=last_pk)[:batch_size]):
        for image in batch:
            try:
                stripped += stored_original_location_strip(image=image)
            except OSError:
                pass  # a missing file has nothing to leak
            checked += 1
            if progress:
                progress(1)
        last_pk = batch[-1].pk
    return stripped, checked


class HubImageField(WagtailImageField):
    """Wagtail's image field, with the hub's upload rules (see the module docstring)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages["svg_refused"] = _(
            "SVG files are not accepted: they can contain scripts. Export the image as PNG or WebP and upload that."
        )

    def to_python(self, data):
        if data is not None and hasattr(data, "read"):
            head = _head(data)
            if SVG_START.match(head):
                raise ValidationError(self.error_messages["svg_refused"], code="svg_refused")
            self.check_image_file_size(data)
            image_pixel_count_check(data)
        f = super().to_python(data)
        if f is not None:
            location_metadata_strip(f)
        return f

    def check_image_file_format(self, f):
        """The content decides the format; a known format under the wrong extension is renamed, not refused."""
        image_format = f.image.format_name
        extension = IMAGE_EXTENSION_BY_FORMAT.get(image_format)
        allowed = set(self.allowed_image_extensions)
        if image_format == "svg":
            raise ValidationError(self.error_messages["svg_refused"], code="svg_refused")
        if extension is None or not ({extension, image_format} & allowed):
            raise ValidationError(self.error_messages["invalid_image_extension"], code="invalid_image_extension")
        stem, current = os.path.splitext(f.name)
        if current.lower().lstrip(".") not in {extension, image_format}:
            f.name = f"{stem or 'image'}.{extension}"


def document_content_problem(head: bytes, *, extension: str, file) -> str | None:
    """Why the document's content does not match its extension, or None when it does."""
    if head.startswith(b"MZ") or head.startswith(b"\x7fELF") or head[:4] in (b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe"):
        return _("This file is a program, not a document. Programs cannot be uploaded.")
    if extension == "pdf":
        return None if b"%PDF-" in head[:1024] else _("This file is not a PDF, although its name ends in .pdf.")
    if extension == "rtf":
        return None if head.startswith(b"{\\rtf") else _("This file is not an RTF document.")
    if extension in OFFICE_ZIP_MARKERS:
        return _office_zip_problem(file, extension)
    if extension in ("txt", "csv"):
        if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            return _("This file is not plain text, although its name ends in .%(extension)s.") % {"extension": extension}
        if HTML_START.match(head.lstrip(b"\xef\xbb\xbf")):
            return _("This file is a web page or markup, not plain text. Upload it as PDF instead.")
        return None
    return None


def _office_zip_problem(file, extension: str) -> str | None:
    mismatch = _("This file is not a real .%(extension)s document (its content does not match its name).") % {
        "extension": extension
    }
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
            if extension == "odt":
                return None if "mimetype" in names and archive.read("mimetype").strip() == OPENDOCUMENT_TEXT else mismatch
            marker = OFFICE_ZIP_MARKERS[extension]
            ok = "[Content_Types].xml" in names and any(name.startswith(marker) for name in names)
            return None if ok else mismatch
    except (zipfile.BadZipFile, OSError, KeyError):
        return mismatch
    finally:
        file.seek(0)


class HubDocumentField(WagtailDocumentField):
    """Wagtail's document field, refusing files whose content does not match their extension."""

    def to_python(self, data):
        f = super().to_python(data)
        if f is None:
            return None
        extension = os.path.splitext(f.name)[1].lower().lstrip(".")
        problem = document_content_problem(_head(f), extension=extension, file=f)
        if problem:
            raise ValidationError(problem, code="document_content_mismatch")
        return f
