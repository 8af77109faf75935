"""/api/v1/ lists the endpoints; every error under /api/ — unknown path, unknown page, wrong method, server error —
is JSON in the one error shape, while the site keeps its HTML error pages."""

import logging

import pytest
from django.test import Client, override_settings

from api.errors import status_error_body
from api.urls import v1

from .failing_urls import SECRET_DETAIL

pytestmark = pytest.mark.django_db


def _assert_error_shape(response, status: int, code: str):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"code", "message", "details"}
    assert body["code"] == code and body["message"]
    return body


def test_the_root_lists_every_endpoint_with_links_to_the_schema_and_docs(client):
    response = client.get("/api/v1/")

    assert response.status_code == 200
    index = response.json()
    assert index["schema"] == "http://testserver/api/v1/schema/"
    assert index["docs"] == "http://testserver/api/v1/docs/"
    assert client.get(index["schema"]).status_code == 200
    assert client.get(index["docs"]).status_code == 200
    endpoints = {endpoint["name"]: endpoint for endpoint in index["endpoints"]}
    assert set(endpoints) == {pattern.name for pattern in v1}
    assert endpoints["page-detail"]["url"] == "http://testserver/api/v1/pages/{id}/"
    assert endpoints["page-list"]["methods"] == ["GET"]
    assert endpoints["webhook-list"]["methods"] == ["GET", "POST"]
    assert endpoints["webhook-list"]["key_required"] and not endpoints["page-list"]["key_required"]
    assert all(endpoint["description"] for endpoint in endpoints.values())
    assert len({endpoint["description"] for endpoint in endpoints.values()}) > len(endpoints) // 2


def test_every_endpoint_the_root_lists_without_path_parameters_answers(client, network_content):
    for endpoint in client.get("/api/v1/").json()["endpoints"]:
        if "{" in endpoint["url"]:
            continue
        answer = client.get(endpoint["url"])
        if "GET" in endpoint["methods"]:
            assert answer.status_code in (200, 400, 401), endpoint
        else:  # a write only, such as a journalist's registration: a GET is told which methods there are
            assert answer.status_code == 405 and set(endpoint["methods"]) <= set(answer["Allow"].split(", ")), endpoint
    # /pages/find/ needs its mission and locale: the 400 says so in the error shape.
    _assert_error_shape(client.get("/api/v1/pages/find/"), 400, "invalid")


@pytest.mark.parametrize("path", ["/api/v1/nope/", "/api/nope", "/api/nope/", "/api/", "/api/v1/pages/find/deeper/"])
def test_an_unknown_path_under_api_is_a_json_404(client, path):
    body = _assert_error_shape(client.get(path), 404, "not_found")
    assert "/api/v1/" in body["message"]


def test_an_unknown_page_or_mission_is_a_json_404(client, network_content):
    _assert_error_shape(client.get("/api/v1/pages/999999999/"), 404, "not_found")
    _assert_error_shape(client.get("/api/v1/missions/nowhere/"), 404, "not_found")
    _assert_error_shape(client.get(f"/api/v1/pages/{network_content['secret_pages'][0].pk}/"), 404, "not_found")


def test_a_path_without_its_slash_still_redirects(client):
    response = client.get("/api/v1/pages")
    assert response.status_code == 301 and response["Location"] == "/api/v1/pages/"


@pytest.mark.parametrize(("method", "path"), [("post", "/api/v1/pages/"), ("delete", "/api/v1/"), ("put", "/api/v1/missions/")])
def test_a_wrong_method_is_a_json_405_with_its_allow_header(client, method, path):
    response = getattr(client, method)(path)
    _assert_error_shape(response, 405, "method_not_allowed")
    assert "GET" in response["Allow"]


def test_a_wrong_method_on_an_unknown_path_is_a_json_404(client):
    _assert_error_shape(client.post("/api/v1/nope/", {}), 404, "not_found")


@override_settings(ROOT_URLCONF="tests.api.failing_urls")
@pytest.mark.parametrize("path", ["/api/v1/failing/", "/api/v1/failing-outside-drf/"])
def test_a_server_error_under_api_is_json_without_the_traceback_and_is_logged(path, caplog):
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get(path)

    body = _assert_error_shape(response, 500, "server_error")
    assert body == status_error_body(500)
    assert SECRET_DETAIL not in response.content.decode() and "Traceback" not in response.content.decode()
    assert any(record.exc_info and SECRET_DETAIL in str(record.exc_info[1]) for record in caplog.records)


@override_settings(ROOT_URLCONF="tests.api.failing_urls")
def test_the_site_keeps_its_html_error_pages(db):
    client = Client(raise_request_exception=False)
    failed = client.get("/failing/")
    assert failed.status_code == 500 and failed["Content-Type"].startswith("text/html")
    missing = client.get("/en/no-such-page/")
    assert missing.status_code == 404 and missing["Content-Type"].startswith("text/html")
