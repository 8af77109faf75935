"""Renditions are made by a task after upload and after a focal-point change, in every named size and format,
cropped around the focal point and stripped of location metadata; requests never make them."""

import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw

from embassies import factories as content
from embassies.models import HubImage, HubRendition
from embassies.assets.sizes import SOCIAL_SIZES, WEB_WIDTHS, extra_formats, rendition_specs

BANDS = ((220, 20, 20), (20, 200, 20), (20, 20, 220))  # red, green, blue thirds, left to right
GPS_IFD = 0x8825


@pytest.fixture(autouse=True)
def empty_rendition_cache():
    """Wagtail caches rendition lookups by image id; SQLite hands a rolled-back test's ids out again."""
    HubRendition.cache_backend.clear()


def banded_jpeg(size=(2000, 1200), *, gps=True) -> bytes:
    """A JPEG in three vertical colour bands, with GPS coordinates in its EXIF like a phone photo."""
    picture = PILImage.new("RGB", size)
    draw = ImageDraw.Draw(picture)
    third = size[0] / 3
    for index, colour in enumerate(BANDS):
        draw.rectangle([round(index * third), 0, round((index + 1) * third), size[1]], fill=colour)
    exif = PILImage.Exif()
    exif[0x010F] = "PhoneMaker"
    if gps:
        exif[GPS_IFD] = {1: "N", 2: (21.0, 1.0, 42.0), 3: "E", 4: (105.0, 51.0, 1.0)}
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90, exif=exif.tobytes())
    return buffer.getvalue()


def upload(collection, data: bytes, **fields) -> HubImage:
    return HubImage.objects.create(
        title="Ambassador at the Temple of Literature", collection=collection,
        file=ImageFile(io.BytesIO(data), name="temple.jpg"), **fields
    )


def opened(rendition) -> PILImage.Image:
    with rendition.file.open("rb") as file:
        picture = PILImage.open(io.BytesIO(file.read()))
        picture.load()
    return picture


def nearest_band(pixel) -> int:
    return min(range(3), key=lambda index: sum((a - b) ** 2 for a, b in zip(pixel[:3], BANDS[index], strict=True)))


@pytest.mark.django_db
def test_upload_runs_the_task_that_makes_every_named_size_in_every_format(hanoi, django_capture_on_commit_callbacks):
    assert extra_formats() == ("webp", "avif")  # Pillow 13 here writes both; the API promises them
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        image = upload(hanoi.collection, banded_jpeg())
    assert len(callbacks) >= 1
    renditions = {rendition.filter_spec: rendition for rendition in image.renditions.all()}
    assert set(renditions) == set(rendition_specs())
    expected_sizes = {f"width-{width}": (width, round(1200 * width / 2000)) for width in WEB_WIDTHS}
    expected_sizes.update({
        SOCIAL_SIZES["og"]: (1200, 630),
        SOCIAL_SIZES["square"]: (1080, 1080),
        SOCIAL_SIZES["x"]: (1600, 900),
        SOCIAL_SIZES["story"]: (676, 1200),  # 9:16 (Wagtail rounds 675.0 up) cut from a 1200-px-high original: never upscaled
    })
    for spec, rendition in renditions.items():
        size_spec, _, image_format = spec.partition("|format-")
        picture = opened(rendition)
        assert picture.size == expected_sizes[size_spec] == (rendition.width, rendition.height), spec
        assert picture.format == {"": "JPEG", "webp": "WEBP", "avif": "AVIF"}[image_format], spec


@pytest.mark.django_db
def test_renditions_carry_no_gps_or_camera_metadata(hanoi, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = upload(hanoi.collection, banded_jpeg(gps=True))
    with image.open_file() as original:
        assert PILImage.open(original).getexif().get_ifd(GPS_IFD)  # the upload did have a location
    renditions = list(image.renditions.all())
    assert len(renditions) == len(rendition_specs())
    for rendition in renditions:
        picture = opened(rendition)
        exif = picture.getexif()
        assert not exif.get_ifd(GPS_IFD), rendition.filter_spec
        assert 0x010F not in exif, rendition.filter_spec
        assert "exif" not in picture.info and "xmp" not in picture.info, rendition.filter_spec


@pytest.mark.django_db
def test_a_new_focal_point_recuts_the_crops_around_it_and_deletes_the_old_ones(hanoi, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = upload(hanoi.collection, banded_jpeg(gps=False), focal_point_x=1850, focal_point_y=600,
                       focal_point_width=100, focal_point_height=100)
    square = image.renditions.get(filter_spec=SOCIAL_SIZES["square"])
    old_file = square.file.name
    centre = opened(square).convert("RGB").getpixel((540, 540))
    assert nearest_band(centre) == 2  # cut from the right: the blue third in the middle

    with django_capture_on_commit_callbacks(execute=True):
        image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = 120, 600, 100, 100
        image.save()
    renditions = {rendition.filter_spec: rendition for rendition in image.renditions.all()}
    assert set(renditions) == set(rendition_specs())  # one per spec: the old crops are gone
    for spec in (SOCIAL_SIZES["square"], f"{SOCIAL_SIZES['square']}|format-avif", SOCIAL_SIZES["story"]):
        picture = opened(renditions[spec]).convert("RGB")
        middle = (picture.width // 2, picture.height // 2)
        assert nearest_band(picture.getpixel(middle)) == 0, spec  # now around the left focal point: red
        assert nearest_band(picture.getpixel((5, 5))) == 0, spec  # and the crop starts at the left edge
    assert not renditions[SOCIAL_SIZES["square"]].file.storage.exists(old_file)


@pytest.mark.django_db
def test_rendition_urls_stay_the_same_while_file_and_focal_point_do(hanoi, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = upload(hanoi.collection, banded_jpeg(gps=False))
    urls = {rendition.filter_spec: rendition.url for rendition in image.renditions.all()}
    with django_capture_on_commit_callbacks(execute=True):
        image.title = "Renamed, same pixels"
        image.save()
    assert {rendition.filter_spec: rendition.url for rendition in image.renditions.all()} == urls
    fresh = HubImage.objects.get(pk=image.pk)
    assert {spec: rendition.url for spec, rendition in fresh.get_renditions(*rendition_specs()).items()} == urls


@pytest.mark.django_db
def test_a_rolled_back_upload_queues_nothing(hanoi, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        image = upload(hanoi.collection, banded_jpeg(gps=False))
    assert callbacks  # the task waits for the commit
    assert not image.renditions.exists()


def test_an_image_saved_for_renditions_on_demand_queues_nothing(hanoi, django_capture_on_commit_callbacks):
    image = HubImage(
        title="Imported", collection=hanoi.collection, file=ImageFile(io.BytesIO(banded_jpeg(gps=False)), name="a.jpg")
    )
    image.renditions_on_demand = True
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        image.save()
    assert not callbacks and not image.renditions.exists()

    with django_capture_on_commit_callbacks(execute=True):
        image = HubImage.objects.get(pk=image.pk)
        image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = 10, 10, 50, 50
        image.save()
    assert image.renditions.exists(), "a later edit (a new focal point) makes them as usual"


@pytest.mark.django_db
def test_the_api_offers_every_size_in_webp_and_avif_and_makes_nothing(client, hanoi, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = upload(hanoi.collection, banded_jpeg(gps=False))
    content.article(content.section(hanoi), title="Temple visit", hero_image=image)
    made = {rendition.filter_spec: rendition for rendition in image.renditions.all()}

    data = client.get(f"/api/v1/images/{image.pk}/").json()

    assert HubRendition.objects.filter(image=image).count() == len(made)
    og = data["social"]["og"]
    assert og["url"] == f"http://testserver{made[SOCIAL_SIZES['og']].url}"
    assert og["formats"] == {
        fmt: f"http://testserver{made[SOCIAL_SIZES['og'] + '|format-' + fmt].url}" for fmt in ("webp", "avif")
    }
    assert (og["width"], og["height"]) == (1200, 630)
    assert data["srcset_formats"]["avif"].endswith("1600w") and ".avif" in data["srcset_formats"]["avif"]


@pytest.mark.django_db
def test_a_missing_rendition_gets_the_signed_url_which_makes_it_on_first_fetch(client, hanoi):
    image = upload(hanoi.collection, banded_jpeg(gps=False))  # never committed: the task has not run
    content.article(content.section(hanoi), title="Temple visit", hero_image=image)

    data = client.get(f"/api/v1/images/{image.pk}/").json()

    assert not image.renditions.exists()  # the request made none
    story = data["social"]["story"]
    assert (story["width"], story["height"]) == (676, 1200)  # sizes known without the file
    response = client.get(story["formats"]["webp"])
    assert response.status_code == 302
    rendition = image.renditions.get()
    assert rendition.filter_spec == f"{SOCIAL_SIZES['story']}|format-webp"
    assert response["Location"].endswith(rendition.url)


@pytest.mark.django_db
def test_the_backfill_command_makes_what_older_images_lack(hanoi, capsys):
    from django.core.management import call_command

    image = upload(hanoi.collection, banded_jpeg((900, 600), gps=False))  # the task never ran
    call_command("renditions_generate", "--image", str(image.pk))
    assert {rendition.filter_spec for rendition in image.renditions.all()} == set(rendition_specs())
    call_command("renditions_generate", "--image", str(image.pk), "--no-progress")
    assert "0 renditions made" in capsys.readouterr().out
