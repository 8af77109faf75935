"""What a search asks for, validated: free text, filters, sort and page.

Everything a caller can get wrong becomes a `ValidationError` keyed by parameter, which the API turns
into a 400; nothing reaches the engine or the database unchecked.
"""

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _

from embassies.models import ArticleKind

from .documents import page_type_names

MAX_QUERY_LENGTH = 300
# Values one filter parameter may hold (`missions`, `locales`, …), each filter on its own; the API's schema states it.
MAX_FILTER_VALUES = 50
MAX_PAGE_SIZE = 100
MAX_RESULT_WINDOW = 10_000
# Pages of results reach at most MAX_RESULT_WINDOW hits deep at any page size: one bound per parameter, which
# the API's schema can state (a bound on page × page_size could not be).
MAX_PAGE = MAX_RESULT_WINDOW // MAX_PAGE_SIZE
AUTOCOMPLETE_MAX_LENGTH = 100
AUTOCOMPLETE_LIMIT_MAX = 25
SORTS = ("relevance", "date")
SLUG = re.compile(r"^[-\w]{1,100}$")
COUNTRY = re.compile(r"^[A-Z]{2}$")


def kinds_known() -> frozenset[str]:
    """What the `kind` filter accepts: an article kind, or a page type (`event`, `briefing`…)."""
    return frozenset(ArticleKind.values) | page_type_names()


FACETS = ("mission", "locale", "kind", "year", "tags")


@dataclass(frozen=True)
class SearchCriteria:
    q: str = ""
    missions: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    locales: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    page_types: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    published_from: dt.datetime | None = None
    published_to: dt.datetime | None = None
    sort: str = "relevance"
    page: int = 1
    page_size: int = 20

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    @property
    def effective_sort(self) -> str:
        """Without text there is no relevance to speak of: newest first."""
        return self.sort if self.q else "date"


def _values(name: str, raw, errors: dict, *, pattern=None, allowed=None, normalise=None) -> tuple[str, ...]:
    if raw is None or raw == "":
        return ()
    items: Iterable = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, (list, tuple, set, frozenset)):
        errors[name] = [ValidationError(_("Give a list of values."), code="invalid")]
        return ()
    values = []
    for item in items:
        if not isinstance(item, str) or not item.strip():
            errors[name] = [ValidationError(_("Every value must be a non-empty string."), code="invalid")]
            return ()
        value = normalise(item.strip()) if normalise else item.strip()
        if pattern is not None and not pattern.match(value):
            errors[name] = [ValidationError(_("%(value)s is not a valid value."), params={"value": value[:100]}, code="invalid")]
            return ()
        if allowed is not None and value not in allowed:
            errors[name] = [
                ValidationError(
                    _("%(value)s is not one of: %(allowed)s."),
                    params={"value": value[:100], "allowed": ", ".join(sorted(allowed))},
                    code="invalid_choice",
                )
            ]
            return ()
        values.append(value)
    if len(values) > MAX_FILTER_VALUES:
        errors[name] = [ValidationError(_("At most %(max)s values."), params={"max": MAX_FILTER_VALUES}, code="too_many")]
        return ()
    return tuple(dict.fromkeys(values))


def _moment(name: str, raw, errors: dict, *, end_of_day: bool) -> dt.datetime | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, dt.datetime):
        value = raw
    elif isinstance(raw, dt.date):
        value = dt.datetime.combine(raw, dt.time.max if end_of_day else dt.time.min)
    elif isinstance(raw, str):
        try:
            value = parse_datetime(raw.strip())
            if value is None:
                day = parse_date(raw.strip())
                value = day and dt.datetime.combine(day, dt.time.max if end_of_day else dt.time.min)
        except ValueError:
            value = None
        if value is None:
            errors[name] = [ValidationError(_("Use a date such as 2026-03-31."), code="invalid_date")]
            return None
    else:
        errors[name] = [ValidationError(_("Use a date such as 2026-03-31."), code="invalid_date")]
        return None
    if timezone.is_naive(value):
        value = timezone.make_aware(value, dt.timezone.utc)
    try:
        return value.astimezone(dt.timezone.utc)
    except OverflowError:  # e.g. 0001-01-01T00:00+14:00, before the first representable moment
        errors[name] = [ValidationError(_("The date is out of range."), code="out_of_range")]
        return None


def _integer(name: str, raw, errors: dict, *, default: int, low: int, high: int) -> int:
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except (TypeError, ValueError):
        errors[name] = [ValidationError(_("Must be a whole number."), code="invalid")]
        return default
    if isinstance(raw, float) or not low <= value <= high:
        errors[name] = [
            ValidationError(_("Must be between %(low)s and %(high)s."), params={"low": low, "high": high}, code="out_of_range")
        ]
        return default
    return value


def search_criteria(
    *,
    q: str | None = "",
    missions=None,
    countries=None,
    regions=None,
    locales=None,
    kinds=None,
    page_types=None,
    tags=None,
    topics=None,
    published_from=None,
    published_to=None,
    sort: str | None = "relevance",
    page=1,
    page_size=20,
) -> SearchCriteria:
    """Validate raw search parameters (as an API would receive them) into criteria, or raise ValidationError."""
    errors: dict[str, list[ValidationError]] = {}
    if q is None:
        q = ""
    if not isinstance(q, str):
        errors["q"] = [ValidationError(_("The query must be text."), code="invalid")]
        q = ""
    q = unicodedata.normalize("NFC", q).strip()
    if len(q) > MAX_QUERY_LENGTH:
        errors["q"] = [
            ValidationError(_("The query is longer than %(max)s characters."), params={"max": MAX_QUERY_LENGTH}, code="too_long")
        ]
    if "\x00" in q:
        errors["q"] = [ValidationError(_("The query contains a null character."), code="invalid")]
    languages = {code for code, _name in settings.ALL_CONTENT_LANGUAGES}
    sort = sort or "relevance"
    if sort not in SORTS:
        errors["sort"] = [ValidationError(_("Sort by relevance or date."), code="invalid_choice")]
    criteria = dict(
        q=q,
        missions=_values("missions", missions, errors, pattern=SLUG),
        countries=_values("countries", countries, errors, pattern=COUNTRY, normalise=str.upper),
        regions=_values("regions", regions, errors, pattern=SLUG),
        locales=_values("locales", locales, errors, allowed=languages),
        kinds=_values("kinds", kinds, errors, allowed=kinds_known()),
        page_types=_values("page_types", page_types, errors, allowed=page_type_names()),
        tags=_values("tags", tags, errors),
        topics=_values("topics", topics, errors, pattern=SLUG),
        published_from=_moment("published_from", published_from, errors, end_of_day=False),
        published_to=_moment("published_to", published_to, errors, end_of_day=True),
        sort=sort,
        page=_integer("page", page, errors, default=1, low=1, high=MAX_PAGE),
        page_size=_integer("page_size", page_size, errors, default=20, low=1, high=MAX_PAGE_SIZE),
    )
    if errors:
        raise ValidationError(errors)
    return SearchCriteria(**criteria)


def autocomplete_criteria(*, prefix, locales=None, missions=None, limit=10) -> tuple[str, tuple, tuple, int]:
    """Validate an autocomplete request: a title prefix of 1–100 characters, optional locale and mission filters."""
    errors: dict[str, list[ValidationError]] = {}
    if not isinstance(prefix, str) or not prefix.strip():
        errors["prefix"] = [ValidationError(_("Type at least one character."), code="required")]
        prefix = ""
    prefix = unicodedata.normalize("NFC", prefix).strip()
    if len(prefix) > AUTOCOMPLETE_MAX_LENGTH:
        errors["prefix"] = [
            ValidationError(_("At most %(max)s characters."), params={"max": AUTOCOMPLETE_MAX_LENGTH}, code="too_long")
        ]
    if "\x00" in prefix:
        errors["prefix"] = [ValidationError(_("The text contains a null character."), code="invalid")]
    languages = {code for code, _name in settings.ALL_CONTENT_LANGUAGES}
    locales = _values("locales", locales, errors, allowed=languages)
    missions = _values("missions", missions, errors, pattern=SLUG)
    limit = _integer("limit", limit, errors, default=10, low=1, high=AUTOCOMPLETE_LIMIT_MAX)
    if errors:
        raise ValidationError(errors)
    return prefix, locales, missions, limit
