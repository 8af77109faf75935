"""The rules of a briefing page, kept apart from the model so the form, the model and the feed share them:
which live-stream links are accepted and how they are embedded, which times and repeats make sense, and which
occurrences a repeating briefing has.

Imported by `press.models`, so it imports no model of its own app.
"""

import datetime
import re
from urllib.parse import parse_qs, quote, urlsplit

import webvtt
from dateutil import rrule as dateutil_rrule
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

BRIEFINGS_SECTION_SLUG = "press-briefings"
# Live streams the site embeds: YouTube (watch, live, youtu.be) and Facebook live videos.
YOUTUBE_ID = r"(?P<id>[\w-]{11})"
YOUTUBE_PATTERNS = [
    re.compile(rf"^https://(www\.|m\.)?youtube\.com/(live|embed)/{YOUTUBE_ID}([?#].*)?$"),
    re.compile(rf"^https://youtu\.be/{YOUTUBE_ID}([?#].*)?$"),
]
FACEBOOK_PATTERNS = [
    re.compile(r"^https://(www\.|web\.|m\.)?facebook\.com/[\w.-]+/videos/(\d+/)?\d+/?([?#].*)?$"),
    re.compile(r"^https://(www\.)?facebook\.com/watch/(live/)?\?v=\d+$"),
    re.compile(r"^https://fb\.watch/[\w-]+/?$"),
]
RECURRENCE_LIMIT = 2000  # occurrences looked at for one briefing: ~40 years of weekly briefings


def _youtube_id(url: str) -> str | None:
    for pattern in YOUTUBE_PATTERNS:
        match = pattern.match(url)
        if match:
            return match.group("id")
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.netloc in {"youtube.com", "www.youtube.com", "m.youtube.com"} and parts.path == "/watch":
        video = parse_qs(parts.query).get("v", [""])[0]
        if re.fullmatch(r"[\w-]{11}", video):
            return video
    return None


def live_stream_provider(url: str) -> str | None:
    """"youtube" or "facebook" for a live-stream link the site can embed, else None."""
    if not url:
        return None
    if _youtube_id(url):
        return "youtube"
    if any(pattern.match(url) for pattern in FACEBOOK_PATTERNS):
        return "facebook"
    return None


def live_stream_embed_url(url: str) -> str | None:
    """The privacy-friendly player address: YouTube's no-cookie domain, Facebook's video plugin (which the site
    loads only once the reader asks for it)."""
    provider = live_stream_provider(url)
    if provider == "youtube":
        return f"https://www.youtube-nocookie.com/embed/{_youtube_id(url)}"
    if provider == "facebook":
        return f"https://www.facebook.com/plugins/video.php?href={quote(url, safe='')}&show_text=false"
    return None


def captions_error(document) -> str | None:
    """Why a captions document is not a WebVTT file, or None when it parses."""
    try:
        with document.file.open("rb") as handle:
            text = handle.read().decode("utf-8-sig")
        webvtt.from_string(text)
    except (UnicodeDecodeError, webvtt.errors.MalformedFileError, OSError, ValueError):
        return str(_("The captions must be a WebVTT (.vtt) file."))
    return None


def briefing_errors(page) -> dict[str, str]:
    """Field errors of a briefing: end before start, a venue missing for an in-person or hybrid briefing, a stream
    link the site cannot embed, an impossible repeat, captions that are not WebVTT."""
    errors = {}
    if page.starts_at and page.ends_at and page.ends_at <= page.starts_at:
        errors["ends_at"] = _("The briefing must end after it starts.")
    if page.briefing_format != "online" and not page.venue:
        errors["venue"] = _("Give the venue of an in-person or hybrid briefing.")
    if page.briefing_format != "in_person" and not page.live_stream_url:
        errors["live_stream_url"] = _("Give the live-stream link of an online or hybrid briefing.")
    if page.live_stream_url and live_stream_provider(page.live_stream_url) is None:
        errors["live_stream_url"] = _("Use a YouTube or Facebook live link (https://).")
    if page.recurrence_frequency:
        if page.recurrence_until and page.recurrence_count:
            errors["recurrence_count"] = _("Repeat either until a day or a number of times, not both.")
        if page.recurrence_until and page.starts_at and page.recurrence_until < page.starts_at.date():
            errors["recurrence_until"] = _("The repeats must end after the first briefing.")
        if page.recurrence_weekdays and page.recurrence_frequency != "WEEKLY":
            errors["recurrence_weekdays"] = _("Week days apply to weekly briefings only.")
        if not page.recurrence_interval:
            errors["recurrence_interval"] = _("Repeat at least every 1.")
    elif page.recurrence_until or page.recurrence_count or page.recurrence_weekdays:
        errors["recurrence_frequency"] = _("Choose how often the briefing repeats.")
    if page.captions_id and page.captions is not None:
        error = captions_error(page.captions)
        if error:
            errors["captions"] = error
    return errors


def _rule(page):
    rule = page.rrule()
    if rule is None:
        return None
    weekdays = {code: day for code, day in zip(("MO", "TU", "WE", "TH", "FR", "SA", "SU"), dateutil_rrule.weekdays)}
    return dateutil_rrule.rrule(
        getattr(dateutil_rrule, rule["FREQ"]),
        dtstart=timezone.localtime(page.starts_at, page.zone),
        interval=rule["INTERVAL"],
        byweekday=[weekdays[day] for day in rule.get("BYDAY", [])] or None,
        count=rule.get("COUNT"),
        until=rule["UNTIL"].astimezone(page.zone) if "UNTIL" in rule else None,
        cache=False,
    )


def briefing_occurrences(page, *, after=None, limit: int = 50) -> list[tuple[datetime.datetime, datetime.datetime]]:
    """(start, end) pairs, aware in the mission's zone (the same wall-clock time across daylight-saving changes),
    of the occurrences ending after `after` (from the first when None), at most `limit`."""
    if not page.starts_at or not page.ends_at:
        return []
    duration = page.ends_at - page.starts_at
    rule = _rule(page)
    if rule is None:
        start = timezone.localtime(page.starts_at, page.zone)
        return [(start, start + duration)] if after is None or start + duration > after else []
    found = []
    for seen, start in enumerate(rule):
        if len(found) >= limit or seen >= RECURRENCE_LIMIT:
            break
        if after is None or start + duration > after:
            found.append((start, start + duration))
    return found


def briefing_last_end(page) -> datetime.datetime | None:
    """When the last occurrence ends; None for a briefing that repeats without end."""
    if not page.starts_at or not page.ends_at:
        return None
    rule = page.rrule()
    if rule is None:
        return page.ends_at
    if "COUNT" not in rule and "UNTIL" not in rule:
        return None
    occurrences = briefing_occurrences(page, limit=RECURRENCE_LIMIT)
    return occurrences[-1][1] if occurrences else page.ends_at
