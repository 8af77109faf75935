"""The content version: one key and one moment for "everything public as of now".

Every change that can alter public content — publish, unpublish, delete, move, privacy, an edited image or
mission — writes a Wagtail log entry. The clock changes content too: a page reaching its expiry date, a
consular notice coming into or going out of force, an event ending. The newest of all those moments is the
content version the API's and the reference site's ETags, Last-Modified and kept answers derive from.
"""

from dataclasses import dataclass
from datetime import datetime, timezone as dt_timezone

from django.db import connection
from django.utils import timezone
from wagtail.models import ModelLogEntry, Page, PageLogEntry

from .models import ConsularNoticePage, EventPage


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


def version_beyond_page_log(version: str | None = None) -> str:
    """The content version without its page-log part: it moves with every logged edit of an image, document,
    mission, topic or site and with the clock's changes, but not with a page's publish. Kept per-revision
    presentations (embassies/presentation/kept.py) key on it, since a page's own revision covers the rest.
    `version`: a content version key already read in this request (else it is read now)."""
    return (version or content_version()[0]).split(":", 1)[1]


def content_version_of(request) -> tuple[str, datetime | None]:
    """`content_version()` asked once per request: the API's validators, the site's and the kept presentations
    of one answer all read the same version, for one query."""
    request = getattr(request, "_request", request)  # DRF's request wraps Django's
    version = getattr(request, "hub_content_version", None)
    if version is None:
        version = request.hub_content_version = content_version()
    return version
