"""Factories for content pages and assets, saved through Wagtail's own tree and revision API."""

import io

from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from .models import ArticlePage, HubDocument, HubImage, SectionIndexPage


def section(mission, slug: str = "news", language_code: str | None = None) -> SectionIndexPage:
    """A standard section of a provisioned mission, in its default language unless told."""
    language_code = language_code or mission.default_language_code
    return SectionIndexPage.objects.get(
        slug=slug, locale__language_code=language_code, path__startswith=_home_path(mission, language_code)
    )


def _home_path(mission, language_code: str) -> str:
    return mission.home_pages.get(locale__language_code=language_code).path


def article(parent, *, title: str, live: bool = True, summary: str = "A short standfirst.", **fields) -> ArticlePage:
    """An article under `parent`; published when `live`, otherwise a draft that was never published."""
    page = ArticlePage(title=title, summary=summary, live=False, **fields)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
        page.refresh_from_db()
    return page


def png_bytes(size=(640, 360), colour=(30, 90, 160)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


def image(*, title: str, collection, **fields) -> HubImage:
    return HubImage.objects.create(
        title=title,
        collection=collection,
        file=ImageFile(io.BytesIO(png_bytes()), name=f"{title[:40].replace(' ', '-').lower()}.png"),
        **fields,
    )


def document(*, title: str, collection, **fields) -> HubDocument:
    return HubDocument.objects.create(
        title=title,
        collection=collection,
        file=SimpleUploadedFile(f"{title[:40].replace(' ', '-').lower()}.txt", b"Visa application checklist"),
        **fields,
    )
