"""Builders for uploads: files as an editor's browser would send them, bombs, EXIF with a location."""

import io
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from embassies.factories import photo_like_image


def stored_files(media_root) -> list[str]:
    """Every file kept: renditions under the media root, originals in its private sibling (embassies/assets/storage.py)."""
    private_root = media_root.with_name(f"{media_root.name}-private")
    return sorted(
        f"{label}{path.relative_to(root)}"
        for label, root in (("", media_root), ("private:", private_root))
        for path in root.rglob("*")
        if path.is_file()
    )


def encoded(image: PILImage.Image, image_format: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **options)
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def photo_upload(name: str, seed: int, image_format: str = "PNG", **options) -> SimpleUploadedFile:
    return upload(name, encoded(photo_like_image(seed), image_format, **options))


def decompression_bomb_png(width: int, height: int) -> bytes:
    """A valid 1-bit greyscale PNG of width x height, all black: a few kilobytes that decode to huge pixel counts."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([1, 0, 0, 0, 0])
    compressor = zlib.compressobj(9)
    row = b"\x00" * (1 + (width + 7) // 8)
    body = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def exif_with_location(orientation: int = 6) -> PILImage.Exif:
    exif = PILImage.Exif()
    exif[0x0112] = orientation  # Orientation
    exif[0x010F] = "Embassy camera"  # Make
    exif[0x8825] = {1: "N", 2: (21.0, 1.0, 42.0), 3: "E", 4: (105.0, 51.0, 18.0)}  # GPSInfo: Hanoi
    return exif


def location_of(data: bytes) -> dict:
    with PILImage.open(io.BytesIO(data)) as image:
        return dict(image.getexif().get_ifd(0x8825))


def orientation_of(data: bytes):
    with PILImage.open(io.BytesIO(data)) as image:
        return image.getexif().get(0x0112)


def upload_multiple(client, kind: str, file) -> dict:
    """Post one file to Wagtail's multiple uploader for "images" or "documents", as its script does; its JSON."""
    response = client.post(f"/admin/{kind}/multiple/add/", {"files[]": file})
    assert response.status_code == 200
    return response.json()
