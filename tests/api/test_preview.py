"""Draft previews: links made in the admin by staff who may edit the page, read by a consumer's key."""

import time
from unittest import mock

import pytest
from wagtail.models import PageLogEntry

from api import factories
from api.preview.services import preview_token_create
from embassies import factories as content

PREVIEW = "/api/v1/preview/{token}/"


@pytest.fixture
def draft_article(hanoi):
    """A live article with newer, unpublished changes."""
    article = content.article(content.section(hanoi), title="Giờ làm việc lãnh sự", summary="Live standfirst.")
    article.title = "Giờ làm việc lãnh sự dịp Tết (draft)"
    article.summary = "Draft standfirst, not yet approved."
    article.save_revision()
    return article


@pytest.fixture
def hanoi_key(hanoi):
    site = factories.consumer("Hanoi site", missions=[hanoi], preview_url="https://vn.example.org/preview?token={token}")
    return factories.api_key(site).key


def _auth(key: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Api-Key {key}"}


def _link_page(article) -> str:
    return f"/admin/api/preview-link/{article.pk}/"


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["hanoi_editor", "hq_admin"])
def test_staff_who_can_edit_create_a_preview_link_in_the_admin(client, staff, draft_article, hanoi_key, username):
    client.force_login(staff[username])
    edit_page = client.get(f"/admin/pages/{draft_article.pk}/edit/").content.decode()
    assert "Preview link for embassy site" in edit_page and _link_page(draft_article) in edit_page
    assert client.get(_link_page(draft_article)).status_code == 200

    response = client.post(_link_page(draft_article))

    assert response.status_code == 200
    token = response.context["preview"].token
    page_html = response.content.decode()
    assert f"https://vn.example.org/preview?token={token}" in page_html
    assert f"http://testserver/api/v1/preview/{token}/" in page_html
    log = PageLogEntry.objects.filter(page=draft_article, action="api.preview_link").get()
    assert log.user == staff[username]

    api = client.__class__()
    preview = api.get(PREVIEW.format(token=token), **_auth(hanoi_key))
    assert preview.status_code == 200
    assert preview.json()["title"] == "Giờ làm việc lãnh sự dịp Tết (draft)"


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["paris_editor", "europe_reviewer"])
def test_staff_of_other_missions_cannot_share_the_draft(client, staff, draft_article, username):
    client.force_login(staff[username])

    assert client.get(_link_page(draft_article)).status_code in (302, 403, 404)
    assert client.post(_link_page(draft_article)).status_code in (302, 403, 404)
    assert not PageLogEntry.objects.filter(page=draft_article, action="api.preview_link").exists()


@pytest.mark.django_db
def test_a_preview_shows_the_draft_in_the_page_detail_shape_and_is_never_cached(client, staff, draft_article, hanoi_key):
    preview = preview_token_create(page=draft_article, user=staff["hanoi_editor"])

    response = client.get(PREVIEW.format(token=preview.token), **_auth(hanoi_key))

    assert response.status_code == 200
    data = response.json()
    assert data["id"] == draft_article.pk and data["mission"] == "hanoi" and data["locale"] == "vi"
    assert data["summary"] == "Draft standfirst, not yet approved."
    assert data["preview"]["revision_id"] == preview.revision_id
    assert {"body", "alternates", "share_texts"} <= set(data)
    assert "no-store" in response["Cache-Control"]
    public = client.get(f"/api/v1/pages/{draft_article.pk}/").json()
    assert public["title"] == "Giờ làm việc lãnh sự"
    assert set(public) <= set(data)


@pytest.mark.django_db
def test_a_token_shows_the_revision_it_was_made_for_not_later_edits(client, staff, draft_article, hanoi_key):
    preview = preview_token_create(page=draft_article, user=staff["hanoi_editor"])
    draft_article.title = "A later edit"
    draft_article.save_revision()

    response = client.get(PREVIEW.format(token=preview.token), **_auth(hanoi_key))

    assert response.json()["title"] == "Giờ làm việc lãnh sự dịp Tết (draft)"


@pytest.mark.django_db
def test_a_never_published_page_can_be_previewed(client, staff, hanoi, hanoi_key):
    draft = content.article(content.section(hanoi), title="Sắp ra mắt", live=False)

    response = client.get(PREVIEW.format(token=preview_token_create(page=draft, user=staff["hq_admin"]).token), **_auth(hanoi_key))

    assert response.status_code == 200
    assert response.json()["title"] == "Sắp ra mắt"


@pytest.mark.django_db
def test_an_expired_token_is_a_404_without_the_draft(client, staff, draft_article, hanoi_key):
    thirty_one_minutes_ago = time.time() - 31 * 60
    with mock.patch("django.core.signing.time.time", return_value=thirty_one_minutes_ago):
        preview = preview_token_create(page=draft_article, user=staff["hanoi_editor"])

    response = client.get(PREVIEW.format(token=preview.token), **_auth(hanoi_key))

    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "message": "This preview link is invalid or has expired.", "details": {}}


@pytest.mark.django_db
def test_a_tampered_token_is_a_404_without_the_draft(client, staff, draft_article, paris, hanoi_key):
    token = preview_token_create(page=draft_article, user=staff["hanoi_editor"]).token
    payload, timestamp, signature = token.rsplit(":", 2)
    forged = [
        f"{payload}:{timestamp}:{signature[:-2]}xx",
        f"{payload}x:{timestamp}:{signature}",
        "not-a-token",
    ]

    for candidate in forged:
        response = client.get(PREVIEW.format(token=candidate), **_auth(hanoi_key))
        assert response.status_code == 404
        assert "draft" not in response.content.decode().lower()


@pytest.mark.django_db
def test_a_preview_needs_a_key_covering_the_pages_mission(client, staff, draft_article, paris):
    token = preview_token_create(page=draft_article, user=staff["hanoi_editor"]).token
    paris_key = factories.api_key(factories.consumer("Paris site", missions=[paris])).key

    anonymous = client.get(PREVIEW.format(token=token))
    other_mission = client.get(PREVIEW.format(token=token), **_auth(paris_key))

    assert anonymous.status_code == 401
    assert anonymous.json()["code"] == "not_authenticated"
    assert other_mission.status_code == 403
    assert other_mission.json()["code"] == "permission_denied"
    assert "draft" not in other_mission.content.decode().lower()


@pytest.mark.django_db
def test_a_deleted_page_cannot_be_previewed(client, staff, draft_article, hanoi_key):
    token = preview_token_create(page=draft_article, user=staff["hanoi_editor"]).token
    draft_article.delete()

    assert client.get(PREVIEW.format(token=token), **_auth(hanoi_key)).status_code == 404
