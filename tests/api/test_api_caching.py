"""Conditional GETs: ETag, Last-Modified, 304s, Cache-Control, and fresh answers after a publish."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from api import factories as api_factories
from embassies.content_version import content_version
from api.consumers.services import api_key_revoke
from embassies import factories as content
from embassies.models import ConsularNoticePage, EventPage

ENDPOINTS = ["/api/v1/pages/", "/api/v1/missions/", "/api/v1/images/", "/api/v1/feeds/hanoi/vi/rss/"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ENDPOINTS)
def test_every_get_carries_validators_and_revalidates_to_304(client, network_content, url):
    first = client.get(url)
    assert first.status_code == 200
    assert first["ETag"] and first["Last-Modified"]
    assert "max-age=60" in first["Cache-Control"] and "stale-while-revalidate=300" in first["Cache-Control"]

    by_etag = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert by_etag.status_code == 304 and by_etag.content == b""
    by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_date.status_code == 304


@pytest.mark.django_db
def test_a_304_runs_no_more_than_one_query(client, network_content, django_assert_max_num_queries):
    etag = client.get("/api/v1/pages/")["ETag"]
    with django_assert_max_num_queries(1):
        assert client.get("/api/v1/pages/", HTTP_IF_NONE_MATCH=etag).status_code == 304


@pytest.mark.django_db
def test_publishing_or_unpublishing_changes_the_etag(client, network_content, hanoi):
    etag = client.get("/api/v1/pages/")["ETag"]
    content.article(content.section(hanoi), title="Fresh news")
    response = client.get("/api/v1/pages/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and "Fresh news" in response.content.decode()

    etag = response["ETag"]
    network_content["revised"].unpublish()
    assert client.get("/api/v1/pages/", HTTP_IF_NONE_MATCH=etag).status_code == 200


@pytest.mark.django_db
def test_different_queries_have_different_etags(client, network_content):
    assert client.get("/api/v1/pages/?locale=vi")["ETag"] != client.get("/api/v1/pages/?locale=en")["ETag"]


@pytest.mark.django_db
def test_a_revoked_key_gets_401_even_when_revalidating(client, network_content):
    issued = api_factories.api_key(api_factories.consumer())
    headers = {"HTTP_AUTHORIZATION": f"Api-Key {issued.key}"}
    etag = client.get("/api/v1/pages/", **headers)["ETag"]
    assert client.get("/api/v1/pages/", HTTP_IF_NONE_MATCH=etag, **headers).status_code == 304

    api_key_revoke(api_key=issued.api_key)

    response = client.get("/api/v1/pages/", HTTP_IF_NONE_MATCH=etag, **headers)
    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"


@pytest.mark.django_db
def test_a_notice_coming_into_force_changes_the_answer_without_any_edit(client, hanoi):
    """The clock alone changes `active=true`: the ETag follows it, so no cache keeps the old answer."""
    start = timezone.now() + timedelta(hours=1)
    notice = ConsularNoticePage(
        title="Polling stations open for overseas voters", summary="s", notice_type="other",
        severity="information", valid_from=start,
    )
    content.section(hanoi, "consular").add_child(instance=notice)
    notice.save_revision().publish()
    before = client.get("/api/v1/consular-notices/?active=true")
    assert notice.title not in before.content.decode()

    with time_machine.travel(start + timedelta(seconds=1), tick=False):
        after = client.get("/api/v1/consular-notices/?active=true", HTTP_IF_NONE_MATCH=before["ETag"])
        assert after.status_code == 200 and notice.title in after.content.decode()
        assert client.get("/api/v1/consular-notices/?active=true", HTTP_IF_NONE_MATCH=after["ETag"]).status_code == 304


@pytest.mark.django_db
def test_an_event_ending_changes_the_upcoming_answer_without_any_edit(client, hanoi):
    starts = timezone.now() - timedelta(hours=1)
    ends = timezone.now() + timedelta(hours=1)
    event = content.added(
        content.section(hanoi, "events"),
        EventPage(
            title="Reception for the national day", summary="s", venue="Residence", timezone="Asia/Ho_Chi_Minh",
            starts_at=starts, ends_at=ends,
        ),
    )
    before = client.get("/api/v1/events/?upcoming=true")
    assert event.title in before.content.decode()

    with time_machine.travel(ends + timedelta(seconds=1), tick=False):
        after = client.get("/api/v1/events/?upcoming=true", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and event.title not in after.content.decode()


@pytest.mark.django_db
def test_the_clock_scans_run_only_when_the_log_moves(network_content, hanoi):
    """Each call reads the log's head (one query); the version's scans run again only after a change."""
    content_version()  # whatever came before, the process now holds the current version
    with CaptureQueriesContext(connection) as unchanged:
        same = content_version()
    assert len(unchanged) == 1

    content.article(content.section(hanoi, "news"), title="Embassy opens a second visa centre")
    with CaptureQueriesContext(connection) as moved:
        changed = content_version()
    assert len(moved) == 2 and changed[0] != same[0]
