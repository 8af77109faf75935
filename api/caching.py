"""HTTP caching for the API: validators that cost one small query, so a 304 never renders anything.

Every change that can alter public content — publish, unpublish, delete, move, privacy, an edited
image or mission — writes a Wagtail log entry, and a page that reaches its expiry date changes the
answer too. The newest of those is the "content version" every ETag and Last-Modified derive from.
"""

import hashlib
from datetime import datetime, timezone as dt_timezone
from functools import wraps

from django.db import connection
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import condition
from wagtail.models import ModelLogEntry, Page, PageLogEntry

MAX_AGE_SECONDS = 60
STALE_WHILE_REVALIDATE_SECONDS = 300


def _content_version_sql() -> str:
    return (
        f"SELECT (SELECT MAX(id) FROM {PageLogEntry._meta.db_table}),"
        f" (SELECT MAX(timestamp) FROM {PageLogEntry._meta.db_table}),"
        f" (SELECT MAX(id) FROM {ModelLogEntry._meta.db_table}),"
        f" (SELECT MAX(timestamp) FROM {ModelLogEntry._meta.db_table}),"
        f" (SELECT MAX(expire_at) FROM {Page._meta.db_table} WHERE live AND expire_at <= %s)"
    )


def content_version(request) -> tuple[str, datetime | None]:
    """(version key, last-modified time) of everything public, computed once per request."""
    cached = getattr(request, "_hub_content_version", None)
    if cached is not None:
        return cached
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(_content_version_sql(), [now])
        page_log_id, page_log_at, model_log_id, model_log_at, last_expiry = cursor.fetchone()
    moments = [moment for moment in (page_log_at, model_log_at, last_expiry) if moment is not None]
    if moments and isinstance(moments[0], str):  # SQLite returns text for raw aggregates
        moments = [datetime.fromisoformat(moment) for moment in moments]
    moments = [moment if timezone.is_aware(moment) else timezone.make_aware(moment, dt_timezone.utc) for moment in moments]
    version = f"{page_log_id}:{model_log_id}:{last_expiry}"
    request._hub_content_version = (version, max(moments) if moments else None)
    return request._hub_content_version


def _etag(request, *args, **kwargs) -> str:
    version, _last_modified = content_version(request)
    digest = hashlib.sha256(f"{version}|{request.get_full_path()}|{request.headers.get('Accept', '')}".encode())
    return digest.hexdigest()[:32]


def _last_modified(request, *args, **kwargs) -> datetime | None:
    return content_version(request)[1]


def cached_api_view(view):
    """ETag, Last-Modified and Cache-Control on a GET view; conditional requests get a bare 304."""
    conditional = condition(etag_func=_etag, last_modified_func=_last_modified)(view)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = conditional(request, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code in (200, 304):
            patch_cache_control(
                response, public=True, max_age=MAX_AGE_SECONDS, stale_while_revalidate=STALE_WHILE_REVALIDATE_SECONDS
            )
            patch_vary_headers(response, ["Accept"])
        return response

    wrapped.csrf_exempt = getattr(view, "csrf_exempt", False)
    return wrapped
