"""POST /api/v1/analytics/hit: a read of a live public page is a 202 and one stored hit; anything else is a 400
naming the field, and nothing is stored for it."""

import pytest
from django.core.cache import caches

from analytics.models import DeviceClass, PageHit, ReferrerSource

from .conftest import HIT, IPHONE, READER_ADDRESS


def test_a_read_of_a_live_page_is_counted_with_its_mission_and_facts(read, pages, hanoi):
    page = pages["hanoi"]
    response = read({
        "page": page.pk, "url": f"https://embassy.example.vn{page.url}?utm_source=facebook&utm_medium=social"
        "&utm_campaign=tet-2027", "referrer": "https://l.facebook.com/l.php?u=secret-path", "language": "vi-VN",
    }, agent=IPHONE)

    assert response.status_code == 202 and response.content == b""
    assert "no-store" in response["Cache-Control"]
    hit = PageHit.objects.get()
    assert (hit.page_id, hit.mission_id) == (page.pk, hanoi.pk)
    assert (hit.utm_source, hit.utm_medium, hit.utm_campaign) == ("facebook", "social", "tet-2027")
    assert (hit.referrer_source, hit.referrer_host) == (ReferrerSource.SOCIAL, "l.facebook.com")
    assert (hit.language, hit.device) == ("vi", DeviceClass.MOBILE)
    assert len(hit.visitor) == 32
    assert hit.hour.minute == hit.hour.second == hit.hour.microsecond == 0


def test_a_page_is_found_by_its_address_on_the_reference_site(read, pages):
    page = pages["paris"]
    assert read({"url": f"http://testserver{page.url}?utm_campaign=14-juillet"}).status_code == 202
    hit = PageHit.objects.get()
    assert (hit.page_id, hit.utm_campaign, hit.referrer_source) == (page.pk, "14-juillet", ReferrerSource.DIRECT)


def test_a_read_sent_as_json_is_counted_too(client, pages):
    response = client.post(HIT, {"page": pages["hanoi"].pk}, content_type="application/json", HTTP_USER_AGENT=IPHONE)
    assert response.status_code == 202 and PageHit.objects.count() == 1


@pytest.mark.parametrize("which", ["draft", "restricted"])
def test_a_page_that_is_not_live_and_public_is_a_400_and_nothing_is_stored(read, pages, which):
    page = pages[which]
    by_id = read({"page": page.pk})
    by_address = read({"url": f"http://testserver{page.url or '/vi/hanoi/news/not-yet-approved/'}"})

    assert by_id.status_code == by_address.status_code == 400
    assert by_id.json()["details"] == {"page": ["No live public page has this id."]}
    assert by_address.json()["details"] == {"url": ["No live public page has this address."]}
    assert not PageHit.objects.exists()


def test_an_unpublished_page_is_no_longer_counted(read, pages):
    page = pages["hanoi"]
    page.unpublish()
    assert read({"page": page.pk}).status_code == 400
    assert not PageHit.objects.exists()


@pytest.mark.parametrize(("body", "field"), [
    ({}, "page"),
    ({"referrer": "https://example.org/"}, "page"),
    ({"page": "twelve"}, "page"),
    ({"page": 0}, "page"),
    ({"page": 2**40}, "page"),
    ({"page": 999999}, "page"),
    ({"url": "not an address"}, "url"),
    ({"url": "http://testserver/vi/nowhere/at-all/"}, "url"),
    ({"url": "http://testserver/"}, "url"),
    ({"url": "https://example.org/" + "a" * 2000}, "url"),
    ({"page": 1, "referrer": "r" * 2001}, "referrer"),
    ({"page": 1, "language": "<script>"}, "language"),
    ({"page": 1, "language": "e"}, "language"),
    ({"page": 1, "dnt": "perhaps"}, "dnt"),
    ({"page": 1, "referrer": "nul\x00byte"}, "referrer"),
])
def test_bad_input_is_a_400_naming_the_field(read, pages, body, field):
    response = read(body)
    assert response.status_code == 400, response.content
    error = response.json()
    assert error["code"] == "invalid" and field in error["details"]
    assert not PageHit.objects.exists()


def test_a_body_that_is_not_json_is_a_400_and_another_media_type_a_415(client, read, pages):
    assert read("page=1").json()["code"] == "invalid"
    assert read("[1, 2]").status_code == 400
    xml = client.post(HIT, "<page>1</page>", content_type="application/xml", HTTP_USER_AGENT=IPHONE)
    assert xml.status_code == 415 and set(xml.json()) == {"code", "message", "details"}
    assert not PageHit.objects.exists()


def test_reads_are_throttled_per_address_with_a_json_429(read, pages, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
        **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "analytics_hit": "2/min",
    }}
    body = {"page": pages["hanoi"].pk}
    assert [read(body).status_code for _ in range(2)] == [202, 202]
    refused = read(body)
    assert refused.status_code == 429 and refused.json()["code"] == "throttled" and refused["Retry-After"]
    assert read(body, address="198.51.100.9").status_code == 202
    assert PageHit.objects.count() == 3
    # The count is kept under a keyed hash of the address, not the address.
    kept = " ".join(caches["default"]._cache)
    assert "analytics_hit" in kept and READER_ADDRESS not in kept and "198.51.100.9" not in kept


def test_the_endpoint_is_in_the_schema_and_the_index(client, db):
    operation = client.get("/api/v1/schema/?format=json").json()["paths"]["/api/v1/analytics/hit"]["post"]
    assert set(operation["requestBody"]["content"]) == {"application/json", "text/plain"}
    assert "202" in operation["responses"] and "400" in operation["responses"]
    endpoints = {endpoint["name"]: endpoint for endpoint in client.get("/api/v1/").json()["endpoints"]}
    assert endpoints["analytics-hit"]["methods"] == ["POST"] and not endpoints["analytics-hit"]["key_required"]


def test_a_read_costs_three_queries_once_the_days_salt_is_made(read, pages, django_assert_num_queries):
    read({"page": pages["hanoi"].pk})
    with django_assert_num_queries(3):  # the public page, its mission, the insert
        assert read({"page": pages["hanoi"].pk, "referrer": "https://t.co/x", "language": "en"}).status_code == 202
