"""Wagtail's admin search runs on modelsearch's backend for the same engine when one is configured."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from search.services import admin_index_check

from .helpers import RUN_PREFIX, publish_article

ROOT = Path(__file__).resolve().parents[2]


def settings_under(env: dict) -> subprocess.CompletedProcess:
    code = "from django.conf import settings as s; import json; print(json.dumps([s.WAGTAILSEARCH_BACKENDS, s.HUB_SEARCH_FALLBACK_BACKEND]))"
    clean = {key: value for key, value in os.environ.items() if not key.startswith("HUB_SEARCH")}
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT, env={**clean, "DJANGO_SETTINGS_MODULE": "hub.settings.dev", **env}, capture_output=True, text=True, timeout=120,
    )


def test_settings_choose_modelsearch_backend_for_the_configured_engine():
    configured = settings_under(
        {"HUB_SEARCH_ENGINE": "opensearch", "HUB_SEARCH_URL": "https://search.example.org:9200",
         "HUB_SEARCH_USERNAME": "hub", "HUB_SEARCH_PASSWORD": "pw", "HUB_SEARCH_INDEX_PREFIX": "prod-"}
    )
    assert configured.returncode == 0, configured.stderr
    backends, fallback = json.loads(configured.stdout.strip().splitlines()[-1])
    assert backends["default"]["BACKEND"] == "wagtail.search.backends.opensearch3"
    assert backends["default"]["URLS"] == ["https://search.example.org:9200"]
    assert backends["default"]["INDEX_PREFIX"] == "prod-wagtail-"
    assert backends["default"]["OPTIONS"] == {"http_auth": ["hub", "pw"]}
    assert (backends["database"]["BACKEND"], fallback) == ("wagtail.search.backends.database", "database")

    embedded = settings_under({})
    assert json.loads(embedded.stdout.strip().splitlines()[-1]) == [
        {"default": {"BACKEND": "wagtail.search.backends.database"}}, "default"
    ]

    wrong = settings_under({"HUB_SEARCH_ENGINE": "solr", "HUB_SEARCH_URL": "http://x"})
    assert wrong.returncode != 0 and "HUB_SEARCH_ENGINE must be opensearch or elasticsearch" in wrong.stderr


@pytest.mark.django_db
def test_admin_page_search_answers_from_the_engine_and_keeps_missions_apart(engine_url, settings, client, staff, hanoi, paris):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.opensearch3", "URLS": [engine_url],
                    "INDEX_PREFIX": f"{RUN_PREFIX}wagtail-", "TIMEOUT": 30,
                    "INDEX_SETTINGS": settings.WAGTAILSEARCH_ENGINE_INDEX_SETTINGS},
    }
    call_command("wagtail_update_index", stdout=open(os.devnull, "w"))
    hanoi_page = publish_article(hanoi, title="Zanzibar spice route exhibition", language="en")
    vietnamese = publish_article(hanoi, title="Chuyển đổi số trong ngoại giao Zanzibar")
    paris_page = publish_article(paris, title="Zanzibar spice route lecture", language="en")
    backend = get_search_backend()
    backend.get_index_for_model(type(hanoi_page)).refresh()

    assert type(backend).__name__ == "OpenSearch3SearchBackend"
    client.force_login(staff["hq_admin"])
    response = client.get("/admin/pages/search/", {"q": "zanzibar"})
    assert response.status_code == 200
    assert hanoi_page.title in response.content.decode() and paris_page.title in response.content.decode()

    client.force_login(staff["hanoi_editor"])
    response = client.get("/admin/pages/search/", {"q": "zanzibar"})
    assert response.status_code == 200
    assert hanoi_page.title in response.content.decode() and paris_page.title not in response.content.decode()
    for typed in ("chuyển đổi", "chuyen doi", "CHUYỂN"):  # with or without Vietnamese diacritics
        response = client.get("/admin/pages/search/", {"q": typed})
        assert vietnamese.title in response.content.decode(), typed


@pytest.mark.django_db
def test_search_check_finds_and_repairs_what_the_admin_index_missed(search_engine, engine_url, settings, hanoi):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.opensearch3", "URLS": [engine_url],
                    "INDEX_PREFIX": f"{RUN_PREFIX}check-wagtail-", "TIMEOUT": 30,
                    "INDEX_SETTINGS": settings.WAGTAILSEARCH_ENGINE_INDEX_SETTINGS},
    }
    call_command("wagtail_update_index", stdout=open(os.devnull, "w"))
    lost = publish_article(hanoi, title="Admin check: lost during an outage", language="en")
    edited = publish_article(hanoi, title="Admin check: edited behind the signals", language="en")
    backend = get_search_backend()
    pages = backend.get_index_for_model(Page)
    backend.delete(lost)  # as if its write had failed while the engine was down
    Page.objects.filter(pk=edited.pk).update(title="Admin check: renamed in bulk")
    backend.es.index(index=pages.name, id="987654321", body={"pk": "987654321"}, refresh=True)
    pages.refresh()
    assert admin_index_check().clean is False

    out = io.StringIO()
    with pytest.raises(CommandError, match="admin index"):
        call_command("search_check", "--no-progress", stdout=out)
    shown = out.getvalue()
    assert f"admin missing: 1 (page-{lost.pk})" in shown
    assert f"admin stale: 1 (page-{edited.pk})" in shown
    assert "admin extra: 1 (page-987654321)" in shown

    call_command("search_check", "--repair", "--no-progress", stdout=io.StringIO())
    report = admin_index_check()
    assert report.clean and report.checked >= Page.objects.count()
    assert [page.pk for page in backend.search("renamed bulk", Page, operator="and")] == [edited.pk]
    assert [page.pk for page in backend.search("lost outage", Page, operator="and")] == [lost.pk]


@pytest.mark.django_db
def test_admin_index_check_has_nothing_to_compare_on_the_database_backend(search_engine):
    assert admin_index_check().checked is None
