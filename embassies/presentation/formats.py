"""Dates, times and numbers as readers of a page's own language write them, from CLDR data (Babel).

One format length per kind of value, everywhere (site, feeds, API `display` fields): a day is CLDR's *long*
date (`August 7, 2025`, `7 août 2025`, `7 tháng 8, 2025`, `2025年8月7日`, `7 أغسطس 2025`), a moment is that date
and CLDR's *short* time joined by the locale's own date-time pattern, and numbers follow the locale's default
numbering system and separators. Moments are read in the page's time zone: an event's venue, else its mission's.
Machine formats (ISO 8601 in the API and `<time datetime>`, RFC 822/3339 in feeds) never come from here.
"""

import datetime as dt
import zoneinfo
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time
from babel.numbers import format_decimal
from django.conf import settings
from django.utils import timezone
from wagtail.models import Page

DATE_LENGTH = "long"
TIME_LENGTH = "short"


@lru_cache(maxsize=64)
def cldr_locale(language_code: str) -> Locale:
    """The CLDR locale for one of the hub's language codes (`zh-hans` is `zh_Hans`); English if CLDR has none."""
    try:
        return Locale.parse(language_code, sep="-")
    except (ValueError, UnknownLocaleError):
        return Locale.parse(settings.LANGUAGE_CODE)


def zone_named(name: str | None) -> dt.tzinfo | None:
    """The IANA zone `name`, or None for a blank or unknown one (a draft saved without a valid zone)."""
    try:
        return zoneinfo.ZoneInfo(name) if name else None
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        return None


def page_zone(page: Page) -> dt.tzinfo:
    """Where a page's moments are read: an event's venue, else the page's mission, else the hub's TIME_ZONE."""
    mission = getattr(page, "mission", None)
    for name in (getattr(page, "timezone", None), mission.timezone if mission else None):
        zone = zone_named(name)
        if zone is not None:
            return zone
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def local_moment(value: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    return timezone.localtime(value, zone) if timezone.is_aware(value) else value


# Formatting through Babel costs more than the rest of a page's summary, and a listing shows the same few days
# again and again: each day and moment is formatted once per language and kept (they never change).
DISPLAY_MEMORY = 8192


def date_display(value: dt.datetime | dt.date, *, language_code: str, zone: dt.tzinfo) -> str:
    """The day of `value` in `zone`, as CLDR's long date of the language."""
    if isinstance(value, dt.datetime):
        value = local_moment(value, zone).date()
    return _day_display(value, language_code)


@lru_cache(maxsize=DISPLAY_MEMORY)
def _day_display(day: dt.date, language_code: str) -> str:
    return format_date(day, DATE_LENGTH, locale=cldr_locale(language_code))


def datetime_display(value: dt.datetime, *, language_code: str, zone: dt.tzinfo) -> str:
    """`value` in `zone`: the long date and the short time, joined as the language joins them
    (`December 30, 2026, 3:00 PM`, `30 ديسمبر 2026، 3:00 م`, `15:00 30 tháng 12, 2026`)."""
    moment = local_moment(value, zone)
    # Keyed by the wall-clock time and its offset: aware datetimes of one instant in two zones compare equal.
    return _moment_display(moment.replace(tzinfo=None), moment.utcoffset(), language_code)


@lru_cache(maxsize=DISPLAY_MEMORY)
def _moment_display(wall_clock: dt.datetime, offset: dt.timedelta | None, language_code: str) -> str:
    locale = cldr_locale(language_code)
    moment = wall_clock.replace(tzinfo=dt.timezone(offset)) if offset is not None else wall_clock
    pattern = locale.datetime_formats[DATE_LENGTH].replace("'", "")
    time = format_time(moment, TIME_LENGTH, locale=locale)
    return pattern.replace("{0}", time).replace("{1}", format_date(moment.date(), DATE_LENGTH, locale=locale))


def number_display(value, *, language_code: str) -> str:
    """A count or measure with the language's digits and separators (`12,345`, `12 345`, `12.345`)."""
    return format_decimal(value, locale=cldr_locale(language_code))


# The page's dates shown to readers, by field: a day for publication, a moment for what happens at a time.
DATE_FIELDS = ("first_published_at", "last_published_at")
MOMENT_FIELDS = ("starts_at", "ends_at", "valid_from", "valid_until")


def page_dates_display(page: Page) -> dict[str, str | None]:
    """The page's reader-facing dates in its own language and zone, for the API's `display` object."""
    language_code, zone = page.locale.language_code, page_zone(page)
    shown = {}
    for name in DATE_FIELDS:
        value = getattr(page, name)
        shown[name] = date_display(value, language_code=language_code, zone=zone) if value else None
    for name in MOMENT_FIELDS:
        if hasattr(page, name):
            value = getattr(page, name)
            shown[name] = datetime_display(value, language_code=language_code, zone=zone) if value else None
    return shown
