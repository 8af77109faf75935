"""HTTP caching for the API: validators that cost one small query, so a 304 never renders anything.

Every change that can alter public content — publish, unpublish, delete, move, privacy, an edited
image or mission — writes a Wagtail log entry. The clock changes answers too: a page reaching its
expiry date, a consular notice coming into or going out of force, an event ending (`upcoming`). The
newest of all those moments is the "content version" every ETag and Last-Modified derive from.

The same version keys a small per-process cache of rendered 200s (`ContentVersionCacheMixin`), so a
popular listing is rendered once per worker and content change, not once per request.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone as dt_timezone
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.models import Max
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag
from django.utils.translation import get_language
from django.views.decorators.http import condition
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import ModelLogEntry, Page, PageLogEntry

from embassies.models import ConsularNoticePage, EventPage
from search.models import IndexOutbox


MAX_AGE_SECONDS = 60
STALE_WHILE_REVALIDATE_SECONDS = 300
RESPONSE_CACHE_ALIAS = "api_responses"


_PAGE_LOG = PageLogEntry._meta.db_table
_MODEL_LOG = ModelLogEntry._meta.db_table

# The newest log entries: four index lookups. Ids alone could repeat after a rolled-back insert (SQLite reuses
# them), their timestamps with them practically not.
_LOG_HEAD_SQL = (
    f"SELECT (SELECT MAX(id) FROM {_PAGE_LOG}), (SELECT MAX(timestamp) FROM {_PAGE_LOG}),"
    f" (SELECT MAX(id) FROM {_MODEL_LOG}), (SELECT MAX(timestamp) FROM {_MODEL_LOG})"
)


def _clock_sql() -> str:
    """The log head again (same snapshot), then for each clock-driven change the latest moment already passed
    and the earliest still to come."""
    page, notice, event = Page._meta.db_table, ConsularNoticePage._meta.db_table, EventPage._meta.db_table
    return (
        _LOG_HEAD_SQL + ","
        f" (SELECT MAX(expire_at) FROM {page} WHERE live AND expire_at <= %(now)s),"
        f" (SELECT MAX(valid_from) FROM {notice} WHERE valid_from <= %(now)s),"
        f" (SELECT MAX(valid_until) FROM {notice} WHERE valid_until <= %(now)s),"
        f" (SELECT MAX(ends_at) FROM {event} WHERE ends_at < %(now)s),"
        f" (SELECT MIN(expire_at) FROM {page} WHERE live AND expire_at > %(now)s),"
        f" (SELECT MIN(valid_from) FROM {notice} WHERE valid_from > %(now)s),"
        f" (SELECT MIN(valid_until) FROM {notice} WHERE valid_until > %(now)s),"
        f" (SELECT MIN(ends_at) FROM {event} WHERE ends_at >= %(now)s)"
    )


def _as_datetime(value) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):  # SQLite returns text for raw aggregates
        value = datetime.fromisoformat(value)
    return value if timezone.is_aware(value) else timezone.make_aware(value, dt_timezone.utc)


@dataclass(frozen=True)
class _ContentVersion:
    log_head: tuple  # what _LOG_HEAD_SQL returned when this version was computed
    key: str
    last_modified: datetime | None
    good_until: datetime | None  # the next moment the clock alone changes an answer


_latest_version: _ContentVersion | None = None  # per process; replaced whole, never changed


def _compute_content_version(now: datetime) -> _ContentVersion:
    with connection.cursor() as cursor:
        cursor.execute(_clock_sql(), {"now": now})
        row = cursor.fetchone()
    log_head, passed, to_come = tuple(row[:4]), row[4:8], row[8:]
    page_log_id, page_log_at, model_log_id, model_log_at = log_head
    moments = [_as_datetime(moment) for moment in (page_log_at, model_log_at, *passed) if moment is not None]
    upcoming = [_as_datetime(moment) for moment in to_come if moment is not None]
    return _ContentVersion(
        log_head=log_head,
        key=":".join(str(part) for part in (page_log_id, model_log_id, *passed)),
        last_modified=max(moments) if moments else None,
        good_until=min(upcoming) if upcoming else None,
    )


def content_version(request) -> tuple[str, datetime | None]:
    """(version key, last-modified time) of everything public, computed once per request.

    Every change of public content writes a log entry, so the process keeps the last version it computed and
    reuses it while the log's head is the same and the clock has not reached the next moment that changes an
    answer (an expiry, a notice coming into or out of force, an event ending): one query of four index lookups
    per request, and the scans of the clock-driven moments only when something changed.
    """
    global _latest_version
    cached = getattr(request, "_hub_content_version", None)
    if cached is not None:
        return cached
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(_LOG_HEAD_SQL)
        log_head = tuple(cursor.fetchone())
    version = _latest_version
    if version is None or version.log_head != log_head or (version.good_until is not None and now >= version.good_until):
        version = _latest_version = _compute_content_version(now)
    request._hub_content_version = (version.key, version.last_modified)
    return request._hub_content_version


def _etag(request, *args, **kwargs) -> str:
    version, _last_modified = content_version(request)
    digest = hashlib.sha256(f"{version}|{request.get_full_path()}|{request.headers.get('Accept', '')}".encode())
    return digest.hexdigest()[:32]


def _last_modified(request, *args, **kwargs) -> datetime | None:
    return content_version(request)[1]


class _RevalidationGate(APIView):
    """The API's authentication and throttles, run before a conditional request is answered with a bare 304,
    so a wrong or revoked key still gets its 401 and a 304 counts against the caller's rate like any answer."""

    def get(self, request, *args, **kwargs):
        return Response(status=204)  # passed: never sent, the caller goes on to the conditional view

    head = get


def _is_conditional(request) -> bool:
    return "If-None-Match" in request.headers or "If-Modified-Since" in request.headers


def cached_api_view(view):
    """ETag, Last-Modified and Cache-Control on a GET view; conditional requests get a bare 304."""
    conditional = condition(etag_func=_etag, last_modified_func=_last_modified)(view)
    gate = _RevalidationGate.as_view()

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method in ("GET", "HEAD") and _is_conditional(request):
            refusal = gate(request, *args, **kwargs)
            if refusal.status_code != 204:
                return refusal
        response = conditional(request, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code in (200, 304):
            patch_cache_control(
                response, public=True, max_age=MAX_AGE_SECONDS, stale_while_revalidate=STALE_WHILE_REVALIDATE_SECONDS
            )
            patch_vary_headers(response, ["Accept"])
        return response

    wrapped.csrf_exempt = getattr(view, "csrf_exempt", False)
    return wrapped


def _index_updated_at():
    """When the search index last took a change (the newest applied outbox entry), or None."""
    return IndexOutbox.objects.aggregate(latest=Max("processed_at"))["latest"]


def search_api_view(view):
    """ETag, Last-Modified and Cache-Control for answers that come from the search index as well as the database.

    The index follows the database a moment later (the outbox), so the content version alone could vouch for an
    answer rendered before the index caught up. Here the ETag is a digest of the answer itself, and Last-Modified
    the later of the content version and the index's last update; a conditional request still renders, but a
    matching one gets a bare 304.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if hasattr(response, "render"):
            response.render()
        etag = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
        moments = [moment for moment in (content_version(request)[1], _index_updated_at()) if moment is not None]
        last_modified = max(moments) if moments else None
        response["ETag"] = etag
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified.timestamp())
        patch_cache_control(
            response, public=True, max_age=MAX_AGE_SECONDS, stale_while_revalidate=STALE_WHILE_REVALIDATE_SECONDS
        )
        patch_vary_headers(response, ["Accept"])
        return get_conditional_response(
            request, etag=etag, last_modified=last_modified and int(last_modified.timestamp()), response=response
        )

    wrapped.csrf_exempt = getattr(view, "csrf_exempt", False)
    return wrapped


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


def _response_key(request) -> str:
    """Everything a public answer depends on: the content version, the absolute URL (scheme, host, path and
    query), the Accept header and the active language."""
    version, _last_modified = content_version(request)
    raw = f"{version}|{request.build_absolute_uri()}|{request.headers.get('Accept', '')}|{get_language()}"
    return "api-response:" + hashlib.sha256(raw.encode()).hexdigest()


class ContentVersionCacheMixin:
    """For public GET views under `cached_api_view`: a 200 already rendered for the same key (`_response_key`)
    is served again instead of being rendered anew. It wraps the view's handler, so authentication,
    permissions and throttling run first for every request as before; a new content version is a new key,
    so no answer outlives a change of public content."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        render = self.get  # whichever class defines it; HEAD is answered by GET, as Django does

        def get(request, *args, **kwargs):
            return self._get_cached_or_render(render, request, *args, **kwargs)

        self.get = self.head = get

    def _get_cached_or_render(self, render, request, *args, **kwargs):
        store, seconds = _response_cache()
        if store is None:
            return render(request, *args, **kwargs)
        key = _response_key(request._request)
        hit = store.get(key)
        if hit is not None:
            content, headers = hit
            return HttpResponse(content, headers=headers)
        response = render(request, *args, **kwargs)
        if response.status_code == 200 and isinstance(response, Response):
            view_headers = dict(response.headers)  # the view's own; DRF and Django add theirs to hits and misses

            def store_rendered(rendered):
                headers = {**view_headers, "Content-Type": rendered["Content-Type"]}
                store.set(key, (rendered.content, headers), seconds)

            response.add_post_render_callback(store_rendered)
        return response
