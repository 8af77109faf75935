"""What the schema states about repeatable search filters and webhook addresses is what the server applies: the
filters are arrays of at most MAX_FILTER_VALUES values each (one more is a 400 naming the filter), and a webhook
address outside the published pattern is a 400 naming `url`."""

import re

import pytest
from openapi_schema_validator import OAS30Validator

from api import factories
from search.criteria import MAX_FILTER_VALUES

pytestmark = pytest.mark.django_db

SCHEMA_URL = "/api/v1/schema/?format=json"
SEARCH_FILTERS = {
    "/api/v1/search/": ("mission", "country", "region", "locale", "kind", "type", "tag", "topic"),
    "/api/v1/search/autocomplete/": ("locale", "mission"),
    "/api/v1/images/search/": ("kind", "licence", "mission", "tag", "year"),
    "/api/v1/documents/search/": ("kind", "licence", "mission", "tag", "year"),
}
WEBHOOKS = "/api/v1/webhooks/"


@pytest.fixture(scope="module")
def spec(django_db_setup, django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        return Client().get(SCHEMA_URL).json()


def _query_parameters(spec, path: str) -> dict[str, dict]:
    return {parameter["name"]: parameter for parameter in spec["paths"][path]["get"]["parameters"]}


@pytest.mark.parametrize("path", SEARCH_FILTERS)
def test_repeatable_filters_are_arrays_of_the_values_the_service_accepts(spec, path):
    parameters = _query_parameters(spec, path)

    for name in SEARCH_FILTERS[path]:
        parameter = parameters[name]
        assert (parameter["style"], parameter["explode"]) == ("form", True), name
        assert parameter["schema"]["type"] == "array", name
        assert parameter["schema"]["maxItems"] == MAX_FILTER_VALUES, name
        assert set(parameter["schema"]["items"]) & {"enum", "pattern", "minimum"}, name
        assert f"at most {MAX_FILTER_VALUES}" in parameter["description"], name


def test_enumerated_filter_values_are_listed_for_generated_clients(spec):
    parameters = _query_parameters(spec, "/api/v1/search/")

    assert "en" in parameters["locale"]["schema"]["items"]["enum"]
    assert "article" in parameters["type"]["schema"]["items"]["enum"]
    assert "press_release" in parameters["kind"]["schema"]["items"]["enum"]


@pytest.mark.parametrize(
    ("path", "name", "value"),
    [("/api/v1/search/", "mission", "hanoi"), ("/api/v1/search/", "tag", "Visas"),
     ("/api/v1/search/autocomplete/", "mission", "hanoi"), ("/api/v1/images/search/", "year", "2026"),
     ("/api/v1/documents/search/", "licence", "cc-by")],
)
def test_a_filter_takes_as_many_values_as_the_schema_says_and_one_more_is_a_400_naming_it(
    client, settings, path, name, value
):
    settings.HUB_SEARCH_ENGINE = ""
    extra = {"q": "visa"} if "autocomplete" in path else {}
    as_many = [f"{value}{number}" if name in ("mission", "tag") else value for number in range(MAX_FILTER_VALUES)]

    accepted = client.get(path, {**extra, name: as_many})
    refused = client.get(path, {**extra, name: [*as_many, as_many[0]]})

    assert accepted.status_code == 200, accepted.content
    assert refused.status_code == 400
    assert refused.json()["details"] == {name: [f"At most {MAX_FILTER_VALUES} values."]}


def test_a_comma_is_part_of_a_value_not_a_separator(client, settings):
    settings.HUB_SEARCH_ENGINE = ""

    slugs = client.get("/api/v1/search/", {"mission": "hanoi,paris"})
    tags = client.get("/api/v1/search/", {"tag": "Visas, consular"})

    assert slugs.status_code == 400 and list(slugs.json()["details"]) == ["mission"]
    assert tags.status_code == 200


def _url_schema(spec) -> dict:
    return spec["components"]["schemas"]["Webhook"]["properties"]["url"]


def test_the_webhook_address_rules_are_in_the_schema(spec):
    url = _url_schema(spec)

    assert url["format"] == "uri" and url["maxLength"] == 500
    assert "no user name or password" in url["description"]
    assert re.search(url["pattern"], "https://hooks.example.org/hub?v=1#x")


@pytest.mark.parametrize(
    "address",
    ["https://user:secret@hooks.example.org/hub", "https://token@hooks.example.org/hub", "ftp://hooks.example.org/hub",
     "https://[2001:db8::1]/hub", "https://hooks.example.org/a b", "https://hooks.example.org/ünïcode",
     "https://hooks.example.org:70000/hub", "https://hooks/hub", "https://hooks.example.org/%zz"],
)
def test_an_address_outside_the_published_pattern_is_refused_naming_url(client, spec, hanoi, address):
    issued = factories.api_key(factories.consumer("Hanoi site", missions=[hanoi]))
    body = {"url": address, "events": ["publish"], "missions": ["hanoi"]}

    response = client.post(WEBHOOKS, body, content_type="application/json", HTTP_AUTHORIZATION=f"Api-Key {issued.key}")

    assert not re.search(_url_schema(spec)["pattern"], address)
    assert response.status_code == 400, response.content
    assert list(response.json()["details"]) == ["url"]


@pytest.mark.parametrize(
    "address", ["https://hooks.example.org/hub", "http://127.0.0.1:9/embassy-hub-webhook", "http://localhost:8000/x?a=b"]
)
def test_an_address_the_schema_allows_is_registered(client, spec, hanoi, address):
    issued = factories.api_key(factories.consumer("Hanoi site", missions=[hanoi]))
    body = {"url": address, "events": ["publish"], "missions": ["hanoi"]}

    response = client.post(WEBHOOKS, body, content_type="application/json", HTTP_AUTHORIZATION=f"Api-Key {issued.key}")

    OAS30Validator(_url_schema(spec)).validate(address)
    assert response.status_code == 201, response.content


def test_production_publishes_https_only_and_the_public_address_rule(client, settings):
    settings.HUB_WEBHOOKS = {**settings.HUB_WEBHOOKS, "ALLOW_LOCAL_ADDRESSES": False}

    url = _url_schema(client.get(SCHEMA_URL).json())

    assert url["pattern"].startswith("^https://")
    assert not re.search(url["pattern"], "http://hooks.example.org/hub")
    assert not re.search(url["pattern"], "https://localhost/hub")
    assert "public addresses only" in url["description"]
