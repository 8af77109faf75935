"""HTTP caching for the reference site: public pages cacheable by browsers and CDNs, revalidated with a 304.

A page a visitor without a session sees is the same for everyone, and changes only with the content version
(embassies/content_version.py) the API's answers use: that version and the page's absolute URL make its ETag
and the key under which the rendered page is kept in the shared `site_pages` cache. A publish or unpublish
writes a log entry, so it moves the version and every kept page and ETag of the old one stops matching.

Anything a session, login, CSRF token, message or a changed cookie touches is `private, no-store`, and is never
kept or answered from the cache. Views marked `site_cache_exempt` (search, whose answers follow the index) and
paths outside the language-prefixed site are left alone.
"""

import hashlib
from datetime import datetime

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag

from embassies.content_version import content_version_of
from hub import kept_answers

SITE_PAGES_CACHE_ALIAS = "site_pages"
_PER_VISITOR = "per-visitor"  # a site page rendered for a visitor with a session: private, never kept


def site_cache_exempt(view):
    """Mark a site view whose answer does not follow the content version alone (it gets no validators)."""
    view.site_cache_exempt = True
    return view


def _site_prefixes() -> tuple[str, ...]:
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def _page_digest(request, version: str) -> str:
    """Everything a public page depends on: the content version and the absolute URL (the language is in its path)."""
    raw = f"{version}|{request.build_absolute_uri()}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def _page_cache():
    """(cache, seconds) for kept pages, or (None, 0) when there is no `site_pages` cache or 0 seconds."""
    seconds = getattr(settings, "HUB_SITE_PAGE_CACHE_SECONDS", 0)
    if seconds <= 0 or SITE_PAGES_CACHE_ALIAS not in settings.CACHES:
        return None, 0
    return caches[SITE_PAGES_CACHE_ALIAS], seconds


def _kept_key(digest: str) -> str:
    return f"site-page:{digest}"


def _add_public_headers(response, etag: str, last_modified: datetime | None):
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    patch_cache_control(
        response,
        public=True,
        max_age=settings.HUB_SITE_MAX_AGE_SECONDS,
        stale_while_revalidate=settings.HUB_SITE_STALE_WHILE_REVALIDATE_SECONDS,
    )
    return response


def _carries_session(request) -> bool:
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def _touched_per_visitor_state(request, response) -> bool:
    """Whether rendering used something of this visitor's own: a session, a CSRF token, messages or a cookie."""
    session = getattr(request, "session", None)
    messages = getattr(request, "_messages", None)
    return (
        _carries_session(request)
        or (session is not None and session.modified)
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE", False)
        or bool(response.cookies)
        or (messages is not None and getattr(messages, "used", False))
    )


class SitePageCacheMiddleware:
    """Cache-Control, ETag and Last-Modified on public site pages; a matching conditional GET gets a bare 304,
    and a page already rendered for this content version comes from the shared cache without rendering."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self._answer(request)
        finally:
            self._release(request)  # after the page is kept, so a reader waiting for it finds it

    def _answer(self, request):
        response = self.get_response(request)
        validators = getattr(request, "_site_page_validators", None)
        if validators is None or response.status_code != 200 or response.has_header("Cache-Control"):
            return response
        if validators == _PER_VISITOR or _touched_per_visitor_state(request, response):
            patch_cache_control(response, private=True, no_store=True)
            return response
        etag, last_modified, digest = validators
        _add_public_headers(response, etag, last_modified)
        store, seconds = _page_cache()
        if store is not None and not response.streaming:
            store.set(_kept_key(digest), (response.content, dict(response.headers)), seconds)
            kept_answers.asked(request)
        return response

    def _release(self, request):
        """Let go of the render lock this request took (hub.kept_answers), whatever became of its page."""
        validators = getattr(request, "_site_page_validators", None)
        store, _seconds = _page_cache()
        if getattr(request, "_site_page_render_lock", False) and store is not None and isinstance(validators, tuple):
            kept_answers.release(store, _kept_key(validators[2]))

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method not in ("GET", "HEAD") or not request.path.startswith(_site_prefixes()):
            return None
        if getattr(view_func, "site_cache_exempt", False):
            return None
        if _carries_session(request):
            request._site_page_validators = _PER_VISITOR
            return None
        version, last_modified = content_version_of(request)
        digest = _page_digest(request, version)
        etag = quote_etag(digest)
        request._site_page_validators = (etag, last_modified, digest)
        store, _seconds = _page_cache()
        if store is not None:
            kept_answers.seen(request, version)
        if "If-None-Match" in request.headers or "If-Modified-Since" in request.headers:
            modified_at = last_modified and int(last_modified.timestamp())
            not_modified = get_conditional_response(request, etag=etag, last_modified=modified_at)
            if not_modified is not None:
                request._site_page_validators = None
                if store is not None:
                    kept_answers.asked(request)
                return _add_public_headers(not_modified, etag, last_modified)
        if store is None:
            return None
        kept, request._site_page_render_lock = kept_answers.kept_or_wait(store, _kept_key(digest))
        if kept is not None:
            request._site_page_validators = None
            kept_answers.asked(request)
            content, headers = kept
            return HttpResponse(content, headers=headers)
        return None
