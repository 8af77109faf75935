"""Purge the API's cached answers from the CDN when a page is published or unpublished.

Only active when WAGTAILFRONTENDCACHE is configured; Wagtail's own frontend-cache app purges the
page's site URL, this adds what the API serves about it.
"""

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

from embassies.models import MissionContentPage
from embassies.selectors import mission_home_for_page


def api_urls_for_page(page) -> list[str]:
    """The API URLs whose answer may change when `page` is published or unpublished."""
    base = settings.HUB_API_BASE_URL.rstrip("/") + "/api/v1"
    urls = [f"{base}/pages/{page.pk}/", f"{base}/pages/", f"{base}/events/", f"{base}/consular-notices/"]
    specific = page.specific_deferred
    if isinstance(specific, MissionContentPage):
        urls += [f"{base}/pages/{page.pk}/social/{platform}/" for platform in ("facebook", "x", "linkedin")]
    home = mission_home_for_page(page=page)
    if home is not None:
        urls += [
            f"{base}/feeds/{home.mission.slug}/{home.locale.language_code}/{feed_format}/"
            for feed_format in ("rss", "atom", "json")
        ]
    return urls


def purge_page_api_urls(sender, instance, **kwargs):
    """page_published / page_unpublished handler: purge after the transaction commits."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    urls = api_urls_for_page(instance)
    transaction.on_commit(lambda: purge_urls_from_cache(urls))
