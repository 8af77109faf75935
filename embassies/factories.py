"""Factories for content pages and assets, saved through Wagtail's own tree and revision API."""

import io
import random

from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter

from .models import ArticlePage, HubDocument, HubImage, SectionIndexPage


def section(mission, slug: str = "news", language_code: str | None = None) -> SectionIndexPage:
    """A standard section of a provisioned mission, in its default language unless told."""
    language_code = language_code or mission.default_language_code
    return SectionIndexPage.objects.get(slug=slug, locale__language_code=language_code, mission=mission)


def added(parent, page, *, live: bool = True):
    """`page` (of any type) added under `parent`; published when `live`, otherwise a never-published draft."""
    page.live = False
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
        page.refresh_from_db()
    return page


def article(parent, *, title: str, live: bool = True, summary: str = "A short standfirst.", **fields) -> ArticlePage:
    """An article under `parent`; published when `live`, otherwise a draft that was never published."""
    return added(parent, ArticlePage(title=title, summary=summary, **fields), live=live)


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


def photo_like_image(seed: int, size=(480, 360)) -> PILImage.Image:
    """A distinct, photo-like test picture for each seed: a gradient sky, overlapping shapes in varied colours,
    blur and sensor-like noise (for duplicate detection tests and benchmarks)."""
    rng = random.Random(seed)
    width, height = size
    top, bottom = [tuple(rng.randrange(256) for _ in range(3)) for _ in range(2)]
    gradient = PILImage.linear_gradient("L").resize(size).rotate(rng.choice((0, 90, 180, 270))).resize(size)
    picture = PILImage.composite(PILImage.new("RGB", size, bottom), PILImage.new("RGB", size, top), gradient)
    draw = ImageDraw.Draw(picture)
    for _ in range(rng.randrange(6, 14)):
        x0, x1 = sorted(rng.randrange(-width // 4, width + width // 4) for _ in range(2))
        y0, y1 = sorted(rng.randrange(-height // 4, height + height // 4) for _ in range(2))
        colour = tuple(rng.randrange(256) for _ in range(3))
        shape = rng.choice(("ellipse", "rectangle", "polygon"))
        if shape == "polygon":
            points = [(rng.randrange(width), rng.randrange(height)) for _ in range(rng.randrange(3, 7))]
            draw.polygon(points, fill=colour)
        else:
            getattr(draw, shape)([x0, y0, max(x1, x0 + 8), max(y1, y0 + 8)], fill=colour)
    picture = picture.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 2.5)))
    noise = PILImage.effect_noise(size, rng.uniform(10, 40)).convert("RGB")
    return PILImage.blend(picture, noise, 0.12)
