"""The embargo moment, on a controlled clock: before it an embargoed release is nowhere public; within the minute
after it, one round of the publish worker makes it public and the site, the API (kept answers included), the feeds,
the search engine (through the outbox), the sitemap and the webhook all follow, the webhook exactly once."""

import json
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command

from api import factories as api_factories
from embassies.models import ArticlePage
from press import factories as press_factories
from search.selectors import pages_search
from tests.api.test_webhooks import Receiver

from .helpers import doc_ids, drain

pytestmark = pytest.mark.django_db

SECRET = "Embargowordzz"  # one word the engine and the database both tokenise the same way
T0 = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def _public_everywhere(client, page) -> dict:
    """Where the release shows for an anonymous caller, exit by exit."""
    site = client.get(f"/vi/hanoi/news/{page.slug}/")
    return {
        "site": site.status_code == 200 and SECRET in site.content.decode(),
        "site_section": SECRET in client.get("/vi/hanoi/news/").content.decode(),
        "api_detail": client.get(f"/api/v1/pages/{page.pk}/").status_code == 200,
        "api_list": SECRET in client.get("/api/v1/pages/?mission=hanoi").content.decode(),
        "press_api": client.get(f"/api/v1/press/releases/{page.pk}/").status_code == 200,
        "feed": SECRET in client.get("/api/v1/feeds/hanoi/vi/rss/").content.decode(),
        "json_feed": SECRET in client.get("/api/v1/feeds/hanoi/vi/json/").content.decode(),
        "social": client.get(f"/api/v1/pages/{page.pk}/social/x/").status_code == 200,
        "api_search": SECRET in client.get(f"/api/v1/search/?q={SECRET}").content.decode(),
        "search": [hit.page_id for hit in pages_search(q=SECRET).hits] == [page.pk],
        "sitemap": f"/news/{page.slug}/" in client.get("/vi/hanoi/sitemap.xml").content.decode(),
    }


def test_at_the_embargo_moment_everything_flips_within_the_minute(
    client, search_engine, hanoi, django_capture_on_commit_callbacks
):
    with time_machine.travel(T0, tick=False) as clock, Receiver() as receiver:
        api_factories.webhook(api_factories.consumer("Hanoi site", missions=[hanoi]), url=receiver.url, missions=[hanoi])
        moment = T0 + timedelta(hours=1)
        with django_capture_on_commit_callbacks(execute=True):
            page = press_factories.embargoed_release(hanoi, title=f"{SECRET} trade agreement", until=moment)
        drain(search_engine)
        before = _public_everywhere(client, page)  # also fills the kept answers and the site cache
        assert not any(before.values()), before
        assert page.pk not in doc_ids(search_engine)
        assert receiver.requests == []

        clock.move_to(moment - timedelta(seconds=1))
        with django_capture_on_commit_callbacks(execute=True):
            call_command("publish_worker", "--once")
        assert not ArticlePage.objects.get(pk=page.pk).live

        clock.move_to(moment + timedelta(seconds=20))  # the worker's next round, within its 20 s
        with django_capture_on_commit_callbacks(execute=True):
            call_command("publish_worker", "--once")
        drain(search_engine)
        assert ArticlePage.objects.get(pk=page.pk).live
        after = _public_everywhere(client, page)
        assert all(after.values()), after
        assert page.pk in doc_ids(search_engine)

        with django_capture_on_commit_callbacks(execute=True):
            call_command("publish_worker", "--once")
        assert [json.loads(request["body"])["event"] for request in receiver.requests] == ["publish"]
        assert json.loads(receiver.requests[0]["body"])["page"]["id"] == page.pk
