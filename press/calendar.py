"""Upcoming briefings as an iCalendar feed (RFC 5545, through `icalendar`), for calendar clients to subscribe to.

Each briefing is one VEVENT whose UID is stable across edits and publishes (its translation key and language), its
times in the mission's zone with a TZID and the matching VTIMEZONE, and a repeating briefing carries its RRULE.
"""

import hashlib

from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import quote_etag
from icalendar import Calendar, Event

from .models import BriefingPage

PRODUCT_ID = "-//Embassy Hub//Press briefings//EN"
UID_DOMAIN = "briefings.embassy-hub"
CALENDAR_MAX_AGE_SECONDS = 300  # calendar clients poll every few hours; a CDN may keep the feed five minutes


def briefing_uid(page: BriefingPage) -> str:
    return f"{page.translation_key}-{page.locale.language_code}@{UID_DOMAIN}"


def briefing_event(page: BriefingPage, *, request) -> Event:
    event = Event()
    event.add("uid", briefing_uid(page))
    event.add("dtstamp", page.last_published_at or timezone.now())
    event.add("dtstart", timezone.localtime(page.starts_at, page.zone))
    event.add("dtend", timezone.localtime(page.ends_at, page.zone))
    if page.last_published_at:
        event.add("last-modified", page.last_published_at)
    event.add("summary", page.title)
    event.add("description", page.summary)
    if page.venue:
        event.add("location", page.venue)
    event.add("url", page.get_full_url(request))
    rule = page.rrule()
    if rule:
        event.add("rrule", rule)
    return event


def briefings_calendar(*, briefings, name: str, request) -> bytes:
    """The feed of `briefings` (upcoming public ones, from `briefings_public`) named `name`."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for page in briefings:
        calendar.add_component(briefing_event(page, request=request))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def calendar_response(*, request, body: bytes, filename: str) -> HttpResponse:
    """The feed as `text/calendar`, with an ETag of its bytes and a bare 304 when the client has them already.

    The ETag is the feed's own digest, not the content version: a briefing ending changes the feed without any
    log entry, and a digest follows it exactly."""
    etag = quote_etag(hashlib.sha256(body).hexdigest()[:32])
    response = get_conditional_response(request, etag=etag) or HttpResponse(
        body, content_type="text/calendar; charset=utf-8"
    )
    response["ETag"] = etag
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    patch_cache_control(response, public=True, max_age=CALENDAR_MAX_AGE_SECONDS)
    return response
