"""The press area's releases: `/<language>/press/releases/` lists what a journalist may read, embargoed copies first,
and searches it; a release's page shows the embargoed copy (logged) or the public one.

Embargoed copies come only from `press.selectors` (the approved, scheduled revision, for journalists it is addressed
to); everything else is public content through the one "what is public" rule. Answers are personal: never cached.
"""

import zoneinfo

from django.http import Http404
from django.shortcuts import render
from django.utils import dateformat, timezone
from django.utils.translation import get_language

from embassies.presentation.body import page_body
from press.models import ReadChannel
from press.press_kits import press_kit_for
from press.selectors import (
    release_embargoed_for,
    releases_embargoed_for,
    releases_embargoed_matching,
    releases_in_language,
    releases_public,
)
from press.services import embargo_read_record
from search.selectors import pages_search

from .context import layout_for
from .press_access import journalist_required

PUBLIC_LISTED = 50
READER_ZONE_COOKIE = "press_timezone"  # set by the journalist's browser; UTC when absent or unknown


def _languages(request) -> list[str]:
    """The URL's language first, then the journalist's own."""
    own = [code for code in (request.journalist.language_codes or []) if isinstance(code, str)]
    return [get_language(), *own]


def _reader_zone(request) -> zoneinfo.ZoneInfo:
    name = request.COOKIES.get(READER_ZONE_COOKIE, "")
    try:
        return zoneinfo.ZoneInfo(name) if name else zoneinfo.ZoneInfo("UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def _embargo_times(release, request) -> dict:
    """The embargo's end in the reader's zone and in the mission's."""
    mission = release.page.mission
    mission_zone = zoneinfo.ZoneInfo(mission.timezone) if mission and mission.timezone else zoneinfo.ZoneInfo("UTC")
    reader_zone = _reader_zone(request)
    return {
        "iso": release.embargoed_until.isoformat(),
        "reader": _when(release.embargoed_until, reader_zone),
        "reader_zone": reader_zone.key,
        "mission": _when(release.embargoed_until, mission_zone),
        "mission_zone": mission_zone.key,
        "mission_name": mission.name if mission else "",
    }


def _when(moment, zone: zoneinfo.ZoneInfo) -> str:
    """`moment` on the clock of `zone`, with the zone's abbreviation (the template filter would use the site's)."""
    return dateformat.format(timezone.localtime(moment, zone), "j F Y, H:i T")


def _context(request, **extra) -> dict:
    return {"layout": layout_for(home=None, language_code=get_language(), alternates=[]), **extra}


@journalist_required
def press_releases(request):
    """Embargoed releases addressed to the journalist (in their language where translated), then public ones; with
    `?q=`, only those whose text matches (embargoed ones through the database, public ones through search)."""
    q = request.GET.get("q", "").strip()[:200]
    languages = _languages(request)
    if q:
        embargoed = releases_embargoed_matching(journalist=request.journalist, q=q)
        results = pages_search(q=q, kinds=["press_release", "statement"], page_size=PUBLIC_LISTED)
        found = {hit.page_id for hit in results.hits}
        public = list(releases_public().filter(pk__in=found))
    else:
        embargoed = releases_embargoed_for(journalist=request.journalist)
        public = list(releases_public()[: PUBLIC_LISTED * 2])
    embargoed = releases_in_language(embargoed, languages=languages, key=lambda release: release.page)
    public = releases_in_language(public, languages=languages)[:PUBLIC_LISTED]
    context = _context(
        request,
        q=q,
        embargoed=[{"release": release, "times": _embargo_times(release, request)} for release in embargoed],
        public=public,
        meta={"title": "Press releases"},
    )
    return render(request, "frontend_templates/press/releases/list.html", context)


@journalist_required
def press_release_detail(request, page_id: int):
    """The embargoed copy for a journalist it is addressed to (the read is logged), else the public release, else 404
    (a release the journalist may not read does not exist for them)."""
    release = release_embargoed_for(journalist=request.journalist, page_id=page_id)
    if release is not None:
        embargo_read_record(journalist=request.journalist, release=release, channel=ReadChannel.SITE)
        page, times = release.page, _embargo_times(release, request)
    else:
        page = releases_public().filter(pk=page_id).first()
        if page is None:
            raise Http404("No such release.")
        times = None
    kit = press_kit_for(page_id=page.pk, journalist=request.journalist)
    context = _context(request, page=page, times=times, body=page_body(page, request=request), meta={"title": page.title},
                       press_kit=kit)
    return render(request, "frontend_templates/press/releases/detail.html", context)
