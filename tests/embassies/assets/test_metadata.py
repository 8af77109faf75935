"""The image and document edit forms over HTTP: per-language wording as one row per content language, the library's
metadata fields, video links limited to YouTube and Facebook, and the source mission taken from the collection."""

import pytest
from django.conf import settings

from embassies import factories as content
from embassies.models import HubDocument, HubImage
from embassies.assets.models import AssetKind


def image_form(image, **fields) -> dict:
    data = {
        "title": image.title,
        "collection": image.collection_id,
        "tags": "",
        "focal_point_x": "", "focal_point_y": "", "focal_point_width": "", "focal_point_height": "",
        "alt_text": image.alt_text,
        "caption": "",
        "kind": image.kind,
        "video_url": "",
        "people_consent": image.people_consent,
        "text_language": "",
        "credit": "",
        "source_mission": image.source_mission_id or "",
        "licence": image.licence,
        "licence_notes": "",
        "usage_rights_expire_at": "",
    }
    data.update(fields)
    return data


@pytest.fixture
def lotus(hanoi):
    return content.image(title="Lotus pond", collection=hanoi.collection, alt_text="A lotus pond")


def test_edit_form_has_one_row_per_content_language(client, staff, lotus):
    client.force_login(staff["hanoi_head"])
    body = client.get(f"/admin/images/{lotus.pk}/").content.decode()
    assert "data-asset-translations" in body
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        assert f'name="translations_{code}_alt_text"' in body
    for field in ("kind", "is_shared", "people_consent", "text_language", "video_url", "tags"):
        assert f'name="{field}"' in body, field
    assert 'name="collection"' not in body, "staff with one collection keep assets in their mission's collection"
    client.force_login(staff["hq_admin"])
    assert 'name="collection"' in client.get(f"/admin/images/{lotus.pk}/").content.decode()


def test_per_language_wording_is_saved_and_blank_languages_left_out(client, staff, lotus):
    client.force_login(staff["hanoi_head"])
    response = client.post(
        f"/admin/images/{lotus.pk}/",
        image_form(lotus, translations_vi_title="Ao sen", translations_vi_alt_text="Một ao sen", is_shared="on"),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    lotus.refresh_from_db()
    assert lotus.translations == {"vi": {"title": "Ao sen", "alt_text": "Một ao sen"}}
    assert lotus.is_shared


@pytest.mark.parametrize(
    ("url", "accepted"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", True),
        ("https://www.facebook.com/embassy/videos/1234567890", True),
        ("https://vimeo.com/123456", False),
        ("https://example.com/clip.mp4", False),
    ],
)
def test_video_links_must_be_youtube_or_facebook(client, staff, lotus, url, accepted):
    client.force_login(staff["hanoi_head"])
    response = client.post(f"/admin/images/{lotus.pk}/", image_form(lotus, kind=AssetKind.VIDEO_LINK, video_url=url))
    lotus.refresh_from_db()
    if accepted:
        assert response.status_code == 302 and lotus.video_url == url
    else:
        assert response.status_code == 200 and "Use a YouTube or Facebook video link." in response.content.decode()
        assert lotus.video_url == ""


def test_video_link_kind_needs_an_address(client, staff, lotus):
    client.force_login(staff["hanoi_head"])
    response = client.post(f"/admin/images/{lotus.pk}/", image_form(lotus, kind=AssetKind.VIDEO_LINK))
    assert response.status_code == 200 and "A video link needs the YouTube or Facebook address" in response.content.decode()


def test_source_mission_and_kind_defaults(hanoi):
    image = content.image(title="Street food", collection=hanoi.collection)
    document = content.document(title="Visa checklist", collection=hanoi.collection)
    assert image.source_mission_id == hanoi.pk and image.kind == AssetKind.PHOTO
    assert document.source_mission_id == hanoi.pk and document.kind == AssetKind.DOCUMENT
    assert HubDocument._meta.get_field("translations").keys == ("title",)
    assert HubImage._meta.get_field("translations").keys == ("title", "alt_text", "caption")
