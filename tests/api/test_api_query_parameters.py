"""Unknown query parameters are a 400 naming them and listing the accepted ones, on every endpoint; the documented
parameters keep working, and what an endpoint accepts is what its OpenAPI operation documents."""

import io
import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from api import factories
from api.parameters import StrictQueryParameters
from api.preview.services import preview_token_create
from api.urls import urlpatterns as api_urlpatterns
from api.webhooks.models import WebhookEvent
from embassies import factories as content
from embassies.models import ArticleKind, AssetKind, AssetLicence, ConsularNoticeType, NoticeSeverity
from press import factories as press_factories
from press.press_kits import press_kit_build
from press.services import journalist_token_issue
from social.models import Campaign

SCHEMA_URL = "/api/v1/schema/?format=json"
# The schema and the docs describe the API rather than serve it: their own `?format=`/`?lang=` are drf-spectacular's.
NOT_CHECKED = {"/api/v1/schema/"}
PRIVATE = {"/api/v1/preview/{token}/", "/api/v1/webhooks/", "/api/v1/webhooks/{id}/"}

LISTING = {
    "mission": "hanoi", "locale": "vi", "fallback": "en", "type": "article", "kind": ArticleKind.values[0],
    "tag": "Digital diplomacy", "topic": "economy", "published_after": "2020-01-01T00:00:00Z",
    "published_before": "2100-01-01T00:00:00Z", "updated_since": "2020-01-01T00:00:00Z", "fields": "id,title",
    "page_size": "5",
}
ASSET_LISTING = {"q": "bay", "mission": "hanoi", "licence": AssetLicence.values[0], "tag": "sea", "page_size": "5"}
ASSET_SEARCH = {
    "q": "bay", "kind": AssetKind.values[0], "licence": AssetLicence.values[0], "mission": "hanoi", "tag": "sea",
    "year": "2026", "usable_now": "true", "page": "1", "page_size": "5",
}
SEARCH = {
    "q": "visa", "mission": "hanoi", "country": "VN", "region": "asia-pacific", "locale": "vi", "kind": "news",
    "type": "article", "tag": "Digital diplomacy", "topic": "economy", "published_after": "2020-01-01",
    "published_before": "2100-01-01", "sort": "date", "page": "1", "page_size": "5",
}

# Each operation (as the schema names it): every documented query parameter with a valid value, and a misspelling.
# `cursor` is only ever taken from a `next` link (tested in test_api_pages.py), and `format` is accepted everywhere.
DOCUMENTED = {
    ("get", "/api/v1/"): ({}, "formt"),
    ("get", "/api/v1/pages/"): ({**LISTING, "ordering": "first_published_at"}, "missoin"),
    ("get", "/api/v1/pages/{id}/"): ({}, "feilds"),
    ("get", "/api/v1/pages/find/"): ({"mission": "hanoi", "locale": "en", "path": "/", "fallback": "vi"}, "pth"),
    ("get", "/api/v1/pages/{id}/social/{platform}/"): ({}, "platfrom"),
    ("get", "/api/v1/pages/{id}/related/"): ({"limit": "3"}, "limt"),
    ("get", "/api/v1/search/"): (SEARCH, "missoin"),
    ("get", "/api/v1/search/autocomplete/"): ({"q": "Ch", "locale": "vi", "mission": "hanoi", "limit": "5"}, "limti"),
    ("get", "/api/v1/events/"): (
        {**LISTING, "upcoming": "true", "starts_after": "2020-01-01T00:00:00Z", "starts_before": "2100-01-01T00:00:00Z"},
        "upcomming",
    ),
    ("get", "/api/v1/consular-notices/"): (
        {**LISTING, "active": "true", "severity": NoticeSeverity.values[0], "notice_type": ConsularNoticeType.values[0]},
        "severty",
    ),
    ("get", "/api/v1/images/"): ({**ASSET_LISTING, "min_width": "1", "orientation": "landscape"}, "orientaton"),
    ("get", "/api/v1/images/{id}/"): ({}, "with_renditions"),
    ("get", "/api/v1/images/{id}/usage/"): ({}, "misison"),
    ("get", "/api/v1/images/search/"): ({**ASSET_SEARCH, "orientation": "landscape", "min_width": "1"}, "licnce"),
    ("get", "/api/v1/documents/"): (ASSET_LISTING, "licnce"),
    ("get", "/api/v1/documents/{id}/"): ({}, "download"),
    ("get", "/api/v1/documents/{id}/usage/"): ({}, "misison"),
    ("get", "/api/v1/documents/search/"): (ASSET_SEARCH, "usable"),
    ("get", "/api/v1/missions/"): ({}, "region"),
    ("get", "/api/v1/missions/{slug}/"): ({}, "locale"),
    ("get", "/api/v1/missions/{slug}/social/posts/"): (
        {"platform": "x", "campaign": "climate-week", "page": "1", "sent_after": "2020-01-01T00:00:00Z",
         "sent_before": "2100-01-01T00:00:00Z", "page_size": "5"},
        "platfrom",
    ),
    ("get", "/api/v1/social/campaigns/"): ({"page_size": "5"}, "mission"),
    ("get", "/api/v1/social/campaigns/{slug}/"): ({}, "rollout"),
    ("get", "/api/v1/social/posts/"): (
        {"mission": "hanoi", "platform": "x", "campaign": "climate-week", "page": "1",
         "sent_after": "2020-01-01T00:00:00Z", "sent_before": "2100-01-01T00:00:00Z", "page_size": "5"},
        "sent_afer",
    ),
    ("get", "/api/v1/feeds/{mission}/{locale}/{feed_format}/"): ({"kind": ArticleKind.values[0]}, "knid"),
    ("get", "/api/v1/press/releases/"): ({"page_size": "5"}, "page_szie"),
    ("get", "/api/v1/press/releases/{id}/"): ({}, "revision"),
    ("get", "/api/v1/press/kits/{id}/"): ({}, "download"),
    ("get", "/api/v1/preview/{token}/"): ({}, "tokne"),
    ("get", "/api/v1/webhooks/"): ({}, "missoin"),
    ("post", "/api/v1/webhooks/"): ({}, "dry_run"),
    ("post", "/api/v1/press/journalists/"): ({}, "dry_run"),
    ("post", "/api/v1/analytics/hit"): ({}, "dnt"),
    ("get", "/api/v1/press/journalists/me/"): ({}, "status"),
    ("get", "/api/v1/press/briefings/"): ({"when": "upcoming", "mission": "hanoi", "locale": "vi", "page_size": "5"}, "whne"),
    ("get", "/api/v1/press/briefings/{id}/"): ({"locale": "vi"}, "transcript"),
    ("get", "/api/v1/press/briefings/calendar.ics"): ({"mission": "hanoi", "locale": "vi", "format": "ics"}, "misison"),
    ("get", "/api/v1/webhooks/{id}/"): ({}, "expand"),
    ("delete", "/api/v1/webhooks/{id}/"): ({}, "force"),
}


@pytest.fixture
def endpoints(client, network_content, hanoi, staff):
    """A callable making a real request to an operation of the schema, with its path filled in and, for the
    private ones, a key of a consumer covering Hanoi."""
    consumer = factories.consumer("Hanoi site", missions=[hanoi])
    key = factories.api_key(consumer).key
    webhook = factories.webhook(consumer, url="https://vn.example.org/hooks", missions=[hanoi])
    article = network_content["article"]
    article.save_revision()
    ids = {
        "pages": article.pk, "images": network_content["public_image"].pk,
        "documents": network_content["public_document"].pk, "webhooks": webhook.pk,
        "press": content.article(content.section(hanoi), title="Visa fees lowered", kind="press_release").pk,
        "briefings": press_factories.briefing(press_factories.briefings_section(hanoi), title="Weekly briefing").pk,
    }
    Campaign.objects.create(name="Climate week", slug="climate-week", starts_on=date(2026, 1, 1)).missions.set([hanoi])
    press_kit_build(page_id=ids["press"])  # the public release's kit (tasks run on commit, which tests never reach)
    journalist_token = journalist_token_issue(journalist=press_factories.journalist("api_reporter"), name="t").token
    values = {
        "slug": "hanoi", "mission": "hanoi", "locale": "vi", "feed_format": "rss", "platform": "x",
        "token": preview_token_create(page=article, user=staff["hanoi_editor"]).token,
    }

    def request(method: str, template: str, query: dict):
        resource = "briefings" if template.startswith("/api/v1/press/briefings/") else template.split("/")[3]
        named = {**values, "slug": "climate-week"} if resource == "social" else values  # a campaign's slug
        path = re.sub(r"\{(\w+)\}", lambda match: str(ids[resource] if match[1] == "id" else named[match[1]]), template)
        headers = {"HTTP_AUTHORIZATION": f"Api-Key {key}"} if template in PRIVATE else {}
        if template == "/api/v1/press/journalists/me/":
            headers = {"HTTP_AUTHORIZATION": f"Journalist-Token {journalist_token}"}
        if method == "get":
            return client.get(path, query, **headers)
        query_string = "&".join(f"{name}={value}" for name, value in query.items())
        if template == "/api/v1/press/journalists/":  # a registration: multipart, with a press card that decodes
            return client.post(f"{path}?{query_string}", _registration())
        if template == "/api/v1/analytics/hit":  # a read of the public article, from a browser
            return client.post(f"{path}?{query_string}", {"page": ids["pages"]}, content_type="application/json",
                               HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0")
        body = {"url": "https://vn.example.org/other", "events": WebhookEvent.values[:1], "missions": ["hanoi"]}
        return getattr(client, method)(f"{path}?{query_string}", body, content_type="application/json", **headers)

    return request


def _registration() -> dict:
    card = io.BytesIO()
    Image.new("RGB", (40, 25), "navy").save(card, "PNG")
    return {
        "full_name": "Lena Vogel", "outlet": "Tagesblatt", "outlet_country": "DE", "language_codes": ["de", "en"],
        "email": "lena@tagesblatt.example", "password": "a-long-enough-passphrase-7",
        "press_card": SimpleUploadedFile("card.png", card.getvalue(), content_type="image/png"),
    }


def _operations(client) -> dict[tuple[str, str], set[str]]:
    """(method, path) -> the query parameters the schema documents for that operation."""
    spec = client.get(SCHEMA_URL).json()
    return {
        (method, path): {parameter["name"] for parameter in operation.get("parameters", []) if parameter["in"] == "query"}
        for path, operations in spec["paths"].items()
        if path not in NOT_CHECKED
        for method, operation in operations.items()
    }


def _accepted_listed(response) -> set[str]:
    """The accepted parameters a 400 lists for its (single) unknown parameter."""
    [message] = next(iter(response.json()["details"].values()))
    return set(message.removeprefix("Unknown parameter; use one of: ").removesuffix(".").split(", "))


@pytest.mark.django_db
def test_every_operation_refuses_an_unknown_parameter_and_lists_exactly_what_it_documents(client, endpoints):
    operations = _operations(client)
    assert set(operations) == set(DOCUMENTED), "every operation of the schema has a row in DOCUMENTED"
    for (method, path), documented in operations.items():
        response = endpoints(method, path, {"foo": "bar"})

        assert response.status_code == 400, (method, path, response.content)
        body = response.json()
        assert body["code"] == "invalid"
        assert list(body["details"]) == ["foo"], (method, path)
        assert _accepted_listed(response) == documented | {"format"}, (method, path)


@pytest.mark.django_db
@pytest.mark.parametrize("operation", list(DOCUMENTED), ids=lambda operation: f"{operation[0]} {operation[1]}")
def test_a_misspelt_parameter_is_named_in_a_400(endpoints, operation):
    documented, misspelt = DOCUMENTED[operation]
    response = endpoints(*operation, {**documented, misspelt: "hanoi"})

    assert response.status_code == 400, response.content
    assert list(response.json()["details"]) == [misspelt]
    assert "Unknown parameter; use one of: " in response.json()["details"][misspelt][0]


@pytest.mark.django_db
@pytest.mark.parametrize("operation", list(DOCUMENTED), ids=lambda operation: f"{operation[0]} {operation[1]}")
def test_every_documented_parameter_still_works(client, endpoints, operation):
    documented, _misspelt = DOCUMENTED[operation]
    assert set(documented) == _operations(client)[operation] - {"cursor"}, "the row names every documented parameter"

    response = endpoints(*operation, {**documented, "format": "json"} if operation[0] == "get" else documented)

    assert response.status_code in (200, 201, 202, 204), response.content


@pytest.mark.django_db
def test_unknown_parameters_are_all_named_at_once(client, network_content):
    response = client.get("/api/v1/pages/", {"missoin": "hanoi", "foo": "bar", "locale": "vi"})

    assert response.status_code == 400
    assert sorted(response.json()["details"]) == ["foo", "missoin"]


@pytest.mark.django_db
def test_a_revalidation_with_an_unknown_parameter_is_a_400_not_a_304(client, network_content):
    answered = client.get("/api/v1/missions/")
    response = client.get(
        "/api/v1/missions/", {"foo": "bar"},
        HTTP_IF_NONE_MATCH=answered["ETag"], HTTP_IF_MODIFIED_SINCE=answered["Last-Modified"],
    )

    assert response.status_code == 400
    assert list(response.json()["details"]) == ["foo"]


def test_every_api_view_checks_its_query_parameters():
    for pattern in api_urlpatterns:
        if pattern.name not in ("api-schema", "api-docs"):
            assert issubclass(pattern.callback.cls, StrictQueryParameters), pattern.name
