"""HTTP caching for the API: validators that cost one small query, so a 304 never renders anything.

The content version (embassies/content_version.py) moves with every change of public content and with the
clock (expiries, consular notices coming into or out of force, events ending); every ETag and Last-Modified
derive from it.

The same version keys a small per-process cache of rendered 200s (`HttpCached` views with `keep_answers=True`),
so a popular listing is rendered once per worker and content change, not once per request. A 304 and a kept
answer are given inside DRF's dispatch, once its authentication, permissions, query-parameter check
(api/parameters.py) and throttles have passed, and before the view's handler would render anything.
"""

import hashlib
from datetime import datetime

from django.conf import settings
from django.core.cache import caches
from django.db.models import Max
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag

from embassies.content_version import content_version, content_version_of
from hub import kept_answers
from search.models import IndexOutbox

from .parameters import StrictQueryParameters


MAX_AGE_SECONDS = 60
STALE_WHILE_REVALIDATE_SECONDS = 300
RESPONSE_CACHE_ALIAS = "api_responses"


def _answer_digest(request, version: str) -> str:
    """Everything a public answer depends on: the content version, the absolute URL (scheme, host, path and
    query) and the Accept header. It is the answer's ETag, and the key of the kept answer."""
    raw = f"{version}|{request.build_absolute_uri()}|{request.headers.get('Accept', '')}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def _is_conditional(request) -> bool:
    return "If-None-Match" in request.headers or "If-Modified-Since" in request.headers


def _add_cache_headers(response, etag: str, last_modified: datetime | None):
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    patch_cache_control(
        response, public=True, max_age=MAX_AGE_SECONDS, stale_while_revalidate=STALE_WHILE_REVALIDATE_SECONDS
    )
    patch_vary_headers(response, ["Accept"])
    return response


class _Answered(Exception):
    """Raised in `initial()` to answer without the handler: DRF's `handle_exception` hands the answer back to its
    own dispatch, which finalizes it like any other."""

    def __init__(self, response):
        super().__init__()
        self.response = response


class HttpCached(StrictQueryParameters):
    """ETag, Last-Modified and Cache-Control on a public GET view; a conditional request that matches gets a bare 304.

    With `keep_answers`, a rendered 200 is kept (`_response_cache`) under a key that includes the content version,
    and the same request is answered from it, headers and all, until public content changes. Both happen inside
    DRF's dispatch, after its authentication, permissions, the query-parameter check and throttles, so a wrong or
    revoked key still gets its 401 and every answer counts once against the caller's rate."""

    keep_answers = False
    answers_conditional_requests = True  # the schema lists its 304
    _validators = None  # (ETag, Last-Modified, answer digest) of the current GET
    _holds_render_lock = False  # this request renders an answer others may be waiting for (hub.kept_answers)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD"):
            return
        version, last_modified = content_version_of(request)
        digest = _answer_digest(request, version)
        etag = quote_etag(digest)
        self._validators = (etag, last_modified, digest)
        store, _seconds = _response_cache() if self.keep_answers else (None, 0)
        if store is not None:
            kept_answers.seen(request._request, version)
        if _is_conditional(request):
            modified_at = last_modified and int(last_modified.timestamp())
            not_modified = get_conditional_response(request, etag=etag, last_modified=modified_at)
            if not_modified is not None:
                if store is not None:
                    kept_answers.asked(request._request)
                raise _Answered(_add_cache_headers(not_modified, etag, last_modified))
        if store is None:
            return
        kept, self._holds_render_lock = kept_answers.kept_or_wait(store, _kept_key(digest))
        if kept is not None:
            kept_answers.asked(request._request)
            content, headers = kept
            raise _Answered(HttpResponse(content, headers=headers))

    def handle_exception(self, exc):
        if isinstance(exc, _Answered):
            self._validators = None  # answered already, headers and all
            return exc.response
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if self._validators is None or response.status_code != 200:
            self._render_lock_release()
            return response
        etag, last_modified, digest = self._validators
        _add_cache_headers(response, etag, last_modified)
        store, seconds = _response_cache() if self.keep_answers else (None, 0)
        if store is not None:
            kept_answers.asked(request._request)
            _keep_when_rendered(response, store, _kept_key(digest), seconds, holds_lock=self._holds_render_lock)
            self._holds_render_lock = False
        return response

    def _render_lock_release(self):
        if self._holds_render_lock and self._validators is not None:
            store, _seconds = _response_cache()
            if store is not None:
                kept_answers.release(store, _kept_key(self._validators[2]))
        self._holds_render_lock = False


def _kept_key(digest: str) -> str:
    return f"api-response:{digest}"


def _keep_when_rendered(response, store, key: str, seconds: int, *, holds_lock: bool = False) -> None:
    """Keep the answer's bytes and its own headers (not those the middleware adds later) once it is rendered, and
    let go of the render lock readers waiting for it watch."""

    def keep(rendered):
        store.set(key, (rendered.content, dict(rendered.headers)), seconds)
        if holds_lock:
            kept_answers.release(store, key)

    if hasattr(response, "add_post_render_callback"):
        response.add_post_render_callback(keep)
    elif not response.streaming:
        keep(response)
    elif holds_lock:
        kept_answers.release(store, key)


def _index_updated_at():
    """When the search index last took a change (the newest applied outbox entry), or None."""
    return IndexOutbox.objects.aggregate(latest=Max("processed_at"))["latest"]


class SearchAnswerCached(StrictQueryParameters):
    """ETag, Last-Modified and Cache-Control for answers that come from the search index as well as the database.

    The index follows the database a moment later (the outbox), so the content version alone could vouch for an
    answer rendered before the index caught up. Here the ETag is a digest of the answer itself, and Last-Modified
    the later of the content version and the index's last update; a conditional request still renders, but a
    matching one gets a bare 304.
    """

    answers_conditional_requests = True

    def answer_moments(self) -> list:
        """The moments the answer may last have changed at; Last-Modified is the latest of them."""
        return [content_version()[1], _index_updated_at()]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        response.render()
        etag = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
        moments = [moment for moment in self.answer_moments() if moment is not None]
        last_modified = max(moments) if moments else None
        _add_cache_headers(response, etag, last_modified)
        return get_conditional_response(
            request, etag=etag, last_modified=last_modified and int(last_modified.timestamp()), response=response
        )


def _response_cache():
    """(cache, seconds) for rendered responses, or (None, 0) when off (no `api_responses` cache, or 0 seconds).

    The key is the content version, which moves with every public change and with the clock's (expiry, notices
    coming into force, events ending), so an entry never outlives its answer; the lifetime only lets entries of
    old versions go. It is long on purpose: a worker re-rendering a popular listing every minute stalls every
    request queued behind it. What can still change without a new version — a rendition made by the background
    task replacing the signed URL of a missing one — works either way."""
    seconds = getattr(settings, "HUB_API_RESPONSE_CACHE_SECONDS", 0)
    if seconds <= 0 or RESPONSE_CACHE_ALIAS not in settings.CACHES:
        return None, 0
    return caches[RESPONSE_CACHE_ALIAS], seconds
