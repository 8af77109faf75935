"""A page body as typed JSON blocks, with every image resolved to its renditions in one batch."""

from wagtail.blocks.list_block import ListValue
from wagtail.models import Page

from ..blocks import video_provider
from ..models import HubDocument, HubImage
from ..rich_text import expand_public_html, linked_page_ids
from ..selectors import pages_public

from .assets import document_json, image_json, images_for_json

IMAGE_FIELDS = {"image", "poster"}


def _asset_ids(value, images: set[int], documents: set[int]) -> None:
    """Collect the ids of every image and document chosen anywhere in a block value."""
    if isinstance(value, HubImage):
        images.add(value.pk)
    elif isinstance(value, HubDocument):
        documents.add(value.pk)
    elif hasattr(value, "items"):
        for child in value.values():
            _asset_ids(child, images, documents)
    elif isinstance(value, list | tuple | ListValue):
        for child in value:
            _asset_ids(child, images, documents)


def body_linked_page_ids(stream) -> set[int]:
    """Pages a body links to: call-to-action targets and page links inside rich text."""
    ids = set()
    for block in stream:
        if block.block_type == "call_to_action" and block.value["page"]:
            ids.add(block.value["page"].pk)
        elif block.block_type == "rich_text":
            ids |= linked_page_ids(block.value.source)
    return ids


class BodyRenderer:
    """Turns a StreamValue into JSON; images are fetched once with their renditions, documents once with their
    source missions, whatever their number."""

    def __init__(self, *, request, public_page_ids: set[int] | None = None):
        self.request = request
        self.public_page_ids = public_page_ids
        self.images: dict[int, HubImage] = {}
        self.documents: dict[int, HubDocument] = {}

    def render(self, stream) -> list[dict]:
        image_ids: set[int] = set()
        document_ids: set[int] = set()
        for block in stream:
            _asset_ids(block.value, image_ids, document_ids)
        if image_ids:
            self.images = images_for_json(image_ids)
        if document_ids:
            self.documents = HubDocument.objects.select_related("source_mission").in_bulk(document_ids)
        return [{"type": block.block_type, "id": block.id, "value": self.block_value(block.block_type, block.value)} for block in stream]

    def image(self, image: HubImage | None) -> dict | None:
        if image is None:
            return None
        return image_json(self.images.get(image.pk, image), request=self.request)

    def public_among(self, page_ids: set[int]) -> set[int]:
        """Which of these linked pages the public may see: the renderer's own answer when it was given one."""
        if self.public_page_ids is not None:
            return self.public_page_ids
        if not page_ids:
            return set()
        return set(pages_public(queryset=Page.objects.filter(pk__in=page_ids)).values_list("pk", flat=True))

    def link_to_page(self, page) -> str | None:
        """Only public pages are linked: a draft's URL must not leak through a published page."""
        if page is None or (self.public_page_ids is not None and page.pk not in self.public_page_ids):
            return None
        return page.get_full_url(self.request)

    def block_value(self, block_type: str, value):
        if block_type == "rich_text":
            return {"html": expand_public_html(value.source, public_page_ids=self.public_among(linked_page_ids(value.source)))}
        if block_type in ("image", "infographic"):
            data = {key: value.get(key) for key in value if key not in IMAGE_FIELDS}
            data["image"] = self.image(value["image"])
            if not data.get("credit") and value["image"] is not None:
                data["credit"] = value["image"].credit
            return data
        if block_type == "gallery":
            return {"title": value["title"], "images": [self.block_value("image", item) for item in value["images"]]}
        if block_type == "video":
            return {
                "url": value["url"],
                "provider": video_provider(value["url"]),
                "title": value["title"],
                "caption": value["caption"],
                "poster": self.image(value["poster"]),
            }
        if block_type == "document":
            document = value["document"]
            if document is None:
                return None
            document = self.documents.get(document.pk, document)
            return {
                "title": value["title"] or document.title,
                "description": value["description"],
                "document": document_json(document, request=self.request),
            }
        if block_type == "call_to_action":
            return {"text": value["text"], "url": value["url"] or self.link_to_page(value["page"])}
        if block_type == "fact_box":
            return {"title": value["title"], "facts": list(value["facts"])}
        if block_type == "quote":
            return dict(value)
        return value


def page_body(page, *, request, public_page_ids: set[int] | None = None) -> list[dict]:
    """A content page's body as typed blocks, linking only to pages that are public (call-to-action targets and
    rich-text links alike): the one body the API, previews and the reference site all show. `public_page_ids`:
    which of its linked pages are public, when the caller has asked already."""
    public_ids = public_page_ids
    if public_ids is None:
        linked_ids = body_linked_page_ids(page.body)
        public_ids = set(pages_public(queryset=Page.objects.filter(pk__in=linked_ids)).values_list("pk", flat=True))
    return BodyRenderer(request=request, public_page_ids=public_ids).render(page.body)
