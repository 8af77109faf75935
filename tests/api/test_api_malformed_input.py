"""Malformed input, as integrators' clients and fuzzers send it: every row is answered with a JSON 4xx in the error
shape whose body names what was wrong, never a 5xx and never an HTML page."""

import json

import pytest
from django.core import signing

from api import factories
from api.preview.services import PREVIEW_TOKEN_SALT


def _signed(payload) -> str:
    """A preview token signed with the real secret key around a payload preview_token_create never makes."""
    return signing.TimestampSigner(salt=PREVIEW_TOKEN_SALT).sign_object(payload)


KEY = "Api-Key {key}"
INVALID_PREVIEW = "This preview link is invalid or has expired."

# (id, method, path, headers, body, status, what the error body must name)
ROWS = [
    # Preview tokens: forged, tampered, and validly signed around ids that are no ids.
    ("preview-garbage", "get", "/api/v1/preview/not-a-token/", {"Authorization": KEY}, None, 404, INVALID_PREVIEW),
    ("preview-non-integer-page", "get", "/api/v1/preview/{signed:page=abc}/", {"Authorization": KEY}, None, 404, INVALID_PREVIEW),
    ("preview-boolean-page", "get", "/api/v1/preview/{signed:page=true}/", {"Authorization": KEY}, None, 404, INVALID_PREVIEW),
    ("preview-huge-page", "get", "/api/v1/preview/{signed:page=huge}/", {"Authorization": KEY}, None, 404, INVALID_PREVIEW),
    ("preview-list-payload", "get", "/api/v1/preview/{signed:list}/", {"Authorization": KEY}, None, 404, INVALID_PREVIEW),
    ("preview-no-key", "get", "/api/v1/preview/{signed:page=abc}/", {}, None, 401, "not_authenticated"),
    # Paths that match no route: the JSON 404, not Django's HTML page.
    ("path-id-letters", "get", "/api/v1/pages/abc/", {}, None, 404, "/api/v1/ lists the endpoints"),
    ("path-id-negative", "get", "/api/v1/pages/-1/", {}, None, 404, "/api/v1/ lists the endpoints"),
    ("path-unknown", "get", "/api/v1/nothing-here/", {}, None, 404, "/api/v1/ lists the endpoints"),
    ("path-bad-percent-encoding", "get", "/api/v1/pages/%ff%fe/", {}, None, 404, "not_found"),
    ("path-bad-percent-usage", "get", "/api/v1/images/%zz/usage/", {}, None, 404, "not_found"),
    ("path-unknown-platform", "get", "/api/v1/pages/{page}/social/myspace/", {}, None, 404, "Unknown platform"),
    ("path-unknown-feed-format", "get", "/api/v1/feeds/hanoi/vi/pdf/", {}, None, 404, "Unknown feed format"),
    # Empty and whitespace values: a 400 naming the parameter, never "as if absent".
    *[
        (f"empty-{name}", "get", f"{path}?{name}=", {}, None, 400, f'"{name}"')
        for path, names in {
            "/api/v1/pages/": ("kind", "locale", "fallback", "type", "ordering", "published_after", "updated_since",
                               "fields", "mission", "tag", "topic", "page_size", "cursor"),
            "/api/v1/events/": ("starts_after", "starts_before", "upcoming"),
            "/api/v1/consular-notices/": ("severity", "notice_type", "active"),
            "/api/v1/images/": ("licence", "orientation", "min_width", "q"),
            "/api/v1/documents/": ("licence",),
            "/api/v1/search/": ("q", "sort", "page", "published_after", "mission"),
            "/api/v1/images/search/": ("kind", "usable_now", "year"),
        }.items()
        for name in names
    ],
    *[
        (f"whitespace-{name}", "get", f"/api/v1/pages/?{name}={value}", {}, None, 400, f'"{name}"')
        for name, value in (("fields", "%C2%A0"), ("kind", "%20"), ("tag", "%09"), ("published_after", "%E3%80%80"))
    ],
    ("fields-only-commas", "get", "/api/v1/pages/?fields=,,", {}, None, 400, '"fields"'),
    # Values the schema's types and bounds refuse.
    ("locale-integer", "get", "/api/v1/pages/?locale=0", {}, None, 400, '"locale"'),
    ("page-size-zero", "get", "/api/v1/pages/?page_size=0", {}, None, 400, "from 1 to 100"),
    ("page-size-above", "get", "/api/v1/documents/?page_size=101", {}, None, 400, "from 1 to 100"),
    ("min-width-zero", "get", "/api/v1/images/?min_width=0", {}, None, 400, '"min_width"'),
    ("min-width-fraction", "get", "/api/v1/images/?min_width=1.5", {}, None, 400, "whole number"),
    ("search-page-too-deep", "get", "/api/v1/search/?page=101", {}, None, 400, "from 1 to 100"),
    ("related-limit-zero", "get", "/api/v1/pages/{page}/related/?limit=0", {}, None, 400, '"limit"'),
    ("autocomplete-q-blank", "get", "/api/v1/search/autocomplete/?q=%20%20", {}, None, 400, '"q"'),
    ("autocomplete-q-long", "get", "/api/v1/search/autocomplete/?q=" + "x" * 101, {}, None, 400, "At most 100"),
    ("search-bad-country", "get", "/api/v1/search/?country=VNM", {}, None, 400, '"country"'),
    ("asset-year-text", "get", "/api/v1/images/search/?year=twenty", {}, None, 400, '"year"'),
    ("boolean-yes", "get", "/api/v1/images/search/?usable_now=maybe", {}, None, 400, "true or false"),
    ("unknown-mission", "get", "/api/v1/pages/?mission=atlantis", {}, None, 404, "No mission 'atlantis'"),
    ("foreign-cursor", "get", "/api/v1/pages/?cursor=bz1hYmM%3D", {}, None, 404, "(`cursor`)"),
    ("nul-in-query", "get", "/api/v1/pages/?tag=%00", {}, None, 400, "NUL"),
    # Authentication: an unknown scheme or an empty key is a 401 naming it, never anonymous access.
    ("auth-bearer", "get", "/api/v1/pages/", {"Authorization": "Bearer x"}, None, 401, "'Bearer'"),
    ("auth-basic", "get", "/api/v1/missions/", {"Authorization": "Basic dXNlcjpwYXNz"}, None, 401, "'Basic'"),
    ("auth-empty-header", "get", "/api/v1/pages/", {"Authorization": ""}, None, 401, "'(empty)'"),
    ("auth-scheme-without-key", "get", "/api/v1/pages/", {"Authorization": "Api-Key "}, None, 401, "empty"),
    ("auth-empty-x-api-key", "get", "/api/v1/pages/", {"X-Api-Key": " "}, None, 401, "empty"),
    ("auth-wrong-key", "get", "/api/v1/webhooks/", {"Authorization": "Api-Key ehk_nope"}, None, 401, "invalid or revoked"),
    # Negotiation and bodies.
    ("format-unknown", "get", "/api/v1/pages/?format=xml", {}, None, 406, "Unknown format"),
    ("accept-html-only", "get", "/api/v1/missions/", {"Accept": "text/html"}, None, 406, "not_acceptable"),
    ("webhook-not-json", "post", "/api/v1/webhooks/", {"Authorization": KEY, "Content-Type": "text/plain"}, "x", 415, "text/plain"),
    ("webhook-bad-json", "post", "/api/v1/webhooks/", {"Authorization": KEY, "Content-Type": "application/json"}, "{", 400, "JSON parse error"),
    ("webhook-no-events", "post", "/api/v1/webhooks/", {"Authorization": KEY, "Content-Type": "application/json"},
     json.dumps({"url": "https://vn.example.org/hook", "events": [], "missions": ["hanoi"]}), 400, '"events"'),
    ("webhook-id-letters", "delete", "/api/v1/webhooks/abc/", {"Authorization": KEY}, None, 404, "not_found"),
]

SIGNED = {
    "{signed:page=abc}": lambda page: _signed({"page": "abc", "revision": "1"}),
    "{signed:page=true}": lambda page: _signed({"page": True, "revision": True}),
    "{signed:page=huge}": lambda page: _signed({"page": 2**70, "revision": page.latest_revision_id}),
    "{signed:list}": lambda page: _signed([page.pk]),
}


@pytest.fixture
def request_row(client, network_content, hanoi):
    key = factories.api_key(factories.consumer("Hanoi site", missions=[hanoi])).key
    page = network_content["article"]

    def send(method: str, path: str, headers: dict, body):
        for placeholder, token in SIGNED.items():
            path = path.replace(placeholder, token(page))
        path = path.replace("{page}", str(page.pk))
        meta = {}
        for name, value in headers.items():
            value = value.format(key=key)
            if name == "Content-Type":
                meta["content_type"] = value
            else:
                meta["HTTP_" + name.upper().replace("-", "_")] = value
        if body is not None:
            return getattr(client, method)(path, body, **meta)
        return getattr(client, method)(path, **meta)

    return send


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "path", "headers", "body", "status", "named"), [row[1:] for row in ROWS],
                         ids=[row[0] for row in ROWS])
def test_malformed_input_is_a_json_4xx_naming_the_problem(request_row, method, path, headers, body, status, named):
    response = request_row(method, path, headers, body)

    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    error = response.json()
    assert set(error) == {"code", "message", "details"}
    assert named in json.dumps(error, ensure_ascii=False), error


def test_the_table_covers_every_case_the_issue_lists():
    ids = {row[0] for row in ROWS}
    assert {"preview-non-integer-page", "path-id-letters", "path-id-negative", "path-unknown", "path-bad-percent-encoding",
            "empty-kind", "empty-licence", "empty-starts_after", "whitespace-fields", "auth-bearer", "locale-integer"} <= ids
    assert len(ROWS) >= 60
