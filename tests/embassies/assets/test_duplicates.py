"""Near-duplicate detection: the hash is recorded on upload, the editor is warned before finishing (single add form
and multiple uploader) about images they may reuse, and another mission's private image is never revealed."""

import io

from django.core.management import call_command
from django.core.files.uploadedfile import SimpleUploadedFile

from benchmarks.duplicates_bench import near_duplicate_variants, precision_recall
from embassies.assets.duplicates import (
    NEAR_DUPLICATE_MAX_DISTANCE,
    near_duplicates_for,
    perceptual_hash,
    perceptual_hash_of_file,
)
from embassies.factories import photo_like_image
from embassies.models import HubImage

from .builders import encoded, upload, upload_multiple

REUSE_QUESTION = "This looks like “{title}” from {mission} — reuse it?"


def library_image(*, title, collection, seed, **fields) -> HubImage:
    data = encoded(photo_like_image(seed), "JPEG", quality=90)
    return HubImage.objects.create(
        title=title,
        collection=collection,
        file=SimpleUploadedFile(f"{title.lower().replace(' ', '-')}.jpg", data),
        perceptual_hash=perceptual_hash_of_file(io.BytesIO(data)),
        **fields,
    )


def variant_upload(seed, name="from-phone.jpg", variant="resized+JPEG 50+crop 4%"):
    return upload(name, near_duplicate_variants(photo_like_image(seed))[variant], "image/jpeg")


def add_image(client, file, title="Ambassador at the lotus festival", **extra):
    return client.post("/admin/images/add/", {"title": title, "file": file, **extra})


def add_images_multiple(client, file):
    return upload_multiple(client, "images", file)


def test_upload_records_the_perceptual_hash(editor_client):
    picture = photo_like_image(21)

    response = add_image(editor_client, upload("festival.png", encoded(picture, "PNG")))

    assert response.status_code == 302
    assert HubImage.objects.get(title="Ambassador at the lotus festival").perceptual_hash == perceptual_hash(picture)


def test_single_add_warns_before_saving_and_upload_anyway_adds_it(editor_client, staff, hanoi):
    existing = library_image(
        title="Lotus festival", collection=hanoi.collection, seed=22, uploaded_by_user=staff["hanoi_editor"]
    )
    assert 'type="hidden" name="upload_anyway"' in editor_client.get("/admin/images/add/").content.decode()

    warned = add_image(editor_client, variant_upload(22))

    assert warned.status_code == 200
    page = warned.content.decode()
    question = REUSE_QUESTION.format(title="Lotus festival", mission="Embassy in Hanoi")
    assert f'<a href="/admin/images/{existing.pk}/">{question}</a>' in page
    assert 'type="checkbox" name="upload_anyway"' in page
    assert page.index('name="file"') < page.index('name="upload_anyway"') < page.index('name="tags"')
    assert not HubImage.objects.filter(title="Ambassador at the lotus festival").exists()

    confirmed = add_image(editor_client, variant_upload(22), upload_anyway="on")

    assert confirmed.status_code == 302
    assert HubImage.objects.filter(title="Ambassador at the lotus festival").exists()


def test_different_pictures_are_not_flagged(editor_client, hanoi):
    library_image(title="Lotus festival", collection=hanoi.collection, seed=23)

    assert add_image(editor_client, variant_upload(24)).status_code == 302


def test_private_image_of_another_mission_is_never_offered_in_the_add_form(editor_client, staff, paris):
    library_image(title="Paris private reception", collection=paris.collection, seed=25)
    same_picture = perceptual_hash(photo_like_image(25))
    assert [found.image.title for found in near_duplicates_for(perceptual_hash=same_picture, user=staff["paris_editor"])] == [
        "Paris private reception"
    ]
    assert near_duplicates_for(perceptual_hash=same_picture, user=staff["hanoi_editor"]) == []

    response = add_image(editor_client, variant_upload(25))

    assert response.status_code == 302


def test_private_image_of_another_mission_is_never_offered_in_the_multiple_uploader(editor_client, paris):
    library_image(title="Paris private reception", collection=paris.collection, seed=25)

    data = add_images_multiple(editor_client, variant_upload(25))

    assert data["success"] is True and data["duplicate"] is False
    assert "Paris private reception" not in str(data)


def test_image_shared_network_wide_by_another_mission_is_offered(editor_client, paris):
    library_image(title="Eiffel tower at night", collection=paris.collection, seed=26, is_shared=True)

    warned = add_image(editor_client, variant_upload(26))

    assert warned.status_code == 200
    assert REUSE_QUESTION.format(title="Eiffel tower at night", mission="Embassy in Paris") in warned.content.decode()


def test_multiple_uploader_offers_reuse_of_a_near_duplicate(editor_client, staff, hanoi):
    existing = library_image(
        title="Lotus festival", collection=hanoi.collection, seed=27, uploaded_by_user=staff["hanoi_editor"]
    )

    data = add_images_multiple(editor_client, variant_upload(27))

    assert data["success"] is True and data["duplicate"] is True
    box = data["confirm_duplicate_upload"]
    assert REUSE_QUESTION.format(title="Lotus festival", mission="Embassy in Hanoi") in box
    assert f'/admin/images/multiple/{data["image_id"]}/delete/' in box
    assert f"/admin/images/{existing.pk}/" in box


def test_multiple_uploader_still_reports_exact_duplicates(editor_client, hanoi):
    existing = library_image(title="Lotus festival", collection=hanoi.collection, seed=28)
    with existing.file.open("rb") as f:
        same_bytes = f.read()

    data = add_images_multiple(editor_client, upload("copy.jpg", same_bytes, "image/jpeg"))

    assert data["duplicate"] is True and "Lotus festival" in data["confirm_duplicate_upload"]


def test_detector_precision_and_recall_on_generated_variants():
    library = [(seed, perceptual_hash(photo_like_image(seed))) for seed in range(300, 312)]
    queries = [
        (seed, perceptual_hash_of_file(io.BytesIO(data)))
        for seed in range(300, 312)
        for data in near_duplicate_variants(photo_like_image(seed)).values()
    ]
    queries += [(None, perceptual_hash(photo_like_image(seed))) for seed in range(400, 412)]

    precision, recall = precision_recall(library, queries, NEAR_DUPLICATE_MAX_DISTANCE)

    assert precision >= 0.95 and recall >= 0.95


def test_assets_hash_backfills_images_without_a_hash(hanoi, media_root):
    images = [library_image(title=f"Old photo {seed}", collection=hanoi.collection, seed=seed) for seed in (31, 32)]
    expected = {image.pk: image.perceptual_hash for image in images}
    HubImage.objects.filter(pk__in=expected).update(perceptual_hash="")
    missing = HubImage.objects.filter(perceptual_hash="").count()
    output = io.StringIO()

    call_command("assets_hash", "--no-progress", stdout=output)

    assert dict(HubImage.objects.filter(pk__in=expected).values_list("pk", "perceptual_hash")) == expected
    assert f"Hashed {missing} images, 0 unreadable" in output.getvalue()
    assert not HubImage.objects.filter(perceptual_hash="").exists()


def test_upload_held_for_metadata_is_checked_and_hashed_too(client, staff, hanoi, media_root):
    """When another field fails (here: a collection that does not exist), Wagtail keeps the file as an UploadedFile
    and asks for metadata; that upload is checked for near-duplicates, and hashed when it becomes an image."""
    library_image(title="Lotus festival", collection=hanoi.collection, seed=29)
    client.force_login(staff["hq_admin"])

    held = client.post("/admin/images/multiple/add/", {"files[]": variant_upload(29), "collection": "999999"}).json()

    assert "uploaded_file_id" in held and held["duplicate"] is True
    assert REUSE_QUESTION.format(title="Lotus festival", mission="Embassy in Hanoi") in held["confirm_duplicate_upload"]
    prefix = f"uploaded-image-{held['uploaded_file_id']}"
    created = client.post(
        f"/admin/images/multiple/create_from_uploaded_image/{held['uploaded_file_id']}/",
        {f"{prefix}-title": "Festival, second copy", f"{prefix}-collection": hanoi.collection_id},
    ).json()
    assert created["success"] is True, created
    image = HubImage.objects.get(pk=created["image_id"])
    assert near_duplicates_for(perceptual_hash=image.perceptual_hash, user=staff["hq_admin"], exclude_pk=image.pk)
