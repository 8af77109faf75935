"""On publish, the CDN is told to purge what the API serves about the page (PURGE over real HTTP)."""

import pytest
from django.test import override_settings

from embassies import factories as content


@pytest.mark.django_db
def test_publishing_purges_the_pages_api_urls(hanoi, cdn, django_capture_on_commit_callbacks):
    location, purged = cdn
    frontend_cache = {"cdn": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": location}}
    with override_settings(WAGTAILFRONTENDCACHE=frontend_cache, HUB_API_BASE_URL="https://hub.example.org"):
        with django_capture_on_commit_callbacks(execute=True):
            page = content.article(content.section(hanoi), title="Embassy opens online press centre")
        assert f"/api/v1/pages/{page.pk}/" in purged
        assert "/api/v1/pages/" in purged
        assert "/api/v1/feeds/hanoi/vi/rss/" in purged
        assert f"/api/v1/pages/{page.pk}/social/x/" in purged

        purged.clear()
        with django_capture_on_commit_callbacks(execute=True):
            page.unpublish()
        assert f"/api/v1/pages/{page.pk}/" in purged

