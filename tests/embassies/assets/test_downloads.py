"""Document files and image originals over HTTP: who gets which file, in every state of the pages using it."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from wagtail.models import PageViewRestriction

from embassies import factories as content
from embassies.models import ArticlePage


def _linking(section, document, *, title, live=True):
    return content.article(
        section, title=title, live=live,
        body=[("document", {"document": document, "title": "", "description": ""})],
    )


@pytest.fixture
def documents(hanoi):
    """Hanoi's documents: one linked from a public page, and one for each way a document stays private."""
    news = content.section(hanoi)
    made = {name: content.document(title=f"Hanoi {name}", collection=hanoi.collection) for name in (
        "public", "unused", "draft only", "login only", "expired only", "scheduled only", "shared unused",
    )}
    made["shared unused"].is_shared = True
    made["shared unused"].save()
    _linking(news, made["public"], title="Visa rules change")
    _linking(news, made["draft only"], title="Draft with a memo", live=False)
    restricted = _linking(news, made["login only"], title="Staff page")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    expired = _linking(news, made["expired only"], title="Old notice")
    ArticlePage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    scheduled = _linking(news, made["scheduled only"], title="Embargoed release", live=False)
    scheduled.go_live_at = timezone.now() + timedelta(days=1)
    scheduled.save_revision().publish()
    return made


PRIVATE_STATES = ["unused", "draft only", "login only", "expired only", "scheduled only", "shared unused"]


def test_a_document_linked_from_a_public_page_downloads_for_anyone_and_may_be_cached(client, documents):
    response = client.get(documents["public"].url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Visa application checklist"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]


@pytest.mark.parametrize("state", PRIVATE_STATES)
@pytest.mark.parametrize("visitor", ["anonymous", "paris_editor", "europe_reviewer"])
def test_a_private_document_is_404_to_the_public_and_to_other_missions(client, staff, documents, state, visitor):
    if visitor != "anonymous":
        client.force_login(staff[visitor])
    document = documents[state]
    if state == "shared unused" and visitor != "anonymous":
        assert client.get(document.url).status_code == 200  # shared: every mission's staff may reuse it
        return
    response = client.get(document.url)
    assert response.status_code == 404
    assert b"Visa application checklist" not in response.content


@pytest.mark.parametrize("state", PRIVATE_STATES)
@pytest.mark.parametrize("username", ["hanoi_editor", "hanoi_head", "asia_reviewer", "hq_admin"])
def test_staff_who_may_see_the_collection_download_private_documents_never_cached(client, staff, documents, state, username):
    client.force_login(staff[username])
    response = client.get(documents[state].url)
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert "Cookie" in response["Vary"]
    assert response["Content-Disposition"].startswith("attachment")


def test_a_wrong_filename_is_404_even_for_a_public_document(client, documents):
    document = documents["public"]
    assert client.get(f"/documents/{document.pk}/other-name.txt").status_code == 404


def test_originals_are_kept_outside_the_public_media_root_and_renditions_in_unguessable_folders(hanoi):
    media_root = Path(settings.MEDIA_ROOT).resolve()
    image = content.image(title="Ambassador at the ministry", collection=hanoi.collection)
    document = content.document(title="Press kit", collection=hanoi.collection)
    for original in (image.file, document.file):
        path = Path(original.path).resolve()
        assert path.is_file()
        assert not path.is_relative_to(media_root), f"{path} is under the public media root"

    rendition = image.get_rendition("max-320x200")
    rendition_path = Path(rendition.file.path).resolve()
    assert rendition_path.is_relative_to(media_root)
    folder = rendition_path.parent.name
    assert rendition_path.parent.parent.name == "images" and len(folder) == 20
    other = content.image(title="Another view", collection=hanoi.collection)
    assert Path(other.get_rendition("max-320x200").file.path).parent.name != folder
    assert rendition.url.startswith(settings.MEDIA_URL) and folder in rendition.url
