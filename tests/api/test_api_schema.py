"""The OpenAPI schema is valid, says which operations need a key, shows an example answer for each, and
property-based requests generated from it never meet a 500."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from openapi_schema_validator import OAS30Validator, validate as validate_value
from openapi_spec_validator import validate
from schemathesis.checks import not_a_server_error

SCHEMA_URL = "/api/v1/schema/?format=json"


@pytest.mark.django_db
def test_schema_is_valid_openapi_3(client):
    response = client.get(SCHEMA_URL)
    assert response.status_code == 200
    spec = response.json()
    validate(spec)
    assert spec["openapi"].startswith("3.")
    paths = set(spec["paths"])
    for expected in (
        "/api/v1/pages/", "/api/v1/pages/{id}/", "/api/v1/pages/find/", "/api/v1/events/",
        "/api/v1/consular-notices/", "/api/v1/images/", "/api/v1/documents/", "/api/v1/missions/",
        "/api/v1/feeds/{mission}/{locale}/{feed_format}/", "/api/v1/pages/{id}/social/{platform}/",
    ):
        assert expected in paths, expected


def test_interactive_docs_are_served_without_a_cdn(client, db):
    page = client.get("/api/v1/docs/").content.decode()
    assert "swagger-ui" in page
    assert "cdn.jsdelivr" not in page and "unpkg.com" not in page


@pytest.mark.django_db
def test_generated_requests_never_cause_a_server_error(network_content):
    """Schemathesis draws requests for every operation from the schema (valid and invalid parameters)."""
    # Like Django's test client: keep the test's database connection open across WSGI calls.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        _fuzz_every_operation()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _fuzz_every_operation():
    schema = schemathesis.openapi.from_wsgi(SCHEMA_URL, get_wsgi_application())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def call(case):
            case.call_and_validate(checks=[not_a_server_error])

        call()


# Operations that need a key: a consumer's previews and webhooks. Those that need a journalist token: the press
# centre's personal ones. Every other operation is an anonymous read, but a journalist's registration and a page
# read reported by the beacon (POSTs).
NEEDS_KEY = ("/api/v1/preview/", "/api/v1/webhooks/")
NEEDS_JOURNALIST_TOKEN = ("/api/v1/press/journalists/me/",)
ANONYMOUS_WRITES = {("post", "/api/v1/press/journalists/"), ("post", "/api/v1/analytics/hit")}
# The press centre's reads also take a journalist's token (read before the key).
PRESS = "/api/v1/press/"


def _operations(spec):
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            yield method, path, operation


@pytest.mark.django_db
def test_reads_list_anonymous_access_first_and_private_operations_need_a_key(client):
    spec = client.get(SCHEMA_URL).json()
    assert "ApiKey" in spec["components"]["securitySchemes"]
    for method, path, operation in _operations(spec):
        security = operation["security"]
        if path.startswith(NEEDS_KEY):
            assert security == [{"ApiKey": []}], (method, path)
            assert "Needs an API key" in operation["description"]
        elif path.startswith(NEEDS_JOURNALIST_TOKEN):
            assert security == [{"JournalistToken": []}], (method, path)
            assert "Needs a journalist token" in operation["description"]
        else:
            assert method == "get" or (method, path) in ANONYMOUS_WRITES, (method, path)
            reads_token = path.startswith(PRESS) and method == "get"
            optional = [{"JournalistToken": []}, {"ApiKey": []}] if reads_token else [{"ApiKey": []}]
            assert security == [{}, *optional], (method, path)
            assert "an API key is optional" in operation["description"]


@pytest.mark.django_db
def test_every_successful_answer_has_an_example_that_fits_its_schema(client):
    spec = client.get(SCHEMA_URL).json()
    checked = 0
    for method, path, operation in _operations(spec):
        answers = {status: response for status, response in operation["responses"].items() if status.startswith("2")}
        assert answers, (method, path)
        for status, response in answers.items():
            for media_type, media in response.get("content", {}).items():
                examples = media.get("examples", {})
                assert examples, (method, path, status, media_type)
                for example in examples.values():
                    schema = {**media["schema"], "components": spec["components"]}
                    validate_value(example["value"], schema, cls=OAS30Validator)
                    checked += 1
    assert checked >= 25
    page_list = spec["paths"]["/api/v1/pages/"]["get"]["responses"]["200"]["content"]["application/json"]
    assert page_list["examples"]["Example"]["value"]["results"][0]["title"] == "Digital transformation in diplomacy"
