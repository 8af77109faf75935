"""Reads of analytics: which page a beacon names, and a mission's rolled-up reads."""

from datetime import date
from urllib.parse import unquote, urlsplit

from django.db.models import QuerySet
from wagtail.models import Page

from embassies.models import MissionHomePage
from embassies.selectors import pages_public

from .models import PageReadsDaily


def page_countable(*, page_id: int | None = None, url: str = "") -> Page | None:
    """The live public page a read is reported for, by its id or by its address on the reference site
    (`/<language>/<mission>/<path>`); None for an unknown, unpublished, expired or restricted page. Only its id
    and type are read (the beacon's hot path: a whole page row costs more to build than the query takes)."""
    if page_id is not None:
        return pages_public().filter(pk=page_id).only("id", "content_type_id").first()
    parts = [part for part in unquote(urlsplit(url).path).split("/") if part]
    if len(parts) < 2:
        return None
    language_code, mission_slug, *rest = parts
    home = MissionHomePage.objects.filter(mission__slug=mission_slug, locale__language_code=language_code).first()
    if home is None:
        return None
    url_path = home.url_path + "".join(f"{part}/" for part in rest)
    return pages_public().filter(url_path=url_path, locale=home.locale_id).only("id", "content_type_id").first()


def page_reads_for_missions(*, missions, since: date, until: date) -> QuerySet[PageReadsDaily]:
    """The rolled-up reads of the given missions' pages between two days (inclusive), nothing of any other."""
    return PageReadsDaily.objects.filter(mission__in=missions, day__gte=since, day__lte=until).order_by("day", "page_id")
