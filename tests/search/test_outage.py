"""An engine outage loses nothing: stop a real node, keep editing, start it again, drain the outbox, and the
index matches the database. The test runs its own node (own port and data directory) so that stopping it
cannot disturb other test runs sharing the development node."""

import os
import socket
import subprocess
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend

from embassies import factories as content
from search.models import IndexOutbox
from search.selectors import pages_search
from search.services import admin_index_check, search_check, search_reindex

from .helpers import RUN_PREFIX, drain, engine_missing, publish_article, use_engine

ENGINE_SH = Path(__file__).resolve().parents[2] / "search" / "engine" / "engine.sh"
TOOLCHAIN_MISSING = 3


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def engine(command: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(ENGINE_SH), command], env={**os.environ, **env}, capture_output=True, text=True, timeout=400
    )


def start(env: dict) -> None:
    started = engine("start", env)
    if started.returncode == TOOLCHAIN_MISSING:
        engine_missing(started.stderr.strip())
    assert started.returncode == 0, started.stderr


@pytest.fixture(scope="module")
def private_node(tmp_path_factory):
    env = {"HUB_ENGINE_PORT": str(free_port()), "HUB_ENGINE_HOME": str(tmp_path_factory.mktemp("engine"))}
    start(env)
    yield f"http://127.0.0.1:{env['HUB_ENGINE_PORT']}", env
    engine("stop", env)


@pytest.mark.django_db
def test_changes_made_while_the_engine_is_down_are_all_applied_when_it_returns(
    private_node, settings, hanoi, paris, django_capture_on_commit_callbacks, client, staff
):
    url, env = private_node
    node = use_engine(settings, url, prefix=f"{RUN_PREFIX}outage-")
    settings.WAGTAILSEARCH_BACKENDS = {  # Wagtail's admin search on the same node, as the settings give it
        "default": {"BACKEND": "wagtail.search.backends.opensearch3", "URLS": [url], "TIMEOUT": 30,
                    "INDEX_PREFIX": f"{RUN_PREFIX}outage-wagtail-", "INDEX_SETTINGS": settings.WAGTAILSEARCH_ENGINE_INDEX_SETTINGS},
    }
    call_command("wagtail_update_index", stdout=open(os.devnull, "w"))
    search_reindex()
    kept = publish_article(hanoi, title="Outage drill: trade fair", language="en")
    withdrawn = publish_article(hanoi, title="Outage drill: visa rules", language="en")
    hidden = publish_article(paris, title="Outage drill: staff notice", language="en")
    drain(node)
    assert {hit.page_id for hit in pages_search(q="outage drill").hits} == {kept.pk, withdrawn.pk, hidden.pk}

    assert engine("stop", env).returncode == 0
    before = IndexOutbox.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    with django_capture_on_commit_callbacks(execute=True):
        added = publish_article(hanoi, title="Outage drill: new consulate hours", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        memo = publish_article(hanoi, title="Outage drill: draft memo", language="en", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        withdrawn.unpublish()
    with django_capture_on_commit_callbacks(execute=True):
        publish_article(paris, title="Outage drill: published then deleted", language="en").delete()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    with django_capture_on_commit_callbacks(execute=True):
        hanoi.name = "Embassy in Hanoi (renamed during the outage)"
        hanoi.save()
    with django_capture_on_commit_callbacks(execute=True):
        unrecorded = publish_article(hanoi, title="Outage drill: draft whose entry was lost", language="en", live=False)
    IndexOutbox.objects.filter(target="page", target_id=unrecorded.pk).delete()  # a lost entry: only the check finds it
    moved = publish_article(paris, title="Outage drill: moved to Hanoi", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        moved.move(content.section(hanoi, "news", "en"), pos="last-child")

    during = pages_search(q="outage drill")
    assert (during.backend, during.degraded) == ("database", True)
    recorded = IndexOutbox.objects.filter(pk__gt=before)
    assert recorded.count() >= 8 and recorded.filter(processed_at__isnull=True).count() == recorded.count()
    with pytest.raises(CommandError, match="unreachable"):
        call_command("search_worker", "--once")

    start(env)
    use_engine(settings, url, prefix=f"{RUN_PREFIX}outage-")  # forget the outage the searches remembered
    call_command("search_worker", "--once")

    assert not recorded.filter(processed_at__isnull=True).exists()
    node.index_refresh()
    assert search_check().clean
    results = pages_search(q="outage drill")
    assert results.backend == "opensearch"
    assert {hit.page_id for hit in results.hits} == {kept.pk, added.pk, moved.pk}
    assert {hit.mission_name for hit in results.hits} == {"Embassy in Hanoi (renamed during the outage)"}

    # Wagtail's admin search missed every change while the node was down; the outbox caught it up too.
    get_search_backend().get_index_for_model(Page).refresh()
    client.force_login(staff["hq_admin"])
    admin_found = client.get("/admin/pages/search/", {"q": "outage drill"}).content.decode()
    assert added.title in admin_found and memo.title in admin_found  # a draft too: editors search drafts
    assert "published then deleted" not in admin_found
    assert unrecorded.title not in admin_found

    # search_check compares Wagtail's admin index too, and --repair writes what no outbox entry named.
    admin = admin_index_check()
    assert (admin.missing, admin.stale, admin.extra) == ([f"page-{unrecorded.pk}"], [], [])
    call_command("search_check", "--repair", "--no-progress", stdout=open(os.devnull, "w"))
    assert admin_index_check().clean
    assert unrecorded.title in client.get("/admin/pages/search/", {"q": "outage drill"}).content.decode()
