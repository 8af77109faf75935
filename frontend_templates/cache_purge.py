"""Purge the reference site's pages from the CDN when a page is published or unpublished.

Only active when WAGTAILFRONTENDCACHE is configured, like the API's purge (api/cache_purge.py). Wagtail's own
frontend-cache app purges the page's URL; the listings that show it (its section, up to the mission home) and
the mission's sitemap change with it, so they are purged too. Kept pages in the `site_pages` cache need no purge:
their key is the content version, which the publish moved.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.translation import override
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

from embassies.selectors import mission_home_for_page


def site_urls_for_page(page) -> list[str]:
    """The site URLs whose page may change when `page` is published or unpublished."""
    home = mission_home_for_page(page=page)
    if home is None:
        return []
    listings = page.get_ancestors(inclusive=True).filter(depth__gte=home.depth).live()
    urls = [url for url in (listing.get_full_url() for listing in listings) if url]
    root = home.get_site().root_url if home.get_site() else ""
    with override(home.locale.language_code):
        urls.append(root + reverse("mission_sitemap", args=[home.mission.slug]))
    return urls


def purge_page_site_urls(sender, instance, **kwargs):
    """page_published / page_unpublished handler: purge after the transaction commits."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    urls = site_urls_for_page(instance)
    if urls:
        transaction.on_commit(lambda: purge_urls_from_cache(urls))
