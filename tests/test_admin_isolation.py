"""Mission isolation in the Wagtail admin, proven over HTTP: role × action × object.

Each mission has an unpublished article, an image and a document. Staff reach their own
mission's (or, for HQ reviewers, their region's) and nothing else: every other combination must
be refused (redirect, 403 or 404) or, for listings, searches and choosers, must not mention it.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from embassies import factories as content
from embassies.models import HubImage

PAGE_ACTIONS = {
    "edit": "/admin/pages/{page}/edit/",
    "view_draft": "/admin/pages/{page}/view_draft/",
    "preview": "/admin/pages/{page}/edit/preview/?mode=",
    "copy": "/admin/pages/{page}/copy/",
    "move": "/admin/pages/{page}/move/",
    "delete": "/admin/pages/{page}/delete/",
    "history": "/admin/pages/{page}/history/",
    "revisions_compare": "/admin/pages/{page}/revisions/compare/earliest...latest/",
    "usage": "/admin/pages/{page}/usage/",
    "admin_api_detail": "/admin/api/main/pages/{page}/",
    "explore_section": "/admin/pages/{section}/",
    "explore_section_results": "/admin/pages/{section}/results/",
    "page_chooser_browse": "/admin/choose-page/{section}/",
}
PAGE_LISTINGS = {
    "admin_search": "/admin/pages/search/?q={word}",
    "page_chooser_search": "/admin/choose-page/search/?q={word}",
    "admin_api_children": "/admin/api/main/pages/?child_of={section}&for_explorer=1",
}
ASSET_ACTIONS = {
    "image_edit": "/admin/images/{image}/",
    "image_delete": "/admin/images/{image}/delete/",
    "image_usage": "/admin/images/usage/{image}/",
    "document_edit": "/admin/documents/edit/{document}/",
    "document_delete": "/admin/documents/delete/{document}/",
    "document_usage": "/admin/documents/usage/{document}/",
}
ASSET_LISTINGS = {
    "image_index": "/admin/images/?q={word}",
    "image_chooser": "/admin/images/chooser/?q={word}",
    "image_upload_form": "/admin/images/multiple/add/",
    "document_index": "/admin/documents/?q={word}",
    "document_chooser": "/admin/documents/chooser/?q={word}",
    "document_upload_form": "/admin/documents/multiple/add/",
    "collections": "/admin/collections/",
}

# Who may reach which mission's material.
REACH = {
    "hanoi_editor": {"hanoi"},
    "hanoi_head": {"hanoi"},
    "paris_editor": {"paris"},
    "asia_reviewer": {"hanoi"},
    "europe_reviewer": {"paris"},
    "hq_admin": {"hanoi", "paris"},
}
MISSION_STAFF = {"hanoi_editor", "hanoi_head", "paris_editor"}


@pytest.fixture
def material(hanoi, paris):
    """Per mission: a draft article (with a secret word in its title), its section, an image, a document."""
    made = {}
    for mission in (hanoi, paris):
        word = f"Confidential{mission.slug.title()}"
        section = content.section(mission)
        made[mission.slug] = {
            "word": word,
            "section": section,
            "page": content.article(section, title=f"{word} draft statement", live=False),
            "image": content.image(title=f"{word} photo", collection=mission.collection),
            "document": content.document(title=f"{word} briefing note", collection=mission.collection),
        }
    return made


def _urls(templates, item):
    ids = {
        "page": item["page"].pk,
        "section": item["section"].pk,
        "image": item["image"].pk,
        "document": item["document"].pk,
        "word": item["word"],
    }
    return {name: template.format(**ids) for name, template in templates.items()}


def _refused(response) -> bool:
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and "/login/" not in response["Location"] and "/admin/" in response["Location"]


def _mentions(response, word: str) -> bool:
    return word in response.content.decode("utf-8", errors="replace")


OUT_OF_REACH = [
    (username, mission_slug)
    for username, reach in sorted(REACH.items())
    for mission_slug in ("hanoi", "paris")
    if mission_slug not in reach
]


@pytest.mark.parametrize(("username", "mission_slug"), OUT_OF_REACH)
def test_staff_cannot_act_on_pages_or_assets_outside_their_reach(client, staff, material, username, mission_slug):
    item = material[mission_slug]
    client.force_login(staff[username])

    for name, url in {**_urls(PAGE_ACTIONS, item), **_urls(ASSET_ACTIONS, item)}.items():
        response = client.get(url)
        assert _refused(response), f"{username} reached {name} of {mission_slug}: {url} → {response.status_code}"
        assert not (response.status_code == 200 and _mentions(response, item["word"]))

    for name, url in {**_urls(PAGE_LISTINGS, item), **_urls(ASSET_LISTINGS, item)}.items():
        response = client.get(url)
        assert response.status_code < 500, f"{name} failed: {url}"
        body = response.content.decode("utf-8", errors="replace")
        for secret in (item["page"].title, item["image"].title, item["document"].title):
            assert secret not in body, f"{username} saw '{secret}' in {name}: {url}"


def test_uploads_land_in_own_collection_even_when_another_is_asked_for(client, staff, material, hanoi, paris):
    client.force_login(staff["hanoi_editor"])
    for url in ("/admin/images/multiple/add/", "/admin/documents/multiple/add/"):
        assert "Embassy in Paris" not in client.get(url).content.decode()
    upload = SimpleUploadedFile("harbour.png", content.png_bytes(), content_type="image/png")
    response = client.post(
        "/admin/images/add/", {"title": "Harbour at dawn", "file": upload, "collection": paris.collection_id}
    )
    assert response.status_code in (200, 302)
    assert not HubImage.objects.filter(title="Harbour at dawn", collection=paris.collection).exists()


@pytest.mark.parametrize("username", ["hanoi_editor", "hanoi_head", "asia_reviewer", "hq_admin"])
def test_staff_can_work_on_pages_within_reach(client, staff, material, username):
    item = material["hanoi"]
    client.force_login(staff[username])
    for name in ("edit", "view_draft", "history", "admin_api_detail"):
        url = _urls(PAGE_ACTIONS, item)[name]
        response = client.get(url)
        assert response.status_code == 200, f"{username} refused {name}: {url} → {response.status_code}"
    for name in ("explore_section", "admin_search", "page_chooser_search", "page_chooser_browse"):
        url = {**_urls(PAGE_ACTIONS, item), **_urls(PAGE_LISTINGS, item)}[name]
        response = client.get(url)
        assert response.status_code == 200 and _mentions(response, item["page"].title), f"{username}: {name}"


@pytest.mark.parametrize("username", ["hanoi_editor", "hanoi_head", "asia_reviewer", "hq_admin"])
def test_staff_can_choose_assets_within_reach(client, staff, material, username):
    item = material["hanoi"]
    client.force_login(staff[username])
    for name in ("image_chooser", "document_chooser"):
        response = client.get(_urls(ASSET_LISTINGS, item)[name])
        assert response.status_code == 200 and _mentions(response, item["word"]), f"{username}: {name}"


def _publish_form(page):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "kind": "news",
            "summary": "Updated standfirst.",
            "body": streamfield([]),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )


@pytest.mark.parametrize(("username", "publishes"), [("hanoi_editor", False), ("hanoi_head", False), ("hq_admin", True)])
def test_only_hq_administrators_publish_directly(client, staff, material, username, publishes):
    page = material["hanoi"]["page"]
    client.force_login(staff[username])
    edit_form = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert ('name="action-publish"' in edit_form) is publishes
    response = client.post(f"/admin/pages/{page.pk}/edit/", _publish_form(page))
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert page.live is publishes


def test_mission_editor_cannot_add_pages_under_another_mission(client, staff, material):
    client.force_login(staff["hanoi_editor"])
    paris_section = material["paris"]["section"]
    response = client.get(f"/admin/pages/add/embassies/articlepage/{paris_section.pk}/")
    assert _refused(response)
    own_section = material["hanoi"]["section"]
    assert client.get(f"/admin/pages/add/embassies/articlepage/{own_section.pk}/").status_code == 200


@pytest.mark.parametrize("action", ["delete", "move", "publish", "unpublish"])
def test_bulk_action_confirmation_lists_only_pages_within_reach(client, staff, material, action):
    own, other = material["hanoi"], material["paris"]
    client.force_login(staff["hanoi_head"])
    response = client.get(f"/admin/bulk/wagtailcore/page/{action}/?id={own['page'].pk}&id={other['page'].pk}")
    assert response.status_code == 200
    body = response.content.decode()
    assert own["page"].title in body
    assert other["page"].title not in body and other["word"] not in body


def test_bulk_action_with_ids_that_are_not_numbers_is_not_a_server_error(client, staff, material):
    client.force_login(staff["hanoi_head"])
    response = client.get(f"/admin/bulk/wagtailcore/page/delete/?id=abc&id={material['hanoi']['page'].pk}")
    assert response.status_code == 200
    assert material["hanoi"]["page"].title in response.content.decode()


def test_bulk_select_all_under_another_missions_section_is_404(client, staff, material):
    client.force_login(staff["hanoi_editor"])
    response = client.get(f"/admin/bulk/wagtailcore/page/delete/?id=all&childOf={material['paris']['section'].pk}")
    assert response.status_code == 404


def test_move_confirmation_for_another_missions_page_is_404(client, staff, material):
    client.force_login(staff["hanoi_head"])
    destination = material["hanoi"]["section"].pk
    response = client.get(f"/admin/pages/{material['paris']['page'].pk}/move/{destination}/confirm/")
    assert response.status_code == 404
    assert material["paris"]["word"] not in response.content.decode()


def test_page_chooser_browse_needs_a_signed_in_admin_user(client, material):
    response = client.get(f"/admin/choose-page/{material['paris']['section'].pk}/")
    assert response.status_code == 302 and "/login/" in response["Location"]
