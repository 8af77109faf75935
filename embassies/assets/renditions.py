"""Renditions of every named size and format, made off the request path.

A task runs after an image is uploaded, gets a new focal point or a new file (`image_renditions_generate_task`).
It decodes the original once (for a JPEG, already shrunk by the decoder with `draft()` to the largest scale
any size needs), cuts every size from that one decoded image with Wagtail's own crop arithmetic (so `fill`
crops around the focal point exactly as Wagtail would), encodes each in the original format, WebP and AVIF
in parallel, and stores them as ordinary Wagtail renditions: same filter specs, same focal-point keys, same
file names. `image.get_renditions()` therefore finds them, and a rendition's URL stays the same as long as
the image's file and focal point do. Renditions cut for an earlier focal point are deleted.

Formats this path does not handle itself (SVG, animated GIF, anything unusual) go through Wagtail's own
`get_renditions`, which is slower but knows every case.
"""

import logging
import math
import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from io import BytesIO

from django.conf import settings
from django.core.files.base import ContentFile
from django.db.models import Q
from PIL import Image as PILImage
from PIL import ImageOps
from wagtail.images.models import IMAGE_FORMAT_EXTENSIONS, Filter

from embassies.models import HubImage, HubRendition
from embassies.assets.sizes import rendition_specs

logger = logging.getLogger(__name__)

# Originals this path decodes itself; their default output format is Wagtail's (GIF and BMP become PNG).
HANDLED_FORMATS = {"jpeg": "jpeg", "png": "png", "webp": "webp", "gif": "png", "bmp": "png", "avif": "avif"}
ORIENTATION_TAG = 0x0112
SWAPPING_ORIENTATIONS = {5, 6, 7, 8}
ENCODER_THREADS = 2


@dataclass
class RenditionsReport:
    """What one generation did for an image: renditions created, found already there, and stale ones deleted."""

    created: list[str] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)
    deleted: int = 0
    path: str = "hub"


def named_filters() -> list[Filter]:
    return [Filter(spec=spec) for spec in rendition_specs()]


def _output_format(spec: str, original_format: str) -> str:
    for operation in spec.split("|"):
        if operation.startswith("format-"):
            return operation.removeprefix("format-")
    conversions = {**HANDLED_FORMATS, **getattr(settings, "WAGTAILIMAGES_FORMAT_CONVERSIONS", {})}
    return conversions.get(original_format, original_format)


def rendition_file_name(image: HubImage, filter: Filter, output_format: str) -> str:
    """The name Wagtail gives the file of this rendition (`generate_rendition_file`), so both paths agree."""
    stem = os.path.splitext(os.path.basename(image.file.name))[0]
    suffix = filter.spec.replace("|", ".") + IMAGE_FORMAT_EXTENSIONS[output_format]
    cache_key = filter.get_cache_key(image)
    if cache_key:
        suffix = f"{cache_key}.{suffix}"
    return f"{stem[: 59 - len(suffix)]}.{suffix}"


def _encode(picture: PILImage.Image, output_format: str, icc_profile) -> bytes:
    """Encode without any metadata but the colour profile: no EXIF (GPS, camera serials), no XMP."""
    buffer = BytesIO()
    extra = {"icc_profile": icc_profile} if icc_profile else {}
    if output_format == "jpeg":
        if picture.mode not in ("RGB", "L"):
            background = PILImage.new("RGB", picture.size, (255, 255, 255))
            background.paste(picture, mask=picture.getchannel("A") if "A" in picture.getbands() else None)
            picture = background
        quality = getattr(settings, "WAGTAILIMAGES_JPEG_QUALITY", 76)
        picture.save(buffer, "JPEG", quality=quality, progressive=True, optimize=True, **extra)
    elif output_format == "png":
        picture.save(buffer, "PNG", optimize=True, **extra)
    elif output_format == "webp":
        picture.save(buffer, "WEBP", quality=getattr(settings, "WAGTAILIMAGES_WEBP_QUALITY", 80), **extra)
    elif output_format == "avif":
        picture.save(buffer, "AVIF", quality=getattr(settings, "WAGTAILIMAGES_AVIF_QUALITY", 61), **extra)
    else:
        raise ValueError(f"No encoder for {output_format}")
    return buffer.getvalue()


def _decoded(data: bytes, image: HubImage, filters: list[Filter]):
    """The original decoded once, upright, no bigger than the largest size needs, with each filter's crop box
    and output size in its coordinates."""
    picture = PILImage.open(BytesIO(data))
    original_format = (picture.format or "").lower()
    width, height = picture.size
    if picture.getexif().get(ORIENTATION_TAG) in SWAPPING_ORIENTATIONS:
        width, height = height, width
    transforms = [(filter, filter.get_transform(image, (width, height))) for filter in filters]
    scale = 1.0
    if transforms:
        scale = min(1.0, max(max(t.size[0] / t.get_rect().width, t.size[1] / t.get_rect().height) for _f, t in transforms))
    if original_format == "jpeg" and scale < 0.5:
        # The JPEG decoder shrinks by 1/2, 1/4 or 1/8 for free, never below the size asked for.
        raw_width, raw_height = picture.size
        picture.draft("RGB", (math.ceil(raw_width * scale), math.ceil(raw_height * scale)))
    icc_profile = picture.info.get("icc_profile")
    picture = ImageOps.exif_transpose(picture)
    if picture.mode not in ("RGB", "RGBA", "L"):
        picture = picture.convert("RGBA" if "transparency" in picture.info or "A" in picture.getbands() else "RGB")
    ratio = picture.size[0] / width
    boxes = []
    for filter, transform in transforms:
        rect = transform.get_rect().round()
        box = (rect.left * ratio, rect.top * ratio, rect.right * ratio, rect.bottom * ratio)
        boxes.append((filter, box, transform.size))
    return picture, original_format, icc_profile, boxes


def _render(image: HubImage, filters: list[Filter], timings: dict | None) -> list[HubRendition]:
    started = time.perf_counter()
    with image.open_file() as file:
        data = file.read()
    picture, original_format, icc_profile, boxes = _decoded(data, image, filters)
    if timings is not None:
        timings["decode"] = timings.get("decode", 0.0) + time.perf_counter() - started

    def one(item):
        filter, box, size = item
        cut_started = time.perf_counter()
        resized = picture.resize(size, PILImage.Resampling.LANCZOS, box=box, reducing_gap=3.0)
        output_format = _output_format(filter.spec, original_format)
        content = ContentFile(_encode(resized, output_format, icc_profile), name=rendition_file_name(image, filter, output_format))
        if timings is not None:
            timings[filter.spec] = timings.get(filter.spec, 0.0) + time.perf_counter() - cut_started
        return HubRendition(image=image, filter_spec=filter.spec, focal_point_key=filter.get_cache_key(image), file=content)

    with ThreadPoolExecutor(max_workers=ENCODER_THREADS, thread_name_prefix="renditions") as encoders:
        return list(encoders.map(one, boxes))


def _handled_here(image: HubImage) -> bool:
    with image.open_file() as file:
        try:
            picture = PILImage.open(file)
            return (picture.format or "").lower() in HANDLED_FORMATS and not getattr(picture, "is_animated", False)
        except (OSError, ValueError):
            return False


def renditions_stale_delete(*, image: HubImage, filters: list[Filter]) -> int:
    """Delete renditions of the named sizes cut for another focal point (their files go with them)."""
    stale = Q(pk__in=[])
    for filter in filters:
        stale |= Q(filter_spec=filter.spec) & ~Q(focal_point_key=filter.get_cache_key(image))
    deleted, _by_model = image.renditions.filter(stale).delete()
    return deleted


def image_renditions_generate(
    *, image: HubImage, filters: list[Filter] | None = None, timings: dict | None = None
) -> RenditionsReport:
    """Make every named size in every format for the image as it is now, and drop those of earlier focal points.

    `filters` narrows the work to some of the named renditions; `timings`, if given, collects seconds spent
    decoding and per filter spec (for benchmarks/renditions_bench.py).
    """
    filters = named_filters() if filters is None else filters
    report = RenditionsReport()
    report.deleted = renditions_stale_delete(image=image, filters=filters)
    # Asked of the database, not Wagtail's rendition cache: the task must see what is really stored.
    wanted = Q(pk__in=[])
    for filter in filters:
        wanted |= Q(filter_spec=filter.spec, focal_point_key=filter.get_cache_key(image))
    report.existing = list(image.renditions.filter(wanted).values_list("filter_spec", flat=True))
    missing = [filter for filter in filters if filter.spec not in report.existing]
    if not missing:
        return report
    if not _handled_here(image):
        report.path = "wagtail"
        image.get_renditions(*missing)
        report.created = [filter.spec for filter in missing]
        return report
    renditions = _render(image, missing, timings)
    clashes = set(
        image.renditions.filter(filter_spec__in=[r.filter_spec for r in renditions]).values_list("filter_spec", "focal_point_key")
    )
    fresh = [r for r in renditions if (r.filter_spec, r.focal_point_key) not in clashes]
    HubRendition.objects.bulk_create(fresh, ignore_conflicts=True)
    report.created = [rendition.filter_spec for rendition in fresh]
    return report
