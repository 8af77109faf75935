"""Social payloads: within each platform's limit, with the right image crop and hashtags."""

import pytest

from embassies import factories as content
from embassies.models import SOCIAL_SHARE_LIMITS


@pytest.mark.django_db
@pytest.mark.parametrize("platform", sorted(SOCIAL_SHARE_LIMITS))
def test_payload_fits_the_platform(client, network_content, platform):
    payload = client.get(f"/api/v1/pages/{network_content['article'].pk}/social/{platform}/").json()
    assert payload["length"] <= payload["limit"] == SOCIAL_SHARE_LIMITS[platform]
    assert payload["link"] in payload["post"]
    assert payload["hashtags"] == ["#DigitalDiplomacy"]
    expected_size = {"x": (1600, 900), "facebook": (1200, 630), "linkedin": (1200, 630)}[platform]
    image = payload["image"]
    assert image["credit"] == "Photo: Embassy"
    assert image["width"] / image["height"] == pytest.approx(expected_size[0] / expected_size[1], rel=0.02)
    if platform == "x":
        assert payload["text"] == "Trung tâm báo chí trực tuyến đã mở cửa!"


@pytest.mark.django_db
def test_long_text_is_shortened_to_fit_x_counting_links_as_23(client, hanoi):
    page = content.article(content.section(hanoi), title="Long", summary="Lời kêu gọi " * 60)
    page.tags.add("Văn hóa", "Du lịch")
    page.save_revision().publish()
    payload = client.get(f"/api/v1/pages/{page.pk}/social/x/").json()
    assert payload["length"] <= 280
    assert payload["text"].endswith("…")
    assert len(payload["post"]) - len(payload["link"]) + 23 <= 280


@pytest.mark.django_db
def test_unknown_platform_is_404(client, network_content):
    response = client.get(f"/api/v1/pages/{network_content['article'].pk}/social/myspace/")
    assert response.status_code == 404 and "facebook" in response.json()["message"]


@pytest.mark.django_db
def test_a_crop_not_made_yet_is_named_not_drawn_in_the_request(client, network_content):
    """The background task makes renditions; until it has, the payload names the crop's signed URL (made on
    first fetch) and the request draws nothing."""
    article = network_content["article"]
    article.hero_image.renditions.all().delete()

    payload = client.get(f"/api/v1/pages/{article.pk}/social/facebook/").json()

    assert "/images/" in payload["image"]["url"] and "fill-1200x630" in payload["image"]["url"]
    assert payload["image"]["width"] / payload["image"]["height"] == pytest.approx(1200 / 630, rel=0.02)
    assert not article.hero_image.renditions.exists()
