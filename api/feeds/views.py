"""Feeds per mission, locale and (optionally) kind: RSS 2.0, Atom 1.0 and JSON Feed 1.1."""

import json
import re

from django.http import HttpResponse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, generics
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.views import APIView
from wagtail.models import Page

from embassies.models import ArticleKind, MissionHomePage
from embassies.presentation.assets import NamedRenditions
from embassies.presentation.formats import page_dates_display
from embassies.presentation.pages import hydrate
from embassies.assets.sizes import SOCIAL_SIZES
from embassies.selectors import pages_public
from hub.models import Mission

from ..pages.filters import CONTENT_TYPES
from ..caching import HttpCached

FEED_SIZE = 30
# Characters XML 1.0 cannot carry (pasted from word processors now and then): one would fail the whole feed.
XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
SYNDICATION_FORMATS = {"rss": Rss201rev2Feed, "atom": Atom1Feed}
FEED_FORMATS = (*SYNDICATION_FORMATS, "json")


def xml_safe(text: str) -> str:
    return XML_FORBIDDEN.sub("", text or "")


def _feed_pages(*, home: MissionHomePage, kind: str | None) -> list[Page]:
    pages = pages_public(queryset=Page.objects.type(*CONTENT_TYPES.values()).descendant_of(home)).filter(
        locale_id=home.locale_id
    )
    if kind:
        pages = pages.filter(articlepage__kind=kind)
    return hydrate(list(pages.select_related("locale").order_by("-first_published_at", "-pk")[:FEED_SIZE]))


def _item_text(page) -> str:
    """The standfirst; an event's leads with when it starts, in the venue's time zone and the page's language
    (the feed's own dates are when it was published, in RFC 822/3339)."""
    starts = page_dates_display(page).get("starts_at")
    return f"{starts} · {page.summary}" if starts else page.summary


def _og_image(request, page) -> tuple[str, int] | None:
    """The hero image's `og` crop: (absolute URL, bytes). One the background task has not made yet is named by
    its signed URL (made when first fetched) with a length of 0, as RSS advises for an unknown size: a feed
    never draws an image inside its request."""
    if not page.hero_image_id:
        return None
    renditions = NamedRenditions(page.hero_image, request)
    return renditions.url(SOCIAL_SIZES["og"]), renditions.file_size(SOCIAL_SIZES["og"])


def _enclosure(og: tuple[str, int]) -> Enclosure:
    url, length = og
    extension = url.rsplit(".", 1)[-1].lower()
    mime = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp", "gif": "image/gif"}
    return Enclosure(url, str(length), mime.get(extension, "image/jpeg"))


class FeedNegotiation(BaseContentNegotiation):
    """Feed readers send Accept headers for XML; the format is chosen by the URL, errors stay JSON."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None


class MissionFeedView(HttpCached, APIView):
    """The latest public content of a mission in one language, as RSS, Atom or JSON Feed."""

    content_negotiation_class = FeedNegotiation

    @extend_schema(
        parameters=[
            OpenApiParameter("kind", OpenApiTypes.STR, enum=ArticleKind.values, description="Article kind."),
            OpenApiParameter("feed_format", OpenApiTypes.STR, OpenApiParameter.PATH, enum=list(FEED_FORMATS)),
        ],
        responses={
            (200, "application/rss+xml"): OpenApiTypes.STR,
            (200, "application/atom+xml"): OpenApiTypes.STR,
            (200, "application/feed+json"): OpenApiTypes.OBJECT,
        },
    )
    def get(self, request, mission: str, locale: str, feed_format: str):
        if feed_format not in FEED_FORMATS:
            raise exceptions.NotFound(f"Unknown feed format; use one of {', '.join(FEED_FORMATS)}.")
        kind = request.query_params.get("kind")
        if kind is not None and kind not in ArticleKind.values:
            raise exceptions.ValidationError({"kind": [f"Must be one of: {', '.join(ArticleKind.values)}."]})
        mission_obj = generics.get_object_or_404(Mission, slug=mission)
        home = pages_public(
            queryset=MissionHomePage.objects.filter(mission=mission_obj, locale__language_code=locale)
        ).first()
        if home is None:
            raise exceptions.NotFound(f"{mission_obj.name} does not publish in '{locale}'.")
        pages = _feed_pages(home=home, kind=kind)
        title = home.title if not kind else f"{home.title} · {ArticleKind(kind).label}"
        feed_url = request.build_absolute_uri()
        if feed_format == "json":
            return _json_feed(request, home=home, title=title, feed_url=feed_url, pages=pages)
        feed = SYNDICATION_FORMATS[feed_format](
            title=xml_safe(title),
            link=home.get_full_url(request),
            description=xml_safe(home.introduction or title),
            language=locale,
            feed_url=feed_url,
        )
        for page in pages:
            og = _og_image(request, page)
            feed.add_item(
                title=xml_safe(page.title),
                link=page.get_full_url(request),
                description=xml_safe(_item_text(page)),
                unique_id=f"urn:embassy-hub:page:{page.translation_key}:{page.locale.language_code}",
                pubdate=page.first_published_at,
                updateddate=page.last_published_at,
                categories=[xml_safe(item.tag.name) for item in page.tagged_items.all()],
                enclosures=[_enclosure(og)] if og else None,
            )
        return HttpResponse(feed.writeString("utf-8"), content_type=f"{feed.content_type}")


def _json_feed(request, *, home, title: str, feed_url: str, pages: list[Page]) -> HttpResponse:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    items = []
    for page in pages:
        item = {
            "id": f"urn:embassy-hub:page:{page.translation_key}:{page.locale.language_code}",
            "url": page.get_full_url(request),
            "title": page.title,
            "summary": page.summary,
            "content_text": _item_text(page),
            "date_published": page.first_published_at.isoformat(),
            "date_modified": page.last_published_at.isoformat(),
            "tags": [item.tag.name for item in page.tagged_items.all()],
            "language": page.locale.language_code,
        }
        og = _og_image(request, page)
        if og:
            item["image"] = og[0]
        items.append(item)
    body = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "home_page_url": home.get_full_url(request),
        "feed_url": feed_url,
        "language": home.locale.language_code,
        "items": items,
    }
    return HttpResponse(json.dumps(body, ensure_ascii=False), content_type="application/feed+json; charset=utf-8")
