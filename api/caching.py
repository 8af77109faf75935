"""HTTP caching for the API: validators that cost one small query, so a 304 never renders anything.

Every change that can alter public content — publish, unpublish, delete, move, privacy, an edited
image or mission — writes a Wagtail log entry. The clock changes answers too: a page reaching its
expiry date, a consular notice coming into or going out of force, an event ending (`upcoming`). The
newest of all those moments is the "content version" every ETag and Last-Modified derive from.

The same version keys a small per-process cache of rendered 200s (`HttpCached` views with `keep_answers=True`),
so a popular listing is rendered once per worker and content change, not once per request. A 304 and a kept
answer are given inside DRF's dispatch, once its authentication, permissions, query-parameter check
(api/parameters.py) and throttles have passed, and before the view's handler would render anything.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone as dt_timezone

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.models import Max
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag
from wagtail.models import ModelLogEntry, Page, PageLogEntry

from embassies.models import ConsularNoticePage, EventPage
from search.models import IndexOutbox

from .parameters import StrictQueryParameters


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


def content_version() -> tuple[str, datetime | None]:
    """(version key, last-modified time) of everything public.

    Every change of public content writes a log entry, so the process keeps the last version it computed and
    reuses it while the log's head is the same and the clock has not reached the next moment that changes an
    answer (an expiry, a notice coming into or out of force, an event ending): one query of four index lookups
    per call, and the scans of the clock-driven moments only when something changed.
    """
    global _latest_version
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(_LOG_HEAD_SQL)
        log_head = tuple(cursor.fetchone())
    version = _latest_version
    clock_moved = version is not None and version.good_until is not None and now >= version.good_until
    if version is None or version.log_head != log_head or clock_moved:
        version = _latest_version = _compute_content_version(now)
    return version.key, version.last_modified


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

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD"):
            return
        version, last_modified = content_version()
        digest = _answer_digest(request, version)
        etag = quote_etag(digest)
        self._validators = (etag, last_modified, digest)
        if _is_conditional(request):
            modified_at = last_modified and int(last_modified.timestamp())
            not_modified = get_conditional_response(request, etag=etag, last_modified=modified_at)
            if not_modified is not None:
                raise _Answered(_add_cache_headers(not_modified, etag, last_modified))
        store, _seconds = _response_cache() if self.keep_answers else (None, 0)
        kept = store.get(_kept_key(digest)) if store is not None else None
        if kept is not None:
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
            return response
        etag, last_modified, digest = self._validators
        _add_cache_headers(response, etag, last_modified)
        store, seconds = _response_cache() if self.keep_answers else (None, 0)
        if store is not None:
            _keep_when_rendered(response, store, _kept_key(digest), seconds)
        return response


def _kept_key(digest: str) -> str:
    return f"api-response:{digest}"


def _keep_when_rendered(response, store, key: str, seconds: int) -> None:
    """Keep the answer's bytes and its own headers (not those the middleware adds later) once it is rendered."""

    def keep(rendered):
        store.set(key, (rendered.content, dict(rendered.headers)), seconds)

    if hasattr(response, "add_post_render_callback"):
        response.add_post_render_callback(keep)
    elif not response.streaming:
        keep(response)


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

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        response.render()
        etag = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
        moments = [moment for moment in (content_version()[1], _index_updated_at()) if moment is not None]
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
