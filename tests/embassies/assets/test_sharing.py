"""Sharing across missions in the admin, over HTTP: a mission's private assets stay invisible to other missions
everywhere (listing, edit, chooser, usage, delete); shared ones can be found and chosen but not edited or deleted."""

import pytest

from embassies.assets.selectors import documents_choosable_by, images_choosable_by

IMAGE_URLS = {
    "edit": "/admin/images/{pk}/",
    "delete": "/admin/images/{pk}/delete/",
    "usage": "/admin/images/usage/{pk}/",
    "chosen": "/admin/images/chooser/chosen/{pk}/",
}
DOCUMENT_URLS = {
    "edit": "/admin/documents/edit/{pk}/",
    "delete": "/admin/documents/delete/{pk}/",
    "usage": "/admin/documents/usage/{pk}/",
    "chosen": "/admin/documents/chooser/chosen/{pk}/",
}
LISTINGS = [
    "/admin/images/?q={word}",
    "/admin/images/?q={word}&layout=list",
    "/admin/images/chooser/results/?q={word}",
    "/admin/documents/?q={word}",
    "/admin/documents/chooser/results/?q={word}",
]


def _body(response) -> str:
    return response.content.decode("utf-8", errors="replace")


def _refused(response) -> bool:
    """Wagtail answers a permission refusal with 403 or a redirect to the dashboard carrying an error message."""
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and response["Location"] == "/admin/"


@pytest.mark.parametrize("username", ["paris_editor", "hanoi_editor"])
def test_private_assets_of_another_mission_are_invisible_everywhere(client, staff, assets, username):
    other = "hanoi" if username == "paris_editor" else "paris"
    image, document = assets[other]["private_image"], assets[other]["private_document"]
    client.force_login(staff[username])

    for urls, asset in ((IMAGE_URLS, image), (DOCUMENT_URLS, document)):
        for action, template in urls.items():
            response = client.get(template.format(pk=asset.pk))
            assert _refused(response), f"{username} reached {action} of {asset.title}"
            assert asset.title not in _body(response)
        assert _refused(client.post(urls["delete"].format(pk=asset.pk), {"confirm_in_use": "on"}))
    assert type(image).objects.filter(pk=image.pk).exists() and type(document).objects.filter(pk=document.pk).exists()

    for template in LISTINGS:
        body = _body(client.get(template.format(word=f"Private{other.title()}")))
        assert image.title not in body and document.title not in body, template


def test_shared_assets_of_another_mission_can_be_found_and_chosen(client, staff, assets):
    image, document = assets["hanoi"]["shared_image"], assets["hanoi"]["shared_document"]
    client.force_login(staff["paris_editor"])

    assert image.title in _body(client.get("/admin/images/chooser/results/?q=SharedHanoi"))
    assert document.title in _body(client.get("/admin/documents/chooser/results/?q=SharedHanoi"))
    assert image.title in _body(client.get("/admin/images/?q=SharedHanoi"))
    assert document.title in _body(client.get("/admin/documents/?q=SharedHanoi"))
    chosen = client.get(IMAGE_URLS["chosen"].format(pk=image.pk))
    assert chosen.status_code == 200 and str(image.pk) in _body(chosen)
    assert client.get(DOCUMENT_URLS["chosen"].format(pk=document.pk)).status_code == 200
    usage = client.get(IMAGE_URLS["usage"].format(pk=image.pk))
    assert usage.status_code == 200 and "data-where-used" in _body(usage)


def test_shared_assets_of_another_mission_cannot_be_edited_or_deleted(client, staff, assets):
    image, document = assets["hanoi"]["shared_image"], assets["hanoi"]["shared_document"]
    client.force_login(staff["paris_editor"])

    edit = client.get(IMAGE_URLS["edit"].format(pk=image.pk))
    assert edit.status_code == 302 and edit["Location"] == IMAGE_URLS["usage"].format(pk=image.pk)
    assert _refused(client.post(IMAGE_URLS["edit"].format(pk=image.pk), {"title": "Renamed by Paris"}))
    assert _refused(client.post(DOCUMENT_URLS["edit"].format(pk=document.pk), {"title": "Renamed by Paris"}))
    for urls, asset in ((IMAGE_URLS, image), (DOCUMENT_URLS, document)):
        assert _refused(client.get(urls["delete"].format(pk=asset.pk)))
        assert _refused(client.post(urls["delete"].format(pk=asset.pk), {"confirm_in_use": "on"}))
    image.refresh_from_db()
    assert image.title == "SharedHanoi photo"
    assert type(document).objects.filter(pk=document.pk).exists()


def test_mission_head_edits_own_shared_image_and_hq_admin_reaches_everything(client, staff, assets):
    image = assets["hanoi"]["shared_image"]
    client.force_login(staff["hanoi_head"])
    assert client.get(IMAGE_URLS["edit"].format(pk=image.pk)).status_code == 200
    client.force_login(staff["hq_admin"])
    for asset in (assets["hanoi"]["private_image"], assets["paris"]["private_image"]):
        assert client.get(IMAGE_URLS["edit"].format(pk=asset.pk)).status_code == 200


def test_choosable_selectors_give_own_mission_plus_shared(staff, assets):
    paris_images = set(images_choosable_by(user=staff["paris_editor"]).values_list("title", flat=True))
    assert {"PrivateParis photo", "SharedParis photo", "SharedHanoi photo"} <= paris_images
    assert "PrivateHanoi photo" not in paris_images
    paris_documents = set(documents_choosable_by(user=staff["paris_editor"]).values_list("title", flat=True))
    assert "SharedHanoi note" in paris_documents and "PrivateHanoi note" not in paris_documents
    assert images_choosable_by(user=staff["hq_admin"]).filter(title="PrivateHanoi photo").exists()
