"""Safe uploads, proven through the Wagtail admin's add views over HTTP as a Hanoi editor: the content decides the
format, bombs and SVG are refused with a clear message, location never reaches a stored or served file, documents
must be what their name says and download as attachments; a refusal leaves no row and no file behind."""

import importlib.util
import io
import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image as PILImage

from embassies.factories import photo_like_image
from embassies.models import HubDocument, HubImage

from .builders import (
    decompression_bomb_png,
    encoded,
    exif_with_location,
    location_of,
    orientation_of,
    photo_upload,
    stored_files,
    upload,
    upload_multiple,
)

SVG_WITH_SCRIPT = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def add_image(client, file, title="Lotus pond"):
    return client.post("/admin/images/add/", {"title": title, "file": file})


def add_document(client, file, title="Visa checklist"):
    return client.post("/admin/documents/add/", {"title": title, "file": file})


def add_images_multiple(client, file):
    return upload_multiple(client, "images", file)


def add_documents_multiple(client, file):
    return upload_multiple(client, "documents", file)


def file_errors(response) -> str:
    assert response.status_code == 200, "the add form should be shown again with the error"
    return " ".join(response.context["form"].errors["file"])


def stored_bytes(instance) -> bytes:
    with instance.file.open("rb") as f:
        return f.read()


def test_png_named_jpg_is_stored_as_png(editor_client, media_root):
    response = add_image(editor_client, photo_upload("harbour.jpg", seed=1, image_format="PNG"))

    assert response.status_code == 302, response.context["form"].errors
    image = HubImage.objects.get(title="Lotus pond")
    assert image.file.name.endswith(".png")
    assert PILImage.open(io.BytesIO(stored_bytes(image))).format == "PNG"


def test_png_named_jpg_is_stored_as_png_by_the_multiple_uploader(editor_client, media_root):
    data = add_images_multiple(editor_client, photo_upload("harbour.jpg", seed=2, image_format="PNG"))

    assert data["success"] is True
    assert HubImage.objects.get(pk=data["image_id"]).file.name.endswith(".png")


@pytest.mark.parametrize(
    "width,height",
    [(12_000, 12_000), (20_000, 20_000)],
    ids=["over-the-hub-limit", "over-pillow-bomb-limit"],
)
def test_decompression_bomb_is_refused_with_a_clear_message(editor_client, media_root, width, height):
    bomb = decompression_bomb_png(width, height)
    assert len(bomb) < 200_000
    images_before = HubImage.objects.count()

    classic = file_errors(add_image(editor_client, upload("bomb.png", bomb, "image/png")))
    multiple = add_images_multiple(editor_client, upload("bomb.png", bomb, "image/png"))

    assert "too many pixels to process safely" in classic
    assert f"{width * height:,}" in classic
    assert multiple["success"] is False and "too many pixels" in multiple["error_message"]
    assert HubImage.objects.count() == images_before
    assert stored_files(media_root) == []


def test_pixel_limit_is_configurable(editor_client, media_root, settings):
    settings.HUB_UPLOAD_MAX_PIXELS = 100_000

    errors = file_errors(add_image(editor_client, photo_upload("street.png", seed=3)))  # 480 x 360 = 172,800 px

    assert "(172,800)" in errors and "100,000 pixels" in errors
    assert not HubImage.objects.filter(title="Lotus pond").exists()


def test_byte_limit_is_enforced(editor_client, media_root, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 2_000

    errors = file_errors(add_image(editor_client, photo_upload("street.png", seed=4)))

    assert "This file is too big" in errors
    assert stored_files(media_root) == []


def test_upload_limits_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("HUB_UPLOAD_MAX_BYTES", "5000000")
    monkeypatch.setenv("HUB_UPLOAD_MAX_PIXELS", "30000000")
    path = Path(__file__).resolve().parents[3] / "hub" / "settings" / "base.py"
    spec = importlib.util.spec_from_file_location("hub_settings_base_under_test", path)
    base = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(base)

    assert base.WAGTAILIMAGES_MAX_UPLOAD_SIZE == base.WAGTAILDOCS_MAX_UPLOAD_SIZE == 5_000_000
    assert base.HUB_UPLOAD_MAX_PIXELS == base.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 30_000_000


@pytest.mark.parametrize("name", ["logo.svg", "logo.png"])
def test_svg_with_script_is_refused(editor_client, media_root, name):
    classic = file_errors(add_image(editor_client, upload(name, SVG_WITH_SCRIPT, "image/svg+xml")))
    multiple = add_images_multiple(editor_client, upload(name, SVG_WITH_SCRIPT, "image/svg+xml"))

    assert "SVG files are not accepted" in classic
    assert multiple["success"] is False and "SVG files are not accepted" in multiple["error_message"]
    assert not HubImage.objects.filter(title="Lotus pond").exists()
    assert stored_files(media_root) == []


@pytest.mark.parametrize("spooled_to_disk", [False, True], ids=["in-memory-upload", "temporary-file-upload"])
def test_location_is_stripped_from_the_stored_original_and_renditions_keeping_orientation(
    editor_client, media_root, settings, spooled_to_disk
):
    if spooled_to_disk:
        settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0  # Django writes every upload to a temporary file
    jpeg = encoded(photo_like_image(5), "JPEG", quality=90, exif=exif_with_location(orientation=6).tobytes())
    assert location_of(jpeg)

    response = add_image(editor_client, upload("consul-visit.jpg", jpeg, "image/jpeg"))

    assert response.status_code == 302
    image = HubImage.objects.get(title="Lotus pond")
    original = stored_bytes(image)
    assert location_of(original) == {}
    assert orientation_of(original) == 6
    assert PILImage.open(io.BytesIO(original)).getexif()[0x010F] == "Embassy camera"
    assert original.split(b"\xff\xda", 1)[1] == jpeg.split(b"\xff\xda", 1)[1], "the JPEG must not be re-encoded"
    rendition = image.get_rendition("width-200")
    with rendition.file.open("rb") as f:
        assert location_of(f.read()) == {}


@pytest.mark.parametrize("image_format,name", [("PNG", "map.png"), ("WEBP", "market.webp")])
def test_location_is_stripped_from_other_formats_in_the_multiple_uploader(editor_client, media_root, image_format, name):
    data = encoded(photo_like_image(6), image_format, exif=exif_with_location(orientation=3).tobytes())
    assert location_of(data)

    result = add_images_multiple(editor_client, upload(name, data))

    assert result["success"] is True
    original = stored_bytes(HubImage.objects.get(pk=result["image_id"]))
    assert location_of(original) == {}
    assert orientation_of(original) == 3


def test_location_is_stripped_from_every_picture_of_a_phone_multi_picture_jpeg(editor_client, media_root):
    buffer = io.BytesIO()
    photo_like_image(9).save(
        buffer, "MPO", save_all=True, append_images=[photo_like_image(10)], exif=exif_with_location().tobytes()
    )
    assert PILImage.open(io.BytesIO(buffer.getvalue())).n_frames == 2

    result = add_images_multiple(editor_client, upload("IMG_0001.jpg", buffer.getvalue(), "image/jpeg"))

    original = stored_bytes(HubImage.objects.get(pk=result["image_id"]))
    assert getattr(PILImage.open(io.BytesIO(original)), "n_frames", 1) == 1
    assert location_of(original) == {} and orientation_of(original) == 6


def test_wagtail_renditions_copy_exif_so_originals_must_be_stripped(hanoi, media_root):
    """Why stripping happens on the original: Willow carries the source EXIF (GPS included) into JPEG renditions."""
    jpeg = encoded(photo_like_image(7), "JPEG", exif=exif_with_location().tobytes())
    image = HubImage.objects.create(
        title="Imported without the admin", collection=hanoi.collection, file=upload("imported.jpg", jpeg, "image/jpeg")
    )

    rendition = image.get_rendition("width-200")

    with rendition.file.open("rb") as f:
        assert location_of(f.read()) != {}


@pytest.mark.parametrize(
    "name,content,expected",
    [
        ("statement.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>", "is not a PDF"),
        ("statement.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 200, "is a program"),
        ("form.docx", b"Just some text pretending to be Word", "is not a real .docx document"),
        ("notes.txt", b"<html><body><script>alert(1)</script></body></html>", "is a web page"),
    ],
    ids=["html-as-pdf", "exe-as-pdf", "text-as-docx", "html-as-txt"],
)
def test_document_whose_content_does_not_match_its_extension_is_refused(editor_client, media_root, name, content, expected):
    documents_before = HubDocument.objects.count()
    classic = file_errors(add_document(editor_client, upload(name, content)))
    multiple = add_documents_multiple(editor_client, upload(name, content))

    assert expected in classic
    assert multiple["success"] is False and expected in multiple["error_message"]
    assert HubDocument.objects.count() == documents_before
    assert stored_files(media_root) == []


def test_real_documents_are_accepted_and_served_as_attachments(editor_client, media_root):
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    assert add_document(editor_client, upload("statement.pdf", PDF, "application/pdf"), title="Statement").status_code == 302
    assert add_documents_multiple(editor_client, upload("form.docx", docx.getvalue()))["success"] is True
    assert add_documents_multiple(editor_client, upload("checklist.txt", b"Passport\nPhotos\n"))["success"] is True

    for document in HubDocument.objects.filter(file__startswith="documents/"):
        response = editor_client.get(document.url)  # used by no public page yet: only the mission's staff get it
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment"), document.filename
        assert response["X-Content-Type-Options"] == "nosniff"
    assert HubDocument.objects.count() >= 3


def test_assets_hash_strips_location_from_originals_stored_before_the_checks(
    hanoi, media_root, django_capture_on_commit_callbacks
):
    jpeg = encoded(photo_like_image(8), "JPEG", exif=exif_with_location(orientation=6).tobytes())
    image = HubImage.objects.create(
        title="Imported archive photo", collection=hanoi.collection, file=upload("archive.jpg", jpeg, "image/jpeg")
    )
    old_rendition = image.get_rendition("width-200")
    old_files = {image.file.name, old_rendition.file.name}
    output = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("assets_hash", "--strip-location", "--no-progress", stdout=output)

    image.refresh_from_db()
    assert location_of(stored_bytes(image)) == {} and orientation_of(stored_bytes(image)) == 6
    with image.get_rendition("width-200").file.open("rb") as f:
        assert location_of(f.read()) == {}
    assert not set(stored_files(media_root)) & old_files
    assert "Stripped location from 1 of" in output.getvalue()
