"""Listing queries of the reference site: what a mission home, a section and the navigation show.

Every query starts from `embassies.selectors.pages_public`, the rule the API and search use, so the site
can never list a draft, a restricted page or an expired one. Pages come back through the presentation layer's `hydrate`
(specific instances, tags, topics and hero-image renditions in a fixed number of queries).
"""

from datetime import datetime

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone
from wagtail.models import Page

from embassies.presentation.pages import hydrate
from embassies.models import (
    ArticleKind,
    ArticlePage,
    ConsularNoticePage,
    EventPage,
    HQRootPage,
    MissionHomePage,
    NoticeSeverity,
    SectionIndexPage,
    Topic,
)
from embassies.selectors import pages_public

SECTION_PAGE_SIZE = 10
TOPIC_PAGE_SIZE = 10
# The page types filed under topics (each keeps its own topics table).
TOPICAL_MODELS = (ArticlePage, EventPage, ConsularNoticePage)
# What a mission home syndicates from headquarters: the ministry's voice, not its internal news.
SYNDICATED_HQ_KINDS = (ArticleKind.PRESS_RELEASE, ArticleKind.STATEMENT, ArticleKind.PRESS_BRIEFING)
SEVERITY_RANK = {severity: rank for rank, severity in enumerate(reversed(NoticeSeverity.values))}


def mission_home_public(*, mission_slug: str, language_code: str) -> MissionHomePage | None:
    """A mission's public home in one language, or None if the mission does not publish in it."""
    homes = MissionHomePage.objects.select_related("mission", "locale").filter(
        mission__slug=mission_slug, locale__language_code=language_code
    )
    return pages_public(queryset=homes).first()


def sections_public(*, home: MissionHomePage) -> list[Page]:
    """The public sections directly below a mission home, in the editors' order: the site's navigation."""
    return list(pages_public(queryset=Page.objects.child_of(home).type(SectionIndexPage)).order_by("path"))


def _newest_first(queryset):
    return queryset.order_by("-first_published_at", "-pk")


def _hydrated(queryset) -> list:
    """The listed pages, fully loaded by `hydrate`: the listing query itself reads only ids and types."""
    return hydrate(list(queryset.only("id", "content_type")))


def _articles_latest(*, home: Page, limit: int):
    """The mission's newest public articles, any kind, newest first."""
    return _newest_first(pages_public(queryset=ArticlePage.objects.descendant_of(home)))[:limit]


def _in_force(queryset, at: datetime):
    return queryset.filter(Q(valid_from__lte=at), Q(valid_until__isnull=True) | Q(valid_until__gt=at))


def _notices_in_force(*, home: Page, at: datetime):
    """Public consular notices valid at `at`, the most severe first, then the newest."""
    notices = _in_force(pages_public(queryset=ConsularNoticePage.objects.descendant_of(home), at=at), at)
    rank = Case(
        *(When(severity=severity, then=Value(position)) for severity, position in SEVERITY_RANK.items()),
        output_field=IntegerField(),
    )
    return notices.annotate(severity_rank=rank).order_by("severity_rank", "-valid_from", "-pk")


def _events_upcoming(*, home: Page, limit: int, at: datetime):
    """Public events that have not ended at `at`, the soonest first."""
    events = pages_public(queryset=EventPage.objects.descendant_of(home), at=at).filter(ends_at__gt=at)
    return events.order_by("starts_at", "pk")[:limit]


def _hq_statements_syndicated(*, home: MissionHomePage, limit: int):
    """Headquarters' newest public press releases, statements and briefings in the home's language.

    The syndication rule of the reference site: every mission home carries the ministry's voice in its
    own language; HQ news and content in other languages stay on HQ's site.
    """
    if isinstance(home.specific, HQRootPage):
        return ArticlePage.objects.none()
    hq_roots = pages_public(queryset=HQRootPage.objects.filter(locale_id=home.locale_id))
    articles = ArticlePage.objects.none()
    for root in hq_roots:
        articles |= ArticlePage.objects.descendant_of(root)
    articles = pages_public(queryset=articles.filter(kind__in=SYNDICATED_HQ_KINDS))
    return _newest_first(articles)[:limit]


def mission_home_listings(*, home: MissionHomePage, at: datetime | None = None) -> dict[str, list]:
    """A mission home's four listings (notices in force, latest articles, upcoming events, HQ's statements).

    Each listing's query reads only ids and types; the pages of all four are then loaded by one `hydrate`, so
    an article listed twice and the articles of both article listings cost one set of queries, not four.
    """
    at = at or timezone.now()
    listed = {
        "notices": _notices_in_force(home=home, at=at),
        "articles": _articles_latest(home=home, limit=6),
        "events": _events_upcoming(home=home, limit=3, at=at),
        "hq_articles": _hq_statements_syndicated(home=home, limit=3),
    }
    rows = {name: list(queryset.only("id", "content_type")) for name, queryset in listed.items()}
    unique = list({page.pk: page for pages in rows.values() for page in pages}.values())
    loaded = {page.pk: page for page in hydrate(unique)}
    return {name: [loaded[page.pk] for page in pages if page.pk in loaded] for name, pages in rows.items()}


def _newest_first_page(queryset, *, number, size: int) -> PaginatorPage:
    """One page of `queryset`'s pages, newest first, hydrated. A bad page number gives the nearest valid
    page, as Django's `get_page` does, so a stale link never errors."""
    result = Paginator(_newest_first(queryset).only("id", "content_type"), size).get_page(number)
    result.object_list = hydrate(list(result.object_list))
    return result


def section_children_page(*, section: Page, number) -> PaginatorPage:
    """One page of a section's public content, newest first."""
    children = pages_public(queryset=Page.objects.child_of(section).not_type(SectionIndexPage))
    return _newest_first_page(children, number=number, size=SECTION_PAGE_SIZE)


def topic_for_listing(*, slug: str, home: MissionHomePage) -> Topic | None:
    """The topic a chip's slug names, in the home's language where it is translated (a page may be filed
    under a topic of another language when that topic has no translation yet)."""
    named = Topic.objects.filter(slug=slug).order_by("pk")
    topic = named.filter(locale_id=home.locale_id).first() or named.first()
    if topic is None:
        return None
    return Topic.objects.filter(translation_key=topic.translation_key, locale_id=home.locale_id).first() or topic


def topic_slugs_by_language(*, topic: Topic) -> dict[str, str]:
    """The topic's slug in each language it is translated into, for the listing's language switcher."""
    translations = Topic.objects.filter(translation_key=topic.translation_key).select_related("locale")
    return {translation.locale.language_code: translation.slug for translation in translations}


def topic_pages_page(*, home: MissionHomePage, topic: Topic, number) -> PaginatorPage:
    """One page of the mission's public content in the home's language filed under `topic` (in any of its
    translations), newest first."""
    filed = Q()
    for model in TOPICAL_MODELS:
        filed |= Q(**{f"{model._meta.model_name}__topics__translation_key": topic.translation_key})
    pages = pages_public(queryset=Page.objects.descendant_of(home).filter(filed)).distinct()
    return _newest_first_page(pages, number=number, size=TOPIC_PAGE_SIZE)


def subsections_public(*, section: Page) -> list[Page]:
    """Public sections nested inside a section."""
    return list(pages_public(queryset=Page.objects.child_of(section).type(SectionIndexPage)).order_by("path"))


def network_homes_public(*, root: Page) -> list[MissionHomePage]:
    """The public mission homes under a network root (the portal page), by name."""
    homes = MissionHomePage.objects.child_of(root).select_related("mission", "locale")
    return list(pages_public(queryset=homes).order_by("title"))


def mission_homes_public() -> list[MissionHomePage]:
    """Every public mission home (one per mission and language), in the order a sitemap index lists them."""
    homes = MissionHomePage.objects.select_related("mission", "locale")
    return list(pages_public(queryset=homes).order_by("mission__slug", "locale__language_code"))


def sitemap_pages_public(*, home: MissionHomePage) -> list[tuple[Page, list[Page]]]:
    """The public pages of one mission home (itself included), each with its public translations (itself too),
    for a sitemap with hreflang alternates. Two queries, whatever the number of pages."""
    pages = list(
        pages_public(queryset=Page.objects.descendant_of(home, inclusive=True)).select_related("locale").order_by("path")
    )
    translations: dict = {}
    for translation in pages_public(
        queryset=Page.objects.filter(translation_key__in={page.translation_key for page in pages}).select_related("locale")
    ).order_by("locale__language_code"):
        translations.setdefault(translation.translation_key, []).append(translation)
    return [(page, translations.get(page.translation_key, [page])) for page in pages]
