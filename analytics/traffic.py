"""What a request tells about a read, worked out before the request is dropped: whether a person asked for the
page at all (bots, prefetches), the kind of device, and where the reader came from."""

import re
from functools import lru_cache
from urllib.parse import urlsplit

from crawleruseragents import is_crawler

from .models import DeviceClass, ReferrerSource


# The maintained list of crawlers is the crawler-user-agents package (monperrus/crawler-user-agents, ~1,500
# patterns, headless browsers and HTTP libraries among them); its chunked matching takes ~0.14 ms a user agent.
@lru_cache(maxsize=4096)
def is_bot(user_agent: str) -> bool:
    """A user agent of a known crawler or tool, or none at all (browsers always send one)."""
    if not user_agent.strip():
        return True
    return is_crawler(user_agent)


def is_prefetch(headers) -> bool:
    """A speculative fetch (link prefetch, prerender, preview) rather than a read: `Purpose`, `Sec-Purpose`,
    `X-Purpose` or `X-Moz` naming prefetch or preview."""
    purpose = " ".join(headers.get(name, "") for name in ("Purpose", "Sec-Purpose", "X-Purpose", "X-Moz")).lower()
    return "prefetch" in purpose or "preview" in purpose


def asks_not_to_be_tracked(headers) -> bool:
    """Do-Not-Track (`DNT: 1`) or Global Privacy Control (`Sec-GPC: 1`)."""
    return headers.get("DNT", "").strip() == "1" or headers.get("Sec-GPC", "").strip() == "1"


_TABLET = re.compile(r"iPad|Tablet|Kindle|Silk/|PlayBook|Nexus (7|9|10)|SM-T\d|Android(?!.*Mobile)")
_MOBILE = re.compile(r"Mobi|iPhone|iPod|Android|Windows Phone|Opera Mini|BlackBerry")


@lru_cache(maxsize=4096)
def device_class(user_agent: str) -> str:
    """Desktop, mobile or tablet, from the user agent (which is then dropped)."""
    if _TABLET.search(user_agent):
        return DeviceClass.TABLET
    if _MOBILE.search(user_agent):
        return DeviceClass.MOBILE
    return DeviceClass.DESKTOP


# Hosts (and their subdomains) by the kind of site they are; matched on the host's labels, so "news.google.com"
# and "google.com.vn" are search. Cốc Cốc and Zalo are Vietnam's own search engine and messenger.
_SEARCH = ("google", "bing", "duckduckgo", "yahoo", "yandex", "baidu", "ecosia", "qwant", "naver", "coccoc",
           "seznam", "startpage", "brave", "sogou")
_SOCIAL_HOSTS = ("facebook.com", "fb.com", "fb.me", "messenger.com", "instagram.com", "t.co", "twitter.com", "x.com",
                 "linkedin.com", "lnkd.in", "youtube.com", "youtu.be", "tiktok.com", "threads.net", "bsky.app",
                 "reddit.com", "zalo.me", "weibo.com", "vk.com", "t.me", "telegram.org", "whatsapp.com", "line.me",
                 "pinterest.com", "mastodon.social")
_SEARCH_LABEL = re.compile(r"(^|\.)(" + "|".join(_SEARCH) + r")\.[a-z]{2,3}(\.[a-z]{2})?$")
# Android apps refer as android-app://<package>/: Google's search app is a search engine, Gmail is not.
_SEARCH_APPS = ("com.google.android.googlequicksearchbox",)


def referrer_host(referrer: str) -> str:
    """The referring site's host, lower case, without `www.`; nothing of its path or query is kept."""
    try:
        host = (urlsplit(referrer.strip()).hostname or "").lower()
    except ValueError:
        return ""
    return host.removeprefix("www.")[:255]


def referrer_source(host: str, *, own_host: str = "") -> str:
    """Search, social, other, or direct (no referrer, or a page of the same site)."""
    if not host or host == own_host.removeprefix("www."):
        return ReferrerSource.DIRECT
    if any(host == social or host.endswith("." + social) for social in _SOCIAL_HOSTS):
        return ReferrerSource.SOCIAL
    if host in _SEARCH_APPS:
        return ReferrerSource.SEARCH
    if _SEARCH_LABEL.search(host) and host.split(".")[0] not in {"mail", "docs", "drive", "maps"}:
        return ReferrerSource.SEARCH
    return ReferrerSource.OTHER
