"""The missions resource of /api/v1/."""

import pytest

from hub.models import MissionSocialAccount


@pytest.mark.django_db
def test_missions_list_gives_each_missions_public_profile(client, hanoi):
    MissionSocialAccount.objects.create(
        mission=hanoi, platform="facebook", handle="EmbassyHanoi", language_code="vi",
        url="https://facebook.com/EmbassyHanoi",
    )

    response = client.get("/api/v1/missions/")

    assert response.status_code == 200
    missions = {mission["slug"]: mission for mission in response.json()}
    assert {"hq", "hanoi", "paris"} <= set(missions)
    assert missions["hanoi"]["locales"] == ["vi", "en"]
    assert missions["hanoi"]["names"]["vi"] == "Đại sứ quán tại Hà Nội"
    assert missions["hanoi"]["region"] == "asia-pacific"
    assert missions["hanoi"]["social_accounts"][0]["url"] == "https://facebook.com/EmbassyHanoi"


@pytest.mark.django_db
def test_mission_detail_by_slug_and_unknown_slug_is_404(client, paris):
    assert client.get("/api/v1/missions/paris/").json()["timezone"] == "Europe/Paris"
    response = client.get("/api/v1/missions/atlantis/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.django_db
def test_missions_list_runs_a_constant_number_of_queries(client, django_assert_max_num_queries, hanoi, paris):
    with django_assert_max_num_queries(5):
        client.get("/api/v1/missions/")


def test_openapi_schema_documents_the_missions_resource(client, db):
    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert "/api/v1/missions/" in response.content.decode()
    assert "/admin/api" not in response.content.decode()
