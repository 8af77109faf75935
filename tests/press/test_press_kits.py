"""Press kits: the ZIP's contents (text, images original and web size, documents, manifest and credits), built
in the background when a release is scheduled under embargo or published, and who may download it: anyone for a
public page, only the journalists an embargoed release is addressed to (not another mission's), on site and API."""

import io
import json
import zipfile

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from embassies import factories as content
from press import factories
from press.models import PressKit
from press.services import journalist_token_issue

from .conftest import EMBARGO_SECRET, embargoed_release

pytestmark = pytest.mark.django_db


@pytest.fixture
def kit_release(hanoi, django_capture_on_commit_callbacks):
    """Hanoi's embargoed release with a hero image and a document; its kit is built when it is scheduled."""
    photo = content.image(title="Signing ceremony", collection=hanoi.collection, credit="Photo: Embassy in Hanoi",
                          alt_text="Two ministers sign the agreement", licence="cc-by")
    annex = content.document(title="Agreement annex", collection=hanoi.collection, credit="Ministry of Trade")
    body = [("rich_text", "<p>Text under embargo</p>"), ("document", {"document": annex, "description": ""})]
    with django_capture_on_commit_callbacks(execute=True):
        page = embargoed_release(hanoi, title=f"{EMBARGO_SECRET} kit release", hero_image=photo, body=body)
    return page, photo, annex


def _zip(response) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def _site(journalist=None) -> Client:
    client = Client()
    if journalist is not None:
        client.force_login(journalist.user)
    return client


def test_the_kit_holds_text_images_in_two_sizes_documents_and_credits(kit_release, embargo_journalists):
    page, photo, annex = kit_release
    response = _site(embargo_journalists["hanoi"]).get(f"/en/press/kits/{page.pk}.zip")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    archive = _zip(response)
    names = archive.namelist()
    assert {"release.txt", "release.html", "manifest.json", "CREDITS.txt"} <= set(names)
    assert "Text under embargo" in archive.read("release.txt").decode()
    assert "<p>Text under embargo</p>" in archive.read("release.html").decode()
    manifest = json.loads(archive.read("manifest.json"))
    kinds = {entry["kind"]: entry for entry in manifest["files"]}
    assert set(kinds) == {"image, original", "image, web size", "document"}
    original, web = kinds["image, original"], kinds["image, web size"]
    assert original["file"].startswith("images/original/") and web["file"].startswith("images/web/")
    assert (original["credit"], original["licence_code"], original["alt_text"]) == (
        "Photo: Embassy in Hanoi", "cc-by", "Two ministers sign the agreement"
    )
    with photo.open_file() as handle:
        assert archive.read(original["file"]) == handle.read()
    assert kinds["document"]["credit"] == "Ministry of Trade" and archive.read(kinds["document"]["file"])
    assert manifest["embargoed_until"] and manifest["revision_id"] == PressKit.objects.get().revision_id
    credits = archive.read("CREDITS.txt").decode()
    assert "EMBARGOED until" in credits and "Photo: Embassy in Hanoi" in credits and "CC BY 4.0" in credits
    assert "Two ministers sign the agreement" in credits
    detail = _site(embargo_journalists["hanoi"]).get(f"/en/press/releases/{page.pk}/").content.decode()
    assert f"/en/press/kits/{page.pk}.zip" in detail


@pytest.mark.parametrize("who", [None, "paris", "pending", "expired", "rejected", "unverified"])
def test_an_embargoed_kit_is_a_404_for_anyone_it_is_not_addressed_to(kit_release, embargo_journalists, who):
    page, _photo, _annex = kit_release
    journalist = embargo_journalists[who] if who else None
    assert _site(journalist).get(f"/en/press/kits/{page.pk}.zip").status_code == 404
    headers = {}
    if journalist is not None and who == "paris":
        headers["HTTP_AUTHORIZATION"] = f"Journalist-Token {journalist_token_issue(journalist=journalist, name='t').token}"
    assert Client().get(f"/api/v1/press/kits/{page.pk}/", **headers).status_code == 404


def test_the_api_serves_the_embargoed_kit_to_an_addressed_journalists_token(kit_release, embargo_journalists):
    page, _photo, _annex = kit_release
    token = journalist_token_issue(journalist=embargo_journalists["hanoi"], name="newsroom").token
    response = Client().get(f"/api/v1/press/kits/{page.pk}/", HTTP_AUTHORIZATION=f"Journalist-Token {token}")
    assert response.status_code == 200 and "manifest.json" in _zip(response).namelist()
    assert "no-store" in response["Cache-Control"]


def test_once_published_the_kit_is_rebuilt_from_the_live_revision_and_public(kit_release, django_capture_on_commit_callbacks):
    page, _photo, _annex = kit_release
    embargoed_kit = PressKit.objects.get()
    with time_machine.travel(page.go_live_at + timedelta(seconds=20), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("publish_scheduled")  # what the publish worker does at the moment
        page.refresh_from_db()
        _check_public_kit(page, embargoed_kit, django_capture_on_commit_callbacks)


def _check_public_kit(page, embargoed_kit, django_capture_on_commit_callbacks):
    kit = PressKit.objects.get()
    assert page.live and kit.embargoed_until is None and kit.revision_id == page.live_revision_id
    assert kit.file.name != embargoed_kit.file.name
    response = Client().get(f"/en/press/kits/{page.pk}.zip")
    assert response.status_code == 200
    assert json.loads(_zip(response).read("manifest.json"))["embargoed_until"] is None
    assert Client().get(f"/api/v1/press/kits/{page.pk}/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert not PressKit.objects.exists()
    assert Client().get(f"/en/press/kits/{page.pk}.zip").status_code == 404


def test_a_kit_of_nothing_is_a_404_not_a_500():
    assert Client().get("/en/press/kits/999999.zip").status_code == 404
    assert Client().get(f"/api/v1/press/kits/{2**40}/").status_code == 404


def test_a_published_briefings_kit_holds_its_transcript_and_assets_and_downloads_on_site_and_api(
    paris, django_capture_on_commit_callbacks
):
    photo = content.image(title="Press room", collection=paris.collection, credit="Photo: Embassy in Paris",
                          alt_text="The spokesperson at the lectern", licence="cc-by")
    recording = content.document(title="Briefing recording", collection=paris.collection, credit="Embassy in Paris")
    exchange = {"question": "Will the summit move?", "journalist": "Lena Weber", "outlet": "Hanoi Wire Service",
                "answer": "<p>No, it stays in Paris.</p>", "spokesperson": "Claire Dubois"}
    with django_capture_on_commit_callbacks(execute=True):
        page = factories.briefing(
            factories.briefings_section(paris, "en"), title="Press conference on the summit", hero_image=photo,
            recording_document=recording, transcript=[("exchange", exchange)], spokesperson="Claire Dubois",
        )
    kit = PressKit.objects.get(page=page)
    assert kit.embargoed_until is None and kit.revision_id == page.live_revision_id

    response = Client().get(f"/en/press/kits/{page.pk}.zip")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = _zip(response)
    text = archive.read("release.txt").decode()
    assert "Q (Lena Weber, Hanoi Wire Service): Will the summit move?" in text
    assert "A (Claire Dubois): No, it stays in Paris." in text
    assert "Will the summit move?" in archive.read("release.html").decode()
    manifest = json.loads(archive.read("manifest.json"))
    titles = {(entry["kind"], entry["title"]) for entry in manifest["files"]}
    assert {("image, original", "Press room"), ("image, web size", "Press room"), ("document", "Briefing recording")} <= titles
    assert "Photo: Embassy in Paris" in archive.read("CREDITS.txt").decode()
    from_api = Client().get(f"/api/v1/press/kits/{page.pk}/")
    assert from_api.status_code == 200 and _zip(from_api).read("release.txt").decode() == text
