"""Content negotiation is DRF's, remembered per Accept header: the same choices and the same 406, request after
request, kept answers and 304s included."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("accept", ["application/json", "*/*", "application/*", "text/html, application/json;q=0.9"])
def test_json_is_served_to_every_accept_header_that_allows_it(client, accept):
    for _ in range(2):  # the second answer comes from the remembered choice
        response = client.get("/api/v1/missions/", HTTP_ACCEPT=accept)
        assert response.status_code == 200 and response["Content-Type"] == "application/json"


def test_an_accept_header_json_cannot_meet_is_a_406_every_time(client):
    for _ in range(2):
        response = client.get("/api/v1/missions/", HTTP_ACCEPT="text/html")
        assert response.status_code == 406 and response.json()["code"] == "not_acceptable"


def test_the_format_parameter_still_chooses_and_refuses(client):
    assert client.get("/api/v1/missions/", {"format": "json"}).status_code == 200
    refused = client.get("/api/v1/missions/", {"format": "xml"})
    assert refused.status_code == 406 and refused.json()["code"] == "not_acceptable"
    assert refused.json()["message"] == "Unknown format; use one of: json."
