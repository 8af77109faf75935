"""Purge the API's cached answers from the CDN when a page is published or unpublished, or a social post is sent.

Only active when WAGTAILFRONTENDCACHE is configured; Wagtail's own frontend-cache app purges the
page's site URL, this adds what the API serves about it.
"""

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

from embassies.models import MissionContentPage
from embassies.selectors import mission_home_for_page
from social.models import SocialPost
from social.selectors import posts_sent_of_page


def _base() -> str:
    return settings.HUB_API_BASE_URL.rstrip("/") + "/api/v1"


def api_urls_for_social_post(post: SocialPost) -> list[str]:
    """The API URLs whose answer changes when `post` goes out (or leaves with its page)."""
    base = _base()
    urls = [f"{base}/social/posts/", f"{base}/social/campaigns/",
            f"{base}/missions/{post.account.mission.slug}/social/posts/"]
    if post.campaign_id:
        urls.append(f"{base}/social/campaigns/{post.campaign.slug}/")
    return urls


def api_urls_for_page(page) -> list[str]:
    """The API URLs whose answer may change when `page` is published or unpublished."""
    base = _base()
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
    for post in posts_sent_of_page(page=page):
        urls += [url for url in api_urls_for_social_post(post) if url not in urls]
    return urls


def purge_page_api_urls(sender, instance, **kwargs):
    """page_published / page_unpublished handler: purge after the transaction commits."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    urls = api_urls_for_page(instance)
    transaction.on_commit(lambda: purge_urls_from_cache(urls))


def purge_social_post_api_urls(sender, instance, **kwargs):
    """SocialPost post_save handler: a post that is now sent changes the social answers; purge after commit."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None) or instance.status != SocialPost.Status.SENT:
        return
    urls = api_urls_for_social_post(instance)
    transaction.on_commit(lambda: purge_urls_from_cache(urls))
