"""JSON for images and documents: provenance and licence always, rendition URLs for every named size in the
original format, WebP and AVIF.

Renditions are made by a task after upload (embassies/assets/renditions.py), never here. If one is missing
(the task has not run yet, or failed), its URL is Wagtail's signed dynamic-serve URL for the same image and
size: a stable URL that makes the rendition on first fetch and then redirects to the file. The API request
itself stays fast, runs a constant number of queries and never fails for want of a rendition.
"""

from functools import cache

from wagtail.images.models import Filter
from wagtail.images.views.serve import generate_image_url

from ..models import HubDocument, HubImage
from ..assets.sizes import (
    SOCIAL_SIZES,
    WEB_WIDTHS,
    extra_formats,
    format_filter_spec,
    rendition_specs,
    web_filter_spec,
)


def absolute_url(request, url: str) -> str:
    return request.build_absolute_uri(url) if request is not None else url


@cache
def rendition_filters() -> tuple[Filter, ...]:
    """The Filter of every named size and format, parsed once per process: Wagtail parses a spec string (with
    `inspect`) each time it is given one, which cost more than the rest of an image's JSON."""
    return tuple(Filter(spec=spec) for spec in rendition_specs())


class NamedRenditions:
    """The renditions of one image that exist (prefetched, or one lookup), and stand-ins for those that do not."""

    def __init__(self, image: HubImage, request):
        self.image, self.request = image, request
        self.found = {filter.spec: rendition for filter, rendition in image.find_existing_renditions(*rendition_filters()).items()}
        self.filters = {filter.spec: filter for filter in rendition_filters()}

    def url(self, spec: str) -> str:
        rendition = self.found.get(spec)
        return absolute_url(self.request, rendition.url if rendition else generate_image_url(self.image, spec))

    def size(self, spec: str) -> tuple[int, int]:
        rendition = self.found.get(spec)
        if rendition is not None:
            return rendition.width, rendition.height
        return tuple(self.filters[spec].get_transform(self.image).size)

    def json(self, spec: str) -> dict:
        width, height = self.size(spec)
        return {
            "url": self.url(spec),
            "width": width,
            "height": height,
            "formats": {image_format: self.url(format_filter_spec(spec, image_format)) for image_format in extra_formats()},
        }


def image_json(image: HubImage, *, request) -> dict:
    """An image with its credit, licence and renditions (no queries when renditions are prefetched)."""
    renditions = NamedRenditions(image, request)
    web = []
    for width in WEB_WIDTHS:
        item = renditions.json(web_filter_spec(width))
        if not web or item["width"] > web[-1]["width"]:
            web.append(item)
    social = {name: renditions.json(spec) for name, spec in SOCIAL_SIZES.items()}
    return {
        "id": image.pk,
        "title": image.title,
        "alt": image.default_alt_text,
        "caption": image.caption,
        "credit": image.credit,
        "licence": image.licence,
        "licence_notes": image.licence_notes,
        "source_mission": image.source_mission.slug if image.source_mission_id else None,
        "width": image.width,
        "height": image.height,
        "focal_point": (
            {"x": image.focal_point_x, "y": image.focal_point_y, "width": image.focal_point_width, "height": image.focal_point_height}
            if image.has_focal_point()
            else None
        ),
        "web": web,
        "srcset": ", ".join(f"{item['url']} {item['width']}w" for item in web),
        "srcset_formats": {
            image_format: ", ".join(f"{item['formats'][image_format]} {item['width']}w" for item in web)
            for image_format in extra_formats()
        },
        "social": social,
    }


def document_json(document: HubDocument, *, request) -> dict:
    return {
        "id": document.pk,
        "title": document.title,
        "url": absolute_url(request, document.url),
        "file_extension": document.file_extension,
        "file_size": document.get_file_size(),
        "credit": document.credit,
        "licence": document.licence,
        "licence_notes": document.licence_notes,
        "source_mission": document.source_mission.slug if document.source_mission_id else None,
    }
