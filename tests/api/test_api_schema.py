"""The OpenAPI schema is valid, and property-based requests generated from it never meet a 500."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
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
