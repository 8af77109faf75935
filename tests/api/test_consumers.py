"""API consumers: keys issued and revoked in the admin, key scopes, throttles and CORS, over HTTP."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from api import factories
from api.consumers.models import ApiConsumer, ApiKey
from api.consumers.services import api_key_digest, api_key_revoke

CONSUMERS_URL = "/admin/snippets/api/apiconsumer/"
KEYS_URL = "/admin/snippets/api/apikey/"
MISSIONS = "/api/v1/missions/"
WEBHOOKS = "/api/v1/webhooks/"


@pytest.fixture
def hanoi_site(hanoi):
    return factories.consumer("Embassy in Hanoi website", missions=[hanoi])


@pytest.fixture
def fresh_throttles():
    """Throttle counts live in the cache: start each throttling test from zero."""
    cache.clear()
    yield
    cache.clear()


def _rates(settings, **rates):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anonymous": "1000/min", "api_key": "1000/min", **rates}}


def _key_header(key: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Api-Key {key}"}


# Managing consumers and keys in the admin ---------------------------------------------------------


@pytest.mark.django_db
def test_hq_administrator_creates_a_consumer_scoped_to_missions_in_the_admin(client, staff, hanoi, paris):
    client.force_login(staff["hq_admin"])
    assert client.get(CONSUMERS_URL).status_code == 200

    response = client.post(
        f"{CONSUMERS_URL}add/",
        {
            "name": "Social scheduler",
            "contact_email": "ops@social.example.org",
            "missions": [hanoi.pk, paris.pk],
            "throttle_rate": "300/min",
            "allowed_origins": "https://social.example.org\nhttps://Staging.Social.example.org:8443/",
            "preview_url": "",
            "is_active": "on",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    consumer = ApiConsumer.objects.get(name="Social scheduler")
    assert set(consumer.missions.values_list("slug", flat=True)) == {"hanoi", "paris"}
    assert consumer.origins == ["https://social.example.org", "https://staging.social.example.org:8443"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [("throttle_rate", "lots"), ("throttle_rate", "0/min"), ("allowed_origins", "https://site.example.org/path"),
     ("allowed_origins", "site.example.org"), ("preview_url", "https://site.example.org/preview")],
)
def test_consumer_form_rejects_unusable_settings(client, staff, hanoi, field, value):
    client.force_login(staff["hq_admin"])
    data = {"name": "Broken", "missions": [hanoi.pk], "throttle_rate": "100/min", "allowed_origins": "", "preview_url": ""}

    response = client.post(f"{CONSUMERS_URL}add/", {**data, field: value})

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not ApiConsumer.objects.filter(name="Broken").exists()


@pytest.mark.django_db
def test_a_key_issued_in_the_admin_is_shown_once_and_only_its_digest_is_stored(client, staff, hanoi_site):
    client.force_login(staff["hq_admin"])

    response = client.post(f"{KEYS_URL}add/", {"consumer": hanoi_site.pk, "name": "production server"})

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]  # the admin never caches, so the key lives only on this page
    key = response.context["key"]
    assert key.startswith("ehk_") and key in response.content.decode()
    stored = ApiKey.objects.get(consumer=hanoi_site)
    assert stored.key_digest == api_key_digest(key)
    assert key not in {stored.prefix, stored.key_digest, stored.name}
    assert stored.created_by == staff["hq_admin"]
    for url in (KEYS_URL, f"{KEYS_URL}edit/{stored.pk}/"):
        page = client.get(url)
        assert page.status_code == 200
        assert key not in page.content.decode()
        assert f"ehk_{stored.prefix}" in page.content.decode()
    assert client.get(WEBHOOKS, **_key_header(key)).status_code == 200


@pytest.mark.django_db
def test_revoking_a_key_in_the_admin_refuses_it_from_the_next_request(client, staff, hanoi_site):
    issued = factories.api_key(hanoi_site)
    api = client.__class__()
    assert api.get(WEBHOOKS, **_key_header(issued.key)).status_code == 200
    client.force_login(staff["hq_admin"])
    assert client.get(f"{KEYS_URL}revoke/{issued.api_key.pk}/").status_code == 200

    response = client.post(f"{KEYS_URL}revoke/{issued.api_key.pk}/")

    assert response.status_code == 302
    issued.api_key.refresh_from_db()
    assert issued.api_key.revoked_at is not None and issued.api_key.revoked_by == staff["hq_admin"]
    refused = api.get(MISSIONS, **_key_header(issued.key))
    assert refused.status_code == 401
    assert refused.json() == {"code": "authentication_failed", "message": "The API key is invalid or revoked.", "details": {}}
    assert refused["WWW-Authenticate"] == "Api-Key"


@pytest.mark.django_db
def test_keys_cannot_be_deleted_only_revoked(client, staff, hanoi_site):
    issued = factories.api_key(hanoi_site)
    client.force_login(staff["hq_admin"])

    response = client.post(f"{KEYS_URL}delete/{issued.api_key.pk}/")
    client.post(f"/admin/bulk/api/apikey/delete/?id={issued.api_key.pk}")

    assert response.status_code in (302, 403)
    assert ApiKey.objects.filter(pk=issued.api_key.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["hanoi_editor", "hanoi_head", "asia_reviewer"])
def test_only_hq_administrators_manage_consumers(client, staff, hanoi_site, username):
    issued = factories.api_key(hanoi_site)
    client.force_login(staff[username])

    for url in (CONSUMERS_URL, KEYS_URL, f"{KEYS_URL}add/", f"{CONSUMERS_URL}edit/{hanoi_site.pk}/"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
    client.post(f"{KEYS_URL}add/", {"consumer": hanoi_site.pk, "name": "sneaky"})
    client.post(f"{KEYS_URL}revoke/{issued.api_key.pk}/")

    assert ApiKey.objects.filter(consumer=hanoi_site).count() == 1
    assert ApiKey.objects.get().revoked_at is None
    assert "API consumers" not in client.get("/admin/").content.decode()


# Authentication ---------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("header", ["HTTP_AUTHORIZATION", "HTTP_X_API_KEY"])
def test_a_key_is_accepted_in_either_header(client, hanoi_site, header):
    issued = factories.api_key(hanoi_site)
    value = f"Api-Key {issued.key}" if header == "HTTP_AUTHORIZATION" else issued.key

    response = client.get(WEBHOOKS, **{header: value})

    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["ehk_00000000_not-a-real-key", "something-else", ""])
def test_an_unknown_key_is_a_401_even_on_public_endpoints(client, db, key):
    response = client.get(MISSIONS, HTTP_AUTHORIZATION=f"Api-Key {key}")

    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"


@pytest.mark.django_db
def test_keys_of_a_switched_off_consumer_are_refused(client, hanoi_site):
    issued = factories.api_key(hanoi_site)
    hanoi_site.is_active = False
    hanoi_site.save()

    assert client.get(MISSIONS, **_key_header(issued.key)).status_code == 401


@pytest.mark.django_db
def test_anonymous_callers_read_public_content_but_cannot_write(client, hanoi):
    assert client.get(MISSIONS).status_code == 200

    response = client.post(WEBHOOKS, {"url": "https://x.example.org/hook"}, content_type="application/json")

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


@pytest.mark.django_db
def test_last_use_is_recorded_at_most_once_a_minute(client, hanoi_site, django_assert_num_queries):
    issued = factories.api_key(hanoi_site)
    client.get(MISSIONS, **_key_header(issued.key))
    issued.api_key.refresh_from_db()
    first_use = issued.api_key.last_used_at
    assert first_use is not None

    client.get(MISSIONS, **_key_header(issued.key))
    issued.api_key.refresh_from_db()
    assert issued.api_key.last_used_at == first_use

    ApiKey.objects.filter(pk=issued.api_key.pk).update(last_used_at=timezone.now() - timedelta(minutes=2))
    client.get(MISSIONS, **_key_header(issued.key))
    issued.api_key.refresh_from_db()
    assert issued.api_key.last_used_at > first_use


# Key scopes -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_key_registers_webhooks_only_for_its_consumers_missions(client, hanoi_site, hanoi, paris):
    issued = factories.api_key(hanoi_site)
    body = {"url": "https://hanoi.example.org/hooks/hub", "events": ["publish", "unpublish"]}

    outside = client.post(WEBHOOKS, {**body, "missions": ["paris"]}, content_type="application/json", **_key_header(issued.key))
    inside = client.post(WEBHOOKS, {**body, "missions": ["hanoi"]}, content_type="application/json", **_key_header(issued.key))

    assert outside.status_code == 403
    assert outside.json()["code"] == "permission_denied"
    assert outside.json()["message"] == "This API key does not cover the missions: paris."
    unknown = client.post(WEBHOOKS, {**body, "missions": ["atlantis"]}, content_type="application/json", **_key_header(issued.key))
    assert unknown.status_code == 403 and "atlantis" in unknown.json()["message"]
    assert inside.status_code == 201
    created = inside.json()
    assert created["missions"] == ["hanoi"] and created["secret"].startswith("whsec_")
    listed = client.get(WEBHOOKS, **_key_header(issued.key)).json()
    assert [webhook["id"] for webhook in listed] == [created["id"]]
    assert "secret" not in listed[0]


@pytest.mark.django_db
def test_a_consumer_sees_and_deletes_only_its_own_webhooks(client, hanoi_site, paris):
    paris_site = factories.consumer("Paris site", missions=[paris])
    theirs = factories.webhook(paris_site, url="https://paris.example.org/hook", missions=[paris])
    issued = factories.api_key(hanoi_site)

    assert client.get(f"{WEBHOOKS}{theirs.pk}/", **_key_header(issued.key)).status_code == 404
    assert client.delete(f"{WEBHOOKS}{theirs.pk}/", **_key_header(issued.key)).status_code == 404
    own = client.get(f"{WEBHOOKS}{theirs.pk}/", **_key_header(factories.api_key(paris_site).key))
    assert own.status_code == 200


# Throttling -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_anonymous_callers_are_throttled_with_a_json_429(client, settings, hanoi, fresh_throttles):
    _rates(settings, anonymous="3/min")

    statuses = [client.get(MISSIONS).status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]
    response = client.get(MISSIONS)
    body = response.json()
    assert body["code"] == "throttled"
    assert 0 < body["details"]["retry_after_seconds"] <= 60
    assert int(response["Retry-After"]) == body["details"]["retry_after_seconds"]


@pytest.mark.django_db
def test_revalidations_count_against_the_rate_once_each(client, settings, hanoi, fresh_throttles):
    _rates(settings, anonymous="3/min")
    etag = client.get(MISSIONS)["ETag"]

    statuses = [client.get(MISSIONS, HTTP_IF_NONE_MATCH=etag).status_code for _ in range(2)]
    changed = client.get(MISSIONS, HTTP_IF_NONE_MATCH='"something-else"')

    assert statuses == [304, 304]
    assert changed.status_code == 429 and changed.json()["code"] == "throttled"


@pytest.mark.django_db
def test_a_conditional_request_that_renders_is_counted_once(client, settings, hanoi, fresh_throttles):
    _rates(settings, anonymous="2/min")

    statuses = [client.get(MISSIONS, HTTP_IF_NONE_MATCH='"stale"').status_code for _ in range(3)]

    assert statuses == [200, 200, 429]


@pytest.mark.django_db
def test_each_key_has_its_consumers_rate_and_does_not_use_up_another(client, settings, hanoi, paris, fresh_throttles):
    _rates(settings, anonymous="1/min")
    slow = factories.api_key(factories.consumer("Small tool", missions=[hanoi], throttle_rate="2/min"))
    fast = factories.api_key(factories.consumer("Big site", missions=[paris], throttle_rate="100/min"))

    slow_statuses = [client.get(MISSIONS, **_key_header(slow.key)).status_code for _ in range(3)]
    fast_statuses = [client.get(MISSIONS, **_key_header(fast.key)).status_code for _ in range(5)]
    anonymous = client.get(MISSIONS).status_code

    assert slow_statuses == [200, 200, 429]
    assert fast_statuses == [200] * 5
    assert anonymous == 200  # keyed calls do not count against the anonymous allowance


@pytest.mark.django_db
def test_a_new_key_of_the_same_consumer_has_its_own_count(client, settings, hanoi, fresh_throttles):
    _rates(settings)
    site = factories.consumer("Rotating site", missions=[hanoi], throttle_rate="1/min")
    old, new = factories.api_key(site, name="old"), factories.api_key(site, name="new")

    assert client.get(MISSIONS, **_key_header(old.key)).status_code == 200
    assert client.get(MISSIONS, **_key_header(old.key)).status_code == 429
    assert client.get(MISSIONS, **_key_header(new.key)).status_code == 200


# CORS -------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_preflight_from_a_listed_origin_is_allowed(client, hanoi):
    factories.consumer("Hanoi site", missions=[hanoi], allowed_origins="https://vn.example.org")

    response = client.options(
        MISSIONS, HTTP_ORIGIN="https://vn.example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="x-api-key",
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "https://vn.example.org"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "X-Api-Key" in response["Access-Control-Allow-Headers"]
    assert response["Access-Control-Max-Age"] == "600"
    assert "origin" in response["Vary"].lower()


@pytest.mark.django_db
def test_responses_allow_only_listed_origins_of_active_consumers(client, hanoi):
    factories.consumer("Hanoi site", missions=[hanoi], allowed_origins="https://vn.example.org")
    factories.consumer("Retired site", missions=[hanoi], allowed_origins="https://old.example.org", is_active=False)

    listed = client.get(MISSIONS, HTTP_ORIGIN="https://vn.example.org")
    unlisted = client.get(MISSIONS, HTTP_ORIGIN="https://evil.example.net")
    retired = client.get(MISSIONS, HTTP_ORIGIN="https://old.example.org")
    preflight = client.options(MISSIONS, HTTP_ORIGIN="https://evil.example.net", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")

    assert listed["Access-Control-Allow-Origin"] == "https://vn.example.org"
    assert "ETag" in listed["Access-Control-Expose-Headers"]
    assert "origin" in listed["Vary"].lower()
    for response in (unlisted, retired, preflight):
        assert "Access-Control-Allow-Origin" not in response
        assert "origin" in response["Vary"].lower()
    assert "Access-Control-Allow-Origin" not in client.get("/admin/login/", HTTP_ORIGIN="https://vn.example.org")


@pytest.mark.django_db
def test_origins_changed_in_the_admin_apply_at_once(client, staff, hanoi):
    site = factories.consumer("Hanoi site", missions=[hanoi], allowed_origins="https://vn.example.org")
    assert "Access-Control-Allow-Origin" in client.get(MISSIONS, HTTP_ORIGIN="https://vn.example.org")
    admin = client.__class__()
    admin.force_login(staff["hq_admin"])

    response = admin.post(
        f"{CONSUMERS_URL}edit/{site.pk}/",
        {"name": site.name, "missions": [hanoi.pk], "throttle_rate": site.throttle_rate,
         "allowed_origins": "https://new.vn.example.org", "preview_url": "", "is_active": "on"},
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert "Access-Control-Allow-Origin" not in client.get(MISSIONS, HTTP_ORIGIN="https://vn.example.org")
    assert client.get(MISSIONS, HTTP_ORIGIN="https://new.vn.example.org")["Access-Control-Allow-Origin"] == "https://new.vn.example.org"


@pytest.mark.django_db
def test_revoking_through_the_service_is_idempotent(hanoi_site, staff):
    issued = factories.api_key(hanoi_site)
    api_key_revoke(api_key=issued.api_key, revoked_by=staff["hq_admin"])
    first = issued.api_key.revoked_at

    api_key_revoke(api_key=issued.api_key, revoked_by=None)

    issued.api_key.refresh_from_db()
    assert issued.api_key.revoked_at == first and issued.api_key.revoked_by == staff["hq_admin"]
