"""Press kits: one ZIP per release or briefing, built in the background from the copy journalists may read.

The ZIP holds `release.txt` and `release.html` (the text), `images/original/…` and `images/web/…` (each image in its
original and a web size), `documents/…`, `manifest.json` and `CREDITS.txt` (each file's credit, licence and alt text).
Only what the page itself uses goes in, so a kit never carries more than its page shows."""

import io
import json
import zipfile
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from wagtail.models import Page, ReferenceIndex

from embassies.assets.models import HubDocument, HubImage
from embassies.models import ArticlePage
from embassies.models.pages import EMBARGO_KINDS
from embassies.selectors import pages_public

from .models import BriefingPage, Journalist, PressKit
from .selectors import journalist_may_read, releases_embargoed

WEB_SIZE = "max-1600x1600"


@dataclass(frozen=True)
class KitSource:
    """The copy a kit is built from: the live page, or an embargoed release's scheduled revision."""

    page: Page
    revision: object
    embargoed_until: object = None
    mission_ids: tuple = ()


def press_kit_source(*, page_id: int) -> KitSource | None:
    """What a kit of `page_id` may hold now: the public page, else the scheduled embargoed copy, else nothing."""
    public = pages_public().filter(pk=page_id).first()
    if public is not None:
        page = public.specific
        if _has_kit(page):
            return KitSource(page=page, revision=page.live_revision)
        return None
    release = next((item for item in releases_embargoed() if item.page.pk == page_id), None)
    if release is None:
        return None
    return KitSource(
        page=release.page, revision=release.revision, embargoed_until=release.embargoed_until,
        mission_ids=tuple(release.mission_ids),
    )


def _has_kit(page) -> bool:
    return isinstance(page, BriefingPage) or (isinstance(page, ArticlePage) and page.kind in EMBARGO_KINDS)


def _assets(page) -> tuple[list[HubImage], list[HubDocument]]:
    """The images and documents the copy uses (hero, blocks, rich text), found as Wagtail's reference index finds
    them, on the copy itself (a scheduled revision is not what the index holds)."""
    wanted: dict[type, list] = {HubImage: [], HubDocument: []}
    for model in wanted:
        content_type_id = ReferenceIndex._get_base_content_type(model).pk
        ids = {
            object_id for type_id, object_id, _path, _content in ReferenceIndex._extract_references_from_object(page)
            if type_id == content_type_id
        }
        wanted[model] = list(model.objects.filter(pk__in=ids).order_by("pk"))
    return wanted[HubImage], wanted[HubDocument]


def _text(page) -> tuple[str, str]:
    """The release text as plain text and as HTML (the body's rich text, a briefing's transcript)."""
    paragraphs, html = [page.title, page.summary], []
    for block in page.body:
        if block.block_type == "rich_text":
            paragraphs.append(strip_tags(block.value.source))
            html.append(str(block.value))
    for block in getattr(page, "transcript", []) or []:
        if block.block_type == "exchange":
            value = block.value
            asker = ", ".join(part for part in (value["journalist"], value["outlet"]) if part)
            paragraphs.append(f"Q ({asker}): {value['question']}" if asker else f"Q: {value['question']}")
            paragraphs.append(f"A ({value['spokesperson']}): {strip_tags(value['answer'].source)}")
            html.append(render_to_string("press/press_kit_exchange.html", {"exchange": value}))
        else:
            paragraphs.append(strip_tags(block.value.source))
            html.append(str(block.value))
    document = render_to_string("press/press_kit.html", {"page": page, "body": "\n".join(html)})
    return "\n\n".join(part for part in paragraphs if part) + "\n", document


def _entry(asset, *, path: str, kind: str) -> dict:
    entry = {
        "file": path, "kind": kind, "title": asset.title, "credit": asset.credit,
        "licence": asset.get_licence_display(), "licence_code": asset.licence, "licence_notes": asset.licence_notes,
    }
    if isinstance(asset, HubImage):
        entry["alt_text"] = asset.alt_text
    return entry


def press_kit_zip(source: KitSource) -> bytes:
    """The kit's ZIP bytes for `source`."""
    page = source.page
    plain, html = _text(page)
    images, documents = _assets(page)
    files = []
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("release.txt", plain)
        archive.writestr("release.html", html)
        for image in images:
            stem = f"{image.pk}-{slugify(image.title)[:50] or 'image'}"
            extension = image.file.name.rsplit(".", 1)[-1].lower()
            with image.open_file() as handle:
                archive.writestr(f"images/original/{stem}.{extension}", handle.read())
            files.append(_entry(image, path=f"images/original/{stem}.{extension}", kind="image, original"))
            rendition = image.get_rendition(WEB_SIZE)
            web_name = f"images/web/{stem}.{rendition.file.name.rsplit('.', 1)[-1].lower()}"
            with rendition.file.open("rb") as handle:
                archive.writestr(web_name, handle.read())
            files.append({**_entry(image, path=web_name, kind="image, web size"),
                          "width": rendition.width, "height": rendition.height})
        for document in documents:
            name = f"documents/{document.pk}-{document.file.name.rsplit('/', 1)[-1]}"
            with document.open_file() as handle:
                archive.writestr(name, handle.read())
            files.append(_entry(document, path=name, kind="document"))
        manifest = {
            "title": page.title, "page_id": page.pk, "revision_id": source.revision.pk if source.revision else None,
            "language": page.locale.language_code,
            "embargoed_until": source.embargoed_until.isoformat() if source.embargoed_until else None,
            "built_at": timezone.now().isoformat(), "files": files,
        }
        archive.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
        archive.writestr("CREDITS.txt", render_to_string("press/press_kit_credits.txt", {"manifest": manifest}))
    return buffer.getvalue()


def press_kit_build(*, page_id: int) -> PressKit | None:
    """Build (or rebuild) the kit of `page_id` from what may be read now; a page no longer public nor embargoed
    loses its kit. Runs from press.tasks after a publish, a scheduling or an unpublish."""
    source = press_kit_source(page_id=page_id)
    existing = PressKit.objects.filter(page_id=page_id).first()
    if source is None:
        if existing is not None:
            name, storage = existing.file.name, existing.file.storage
            existing.delete()
            transaction.on_commit(lambda: storage.delete(name))
        return None
    content = press_kit_zip(source)
    kit = existing or PressKit(page_id=page_id)
    old_name = existing.file.name if existing else ""
    revision_id = source.revision.pk if source.revision else "x"
    kit.file.save(f"{page_id}-{revision_id}-{timezone.now():%Y%m%d%H%M%S}.zip", ContentFile(content), save=False)
    kit.revision = source.revision
    kit.embargoed_until = source.embargoed_until
    kit.mission_ids = list(source.mission_ids)
    kit.size = len(content)
    kit.built_at = timezone.now()
    kit.save()
    if old_name and old_name != kit.file.name:
        storage = kit.file.storage
        transaction.on_commit(lambda: storage.delete(old_name))
    return kit


def press_kit_for(*, page_id: int, journalist: Journalist | None) -> PressKit | None:
    """The kit of `page_id` if the caller may download it now: anyone when it was built from the public live
    revision; a journalist it is addressed to when built from the scheduled embargoed copy; else None."""
    kit = PressKit.objects.filter(page_id=page_id).select_related("revision").first()
    if kit is None:
        return None
    if kit.embargoed_until is None:
        public = pages_public().filter(pk=page_id).first()
        return kit if public is not None and public.live_revision_id == kit.revision_id else None
    still_scheduled = kit.revision is not None and kit.revision.approved_go_live_at is not None
    if still_scheduled and kit.embargoed_until > timezone.now() and journalist_may_read(journalist, kit.mission_ids):
        return kit
    return None
