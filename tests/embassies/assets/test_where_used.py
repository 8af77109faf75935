"""Where an asset is used, over HTTP: network-wide counts on the edit, usage and listing pages without naming other
missions' pages, a delete confirmation that names the pages in use, and the HQ report of assets used against their
rights with its CSV export."""

import datetime

import pytest
from django.utils import timezone

from embassies import factories as content
from embassies.models import HubImage
from embassies.assets.models import AssetLicence


@pytest.fixture
def reused(hanoi, paris):
    """A shared Hanoi image used by a live Hanoi article and by a Paris draft."""
    image = content.image(title="Lotus pond", collection=hanoi.collection, alt_text="A lotus pond", is_shared=True)
    hanoi_page = content.article(content.section(hanoi), title="Lotus season opens", hero_image=image)
    paris_page = content.article(content.section(paris), title="Unannounced Paris visit draft", live=False, hero_image=image)
    return {"image": image, "hanoi_page": hanoi_page, "paris_page": paris_page}


def _body(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_edit_page_counts_every_use_but_names_only_pages_the_editor_may_see(client, staff, reused):
    client.force_login(staff["hanoi_head"])

    body = _body(client.get(f"/admin/images/{reused['image'].pk}/"))

    assert "Used on 2 pages in 2 mission(s)." in body
    assert "Lotus season opens" in body
    assert "Unannounced Paris visit draft" not in body
    assert "and 1 page of other missions" in body


def test_usage_page_of_a_shared_image_hides_other_missions_titles(client, staff, reused):
    client.force_login(staff["paris_editor"])

    body = _body(client.get(f"/admin/images/usage/{reused['image'].pk}/"))

    assert "Used on 2 pages in 2 mission(s)." in body
    assert "Unannounced Paris visit draft" in body
    assert "Lotus season opens" not in body


def test_hq_admin_sees_every_page_using_the_image(client, staff, reused):
    client.force_login(staff["hq_admin"])
    body = _body(client.get(f"/admin/images/usage/{reused['image'].pk}/"))
    assert "Lotus season opens" in body and "Unannounced Paris visit draft" in body


def test_listing_shows_reuse_counts(client, staff, reused):
    client.force_login(staff["hanoi_head"])
    body = _body(client.get("/admin/images/?layout=list&q=Lotus"))
    assert "Lotus pond" in body and "2 pages · 2 missions" in body


def test_deleting_an_image_in_use_needs_confirmation_naming_the_pages(client, staff, reused):
    image = reused["image"]
    client.force_login(staff["hanoi_head"])

    confirm = _body(client.get(f"/admin/images/{image.pk}/delete/"))
    assert "This asset is in use" in confirm and "Lotus season opens" in confirm
    assert "Unannounced Paris visit draft" not in confirm

    refused = client.post(f"/admin/images/{image.pk}/delete/")
    assert refused.status_code == 200 and "This field is required" in refused.content.decode()
    assert HubImage.objects.filter(pk=image.pk).exists()

    deleted = client.post(f"/admin/images/{image.pk}/delete/", {"confirm_in_use": "on"})
    assert deleted.status_code == 302
    assert not HubImage.objects.filter(pk=image.pk).exists()


def test_unused_image_deletes_without_the_extra_tick(client, staff, hanoi):
    image = content.image(title="Unused sketch", collection=hanoi.collection)
    client.force_login(staff["hanoi_head"])
    assert client.post(f"/admin/images/{image.pk}/delete/").status_code == 302
    assert not HubImage.objects.filter(pk=image.pk).exists()


@pytest.fixture
def flagged(reused, hanoi):
    expired_on = timezone.localdate() - datetime.timedelta(days=3)
    HubImage.objects.filter(pk=reused["image"].pk).update(usage_rights_expire_at=expired_on)
    restricted = content.image(title="Agency portrait", collection=hanoi.collection, licence=AssetLicence.RESTRICTED)
    content.article(content.section(hanoi), title="Own use of agency portrait", hero_image=restricted)
    return {"expired_on": expired_on}


def test_hq_report_lists_assets_used_against_their_rights_across_missions(client, staff, flagged):
    client.force_login(staff["hq_admin"])

    body = _body(client.get("/admin/reports/assets-in-use/"))

    assert "Lotus pond" in body and f"usage rights expired on {flagged['expired_on'].isoformat()}" in body
    assert "Lotus season opens" in body and "Unannounced Paris visit draft" in body
    assert "Embassy in Hanoi; Embassy in Paris" in body
    assert "Agency portrait" not in body, "a restricted asset used by its own mission is fine"

    export = client.get("/admin/reports/assets-in-use/?export=csv")
    assert export.status_code == 200
    csv_text = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    assert csv_text.splitlines()[0].startswith("Asset,Type,Source mission,Problem")
    assert "Lotus pond" in csv_text and "Embassy in Hanoi" in csv_text


def test_mission_staff_see_only_their_missions_pages_in_the_report(client, staff, flagged):
    client.force_login(staff["hanoi_editor"])

    body = _body(client.get("/admin/reports/assets-in-use/"))

    assert "Lotus season opens" in body
    assert "Unannounced Paris visit draft" not in body
