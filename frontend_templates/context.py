"""Template context of the reference site: layout, share metadata, structured data and listings per page type.

Images, bodies and alternates come from the presentation layer the API uses too (`embassies.presentation`), so
the site shows exactly what an embassy site built on the API would: the same renditions, srcsets and public links.
"""

import json
from dataclasses import dataclass, field

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language_info
from wagtail.models import Page

from embassies.models import (
    ArticlePage,
    ConsularNoticePage,
    EventPage,
    MissionContentPage,
    MissionHomePage,
    NetworkRootPage,
    SectionIndexPage,
)
from embassies.presentation.assets import image_json
from embassies.presentation.body import page_body
from embassies.models.pages import mission_home_path
from embassies.presentation.kept import kept_body, kept_value, kept_while_content_unchanged
from embassies.presentation.pages import page_alternates, page_alternates_kept
from embassies.selectors import mission_home_for_page
from press.models import BriefingPage
from press.presentation import briefing_site_context

from . import selectors

LANGUAGE_NAMES = dict(settings.ALL_CONTENT_LANGUAGES)
LANGUAGE_ORDER = {code: position for position, (code, _name) in enumerate(settings.ALL_CONTENT_LANGUAGES)}
# JSON inside <script> must not be able to close the element (same escapes as Django's json_script).
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@dataclass
class Layout:
    """What every page's header and footer need: the mission, its sections, the language switcher."""

    language_code: str
    home: MissionHomePage | None = None
    sections: list[dict] = field(default_factory=list)
    alternates: list[dict] = field(default_factory=list)

    @property
    def direction(self) -> str:
        return "rtl" if get_language_info(self.language_code)["bidi"] else "ltr"

    @property
    def mission(self):
        return self.home.mission if self.home else None


def json_ld(data: dict) -> SafeString:
    """Structured data for a `<script type="application/ld+json">` element."""
    return mark_safe(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES))


def _current(section: Page, page: Page | None) -> str | None:
    """aria-current for a navigation link: "page" on the section itself, "true" inside it."""
    if page is None or not page.path.startswith(section.path):
        return None
    return "page" if page.pk == section.pk else "true"


def sections_kept(*, home: MissionHomePage, request) -> list[Page]:
    """The home's navigation (`sections_public`), kept while public content is unchanged (kept.py)."""
    return kept_while_content_unchanged(
        "site-sections", f"{home.pk}", request=request, build=lambda: selectors.sections_public(home=home)
    )


def layout_for(
    *, home: MissionHomePage | None, language_code: str, alternates: list[dict], page: Page | None = None, request=None
) -> Layout:
    """`alternates` are the page in every public language, itself included (hreflang lists the page's own URL too).
    With `request`, the navigation comes from the kept one."""
    if home is None:
        sections = []
    else:
        sections = sections_kept(home=home, request=request) if request is not None else selectors.sections_public(home=home)
    alternates = sorted(alternates, key=lambda item: LANGUAGE_ORDER.get(item["locale"], len(LANGUAGE_ORDER)))
    return Layout(
        language_code=language_code,
        home=home,
        sections=[{"page": section, "current": _current(section, page)} for section in sections],
        alternates=[{**item, "name": LANGUAGE_NAMES.get(item["locale"], item["locale"])} for item in alternates],
    )


def page_languages(page: Page, *, request, kept: bool = False) -> list[dict]:
    """The page itself and its public translations, through the presentation layer's `page_alternates` (`kept`:
    the public page being served, whose alternates may come from those kept per content version)."""
    own = {"locale": page.locale.language_code, "title": page.title, "url": page.get_full_url(request)}
    alternates = page_alternates_kept(page, request=request) if kept else page_alternates(page, request=request)
    return [own, *alternates]


def _organisation(home: MissionHomePage, *, request) -> dict:
    mission = home.mission
    data = {
        "@type": "GovernmentOrganization",
        "name": home.title,
        "url": home.get_full_url(request),
        "address": {"@type": "PostalAddress", "addressLocality": mission.city, "addressCountry": mission.country},
    }
    if mission.address:
        data["address"]["streetAddress"] = mission.address
    if mission.phone:
        data["telephone"] = mission.phone
    if mission.email:
        data["email"] = mission.email
    return data


def _share_meta(page: Page, *, request, hero: dict | None) -> dict:
    """Open Graph and X card values: the editors' share texts where given, else the standfirst."""
    summary = getattr(page, "summary", "") or getattr(page, "introduction", "") or page.search_description
    meta = {
        "title": page.seo_title or page.title,
        "description": summary,
        "url": page.get_full_url(request),
        "og_description": getattr(page, "share_text_facebook", "") or summary,
        "x_description": getattr(page, "share_text_x", "") or summary,
        "og_type": "article" if isinstance(page, MissionContentPage) else "website",
        "og_locale": page.locale.language_code,
        "og_image": None,
        "x_image": None,
    }
    if hero:
        meta["og_image"] = {**hero["social"]["og"], "alt": hero["alt"]}
        meta["x_image"] = {**hero["social"]["x"], "alt": hero["alt"]}
    return meta


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def _structured_data(page: Page, *, request, home: MissionHomePage | None, hero: dict | None) -> dict | None:
    """schema.org data: NewsArticle for articles, Event for events, GovernmentOrganization for mission homes."""
    if isinstance(page, MissionHomePage):
        return {"@context": "https://schema.org", **_organisation(page, request=request)}
    publisher = _organisation(home, request=request) if home else None
    images = [hero["social"]["og"]["url"]] if hero else []
    if isinstance(page, ArticlePage):
        return {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": page.title[:110],
            "description": page.summary,
            "inLanguage": page.locale.language_code,
            "url": page.get_full_url(request),
            "mainEntityOfPage": page.get_full_url(request),
            "datePublished": _iso(page.first_published_at),
            "dateModified": _iso(page.last_published_at),
            "image": images,
            "author": publisher,
            "publisher": publisher,
            "keywords": [item.tag.name for item in page.tagged_items.all()],
        }
    if isinstance(page, EventPage):
        place = []
        if page.venue:
            place.append({"@type": "Place", "name": page.venue, "address": page.address or page.venue})
        if page.online_url:
            place.append({"@type": "VirtualLocation", "url": page.online_url})
        mode = "Mixed" if page.venue and page.online_url else ("Online" if page.online_url else "Offline")
        return {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": page.title,
            "description": page.summary,
            "inLanguage": page.locale.language_code,
            "url": page.get_full_url(request),
            "startDate": timezone.localtime(page.starts_at, page.tzinfo).isoformat(),
            "endDate": timezone.localtime(page.ends_at, page.tzinfo).isoformat(),
            "eventAttendanceMode": f"https://schema.org/{mode}EventAttendanceMode",
            "eventStatus": "https://schema.org/EventScheduled",
            "location": place[0] if len(place) == 1 else place,
            "image": images,
            "organizer": publisher,
        }
    return None


def _listings(page: Page, *, request, kept: bool) -> dict:
    if isinstance(page, MissionHomePage):
        if not kept:
            return selectors.mission_home_listings(home=page)
        return kept_while_content_unchanged(
            "site-home-listings", f"{page.pk}", request=request, build=lambda: selectors.mission_home_listings(home=page)
        )
    if isinstance(page, SectionIndexPage):
        return {
            "children": selectors.section_children_page(section=page, number=request.GET.get("page")),
            "subsections": selectors.subsections_public(section=page),
        }
    if isinstance(page, NetworkRootPage):
        return {"homes": selectors.network_homes_public(root=page)}
    if isinstance(page, BriefingPage):
        return briefing_site_context(page, request=request)
    if isinstance(page, ConsularNoticePage):
        return {"in_force": page.is_in_force(), "not_yet_in_force": page.valid_from > timezone.now()}
    return {}


def _hero(page: Page, *, request) -> dict | None:
    return image_json(page.hero_image, request=request) if getattr(page, "hero_image_id", None) else None


def _load_with_home(page: Page, home: MissionHomePage | None) -> None:
    """What the templates read of a live page beyond its own row, in at most one query whatever the number of tags:
    its mission and locale from the (kept) home, its tags with their names and its topics prefetched (the
    structured data and the footer both list the tags; each tag's name was a query of its own, twice)."""
    if home is not None and getattr(page, "mission_id", None) == home.mission_id:
        page.mission = home.mission
    if home is not None and page.locale_id == home.locale_id:
        page.locale = home.locale
    if isinstance(page, MissionContentPage):
        tagged_items = type(page).tagged_items.rel.related_model.objects.select_related("tag")
        prefetch_related_objects([page], Prefetch("tagged_items", queryset=tagged_items), "topics")


def page_context(*, page: Page, request, live: bool = False) -> dict:
    """Everything a page template of the reference site needs beyond `page` itself. `live`: `page` is the public
    live page being served (never a preview), so its hero and body may come from those kept per revision."""
    page = page.specific
    kept = live and not getattr(request, "is_preview", False)
    if kept:
        home = kept_while_content_unchanged(
            "site-mission-home", mission_home_path(page.path) or "", request=request,
            build=lambda: mission_home_for_page(page=page),
        )  # fmt: skip
        _load_with_home(page, home)
        hero = kept_value("site-hero", page, request=request, build=lambda: _hero(page, request=request))
    else:
        home = mission_home_for_page(page=page)
        hero = _hero(page, request=request)
    context = {
        "layout": layout_for(
            home=home,
            language_code=page.locale.language_code,
            alternates=page_languages(page, request=request, kept=kept),
            page=page,
            request=request,
        ),
        "hero": hero,
        "meta": _share_meta(page, request=request, hero=hero),
        **_listings(page, request=request, kept=kept),
    }
    structured = _structured_data(page, request=request, home=home, hero=hero)
    context["json_ld"] = json_ld(structured) if structured else None
    if isinstance(page, MissionContentPage):
        context["body"] = kept_body(page, request=request, specific=page) if kept else page_body(page, request=request)
    return context
