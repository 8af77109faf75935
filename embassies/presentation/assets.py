"""JSON for images and documents: provenance and licence always, rendition URLs for every named size in the
original format, WebP and AVIF.

Renditions are made by a task after upload (embassies/assets/renditions.py), never here. If one is missing
(the task has not run yet, or failed), its URL is Wagtail's signed dynamic-serve URL for the same image and
size: a stable URL that makes the rendition on first fetch and then redirects to the file. The API request
itself stays fast, runs a constant number of queries and never fails for want of a rendition.

Building an image's JSON is the largest part of a listing, so everything that does not change while the
process runs is worked out once: the parsed filters, the signed URL of each image and size, the public URL of
each rendition file, and each absolute URL per host. Renditions of a batch of images are read as plain rows in
one query (`images_for_json`), not as model instances.
"""

from functools import cache, lru_cache
from types import SimpleNamespace
from urllib.parse import urljoin

from django.core.files.storage import FileSystemStorage
from django.utils.encoding import iri_to_uri
from wagtail.images.models import Filter
from wagtail.images.views.serve import generate_image_url

from ..models import HubDocument, HubImage, HubRendition
from ..assets.sizes import (
    SOCIAL_SIZES,
    WEB_WIDTHS,
    extra_formats,
    format_filter_spec,
    rendition_specs,
    web_filter_spec,
)

# Per-process memories of pure functions: enough for every size of ~4,000 images before the oldest go.
URL_MEMORY = 100_000


def request_origin(request) -> str:
    """`scheme://host/` of the request, worked out once per request (the answer resolves dozens of URLs)."""
    request = getattr(request, "_request", request)  # DRF's Request wraps Django's
    origin = getattr(request, "hub_origin", None)
    if origin is None:
        origin = request.hub_origin = request.build_absolute_uri("/")
    return origin


@lru_cache(maxsize=URL_MEMORY)
def _absolute(origin: str, url: str) -> str:
    """What `request.build_absolute_uri(url)` gives for a request to `origin`."""
    return iri_to_uri(urljoin(origin, url))


def absolute_url(request, url: str) -> str:
    return _absolute(request_origin(request), url) if request is not None else url


@cache
def rendition_filters() -> tuple[Filter, ...]:
    """The Filter of every named size and format, parsed once per process: Wagtail parses a spec string (with
    `inspect`) each time it is given one, which cost more than the rest of an image's JSON."""
    return tuple(Filter(spec=spec) for spec in rendition_specs())


@cache
def _filters_by_spec() -> dict[str, Filter]:
    return {filter.spec: filter for filter in rendition_filters()}


@lru_cache(maxsize=URL_MEMORY)
def _signed_url(image_id: int, file_name: str, spec: str) -> str:
    """Wagtail's signed dynamic-serve URL: a keyed digest of the id and size, so the same for the process's life."""
    # What generate_image_url reads of an image: its id and its file's name (keys of the memory, unlike an instance).
    return generate_image_url(SimpleNamespace(id=image_id, file=SimpleNamespace(name=file_name)), spec)


def _rendition_storage():
    return HubRendition._meta.get_field("file").storage


@lru_cache(maxsize=URL_MEMORY)
def _stored_file_url(name: str) -> str:
    return _rendition_storage().url(name)


def rendition_file_url(name: str) -> str:
    """The public URL of a rendition file; remembered when the storage's URLs never change (files on disk), asked
    each time otherwise (a storage may sign its URLs for a while)."""
    if isinstance(_rendition_storage(), FileSystemStorage):
        return _stored_file_url(name)
    return _rendition_storage().url(name)


def images_for_json(ids) -> dict[int, HubImage]:
    """Images by id, ready for `image_json`: with their source mission, and the rows of their named renditions
    read in one more query as plain values (no rendition instances)."""
    images = {image.pk: image for image in HubImage.objects.filter(pk__in=ids).select_related("source_mission")}
    for image in images.values():
        image.named_rendition_rows = []
    if images:
        rows = HubRendition.objects.filter(image_id__in=images, filter_spec__in=rendition_specs()).values_list(
            "image_id", "filter_spec", "focal_point_key", "file", "width", "height"
        )
        for image_id, *row in rows:
            images[image_id].named_rendition_rows.append(tuple(row))
    return images


class NamedRenditions:
    """The renditions of one image that exist (read by `images_for_json`, prefetched, or one lookup), and
    stand-ins for those that do not."""

    def __init__(self, image: HubImage, request):
        self.image, self.request = image, request
        self.filters = _filters_by_spec()
        rows = getattr(image, "named_rendition_rows", None)
        if rows is None:
            existing = image.find_existing_renditions(*rendition_filters())
            self.found = {filter.spec: (rendition.file.name, rendition.width, rendition.height) for filter, rendition in existing.items()}
        else:
            self.found = {}
            focal_point_keys = {}
            for spec, focal_point_key, file_name, width, height in rows:
                if spec not in focal_point_keys:
                    focal_point_keys[spec] = self.filters[spec].get_cache_key(image)
                if focal_point_key == focal_point_keys[spec]:
                    self.found[spec] = (file_name, width, height)

    def url(self, spec: str) -> str:
        found = self.found.get(spec)
        url = rendition_file_url(found[0]) if found else _signed_url(self.image.pk, self.image.file.name, spec)
        return absolute_url(self.request, url)

    def size(self, spec: str) -> tuple[int, int]:
        found = self.found.get(spec)
        if found is not None:
            return found[1], found[2]
        return tuple(self.filters[spec].get_transform(self.image).size)

    def file_size(self, spec: str) -> int:
        """Bytes of the rendition's file, 0 while it is not made yet."""
        found = self.found.get(spec)
        return _rendition_storage().size(found[0]) if found else 0

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
