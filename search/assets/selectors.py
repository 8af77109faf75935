"""Asset search: images or documents by text in any locale, with filters and facets, from the engine when one
is configured and reachable and from the database otherwise, in one shape.

Who sees what is decided here, from the database: with a user, the assets they may choose (their mission's
and every shared one, `images_choosable_by`); without one (the public API), only assets already public
(`images_public`). The engine is asked within that scope, and every hit is re-checked against it (and
against `usable_now_q` when asked for) before it is returned, so a stale index never leaks an asset.
"""

import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import F, Q, QuerySet
from django.utils import timezone
from elasticsearch.dsl import Q as EngineQ
from elasticsearch.dsl.query import Query

from embassies.assets.selectors import (
    REUSABLE_LICENCES,
    collection_permission_policy,
    documents_choosable_by,
    images_choosable_by,
    usable_now_q,
)
from embassies.models import AssetLicence
from embassies.selectors import documents_public, images_public
from hub.models import Mission

from ..gateway import engine_settings
from ..results import FacetBucket
from ..selectors import NO_ANSWER, _engine_answer
from ..query import total_from
from .criteria import AssetCriteria, asset_criteria
from .index import ASSET_TYPES, _tags_by_asset, orientation_of
from .query import FACET_SIZES, asset_search_body, highlights_from, usable_now_clause
from .services import asset_gateway

DATABASE = "database"
FALLBACK_SIMPLIFIED = ("language_analysis", "relevance", "highlighting")


@dataclass(frozen=True)
class AssetHit:
    """One image or document in a result list, with the instance (re-read from the database) and snippets."""

    asset_type: str
    asset: object
    score: float | None = None
    highlights: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class AssetSearchResults:
    """A page of asset hits with the total, facet counts and which backend answered (see SearchResults)."""

    hits: list[AssetHit]
    total: int
    page: int
    page_size: int
    backend: str
    facets: dict[str, list[FacetBucket]] = field(default_factory=dict)
    simplified: tuple[str, ...] = ()
    degraded: bool = False


def assets_in_scope(*, asset_type: str, user=None) -> QuerySet:
    """The assets a search may return: a user's choosable ones, or (no user: the public API) the public ones."""
    if user is None:
        return images_public() if asset_type == "image" else documents_public()
    return images_choosable_by(user=user) if asset_type == "image" else documents_choosable_by(user=user)


def _user_mission(user) -> Mission | None:
    if user is None or not user.is_authenticated:
        return None
    groups = user.groups.all()
    return Mission.objects.filter(Q(editors_group__in=groups) | Q(heads_group__in=groups)).order_by("pk").first()


def _engine_scope(asset_type: str, user, scope: QuerySet) -> Query | None:
    """The scope as an index filter: public assets by id; a user's by collection and the shared flag."""
    if user is None:
        return EngineQ("terms", asset_id=list(scope.values_list("pk", flat=True)))
    if user.is_superuser:
        return None
    policy = collection_permission_policy(ASSET_TYPES[asset_type])
    collections = [collection.pk for collection in policy.collections_user_has_permission_for(user, "choose")]
    should = [EngineQ("terms", collection_id=collections)]
    if policy.user_has_permission(user, "choose"):
        should.append(EngineQ("term", is_shared=True))
    return EngineQ("bool", should=should, minimum_should_match=1)


def _engine_usable(criteria: AssetCriteria, mission: Mission | None) -> Query | None:
    if not criteria.usable_now:
        return None
    today = timezone.localdate()
    allowed = usable_now_clause(today, (*REUSABLE_LICENCES, AssetLicence.EDITORIAL_ONLY))
    if mission is None:
        return allowed
    own_restricted = usable_now_clause(today, (AssetLicence.RESTRICTED,)) & EngineQ("term", mission_id=mission.pk)
    return EngineQ("bool", should=[allowed, own_restricted], minimum_should_match=1)


def _checked(scope: QuerySet, criteria: AssetCriteria, mission, ids: list[int], prefetch: tuple[str, ...]) -> dict[int, object]:
    """The assets among `ids` still in scope (and usable now, if asked) in the database, by id."""
    assets = scope.filter(pk__in=ids).select_related("source_mission", "collection")
    if criteria.usable_now:
        assets = assets.filter(usable_now_q(mission=mission))
    if prefetch and criteria.asset_type == "image":
        assets = assets.prefetch_renditions(*prefetch)
    return {asset.pk: asset for asset in assets}


def assets_search(*, user=None, asset_type: str = "image", query: str = "", filters: dict | None = None,
                  page=1, page_size=20, prefetch_renditions: tuple[str, ...] = ()) -> AssetSearchResults:
    """Search images (or documents) by text and filters, with facets and highlights.

    `filters`: kind, licence, mission, tag, year (values or lists), orientation, min_width (images), usable_now.
    Bad values raise ValidationError keyed by parameter. `prefetch_renditions` names rendition specs to load
    with image hits (the API's sizes, the chooser's thumbnail).
    """
    criteria = asset_criteria(asset_type=asset_type, q=query, page=page, page_size=page_size, **(filters or {}))
    scope = assets_in_scope(asset_type=asset_type, user=user)
    mission = _user_mission(user) if criteria.usable_now else None

    def run(engine):
        body = asset_search_body(criteria, scope=_engine_scope(asset_type, user, scope), usable=_engine_usable(criteria, mission))
        return engine.config.engine, asset_gateway(engine).search(body)

    answer = _engine_answer(run)
    if answer is NO_ANSWER:
        return _database_search(criteria, scope=scope, mission=mission, prefetch=prefetch_renditions,
                                degraded=engine_settings() is not None)
    backend, response = answer
    raw_hits = response["hits"]["hits"]
    ids = [int(hit["_source"]["asset_id"]) for hit in raw_hits]
    found = _checked(scope, criteria, mission, ids, prefetch_renditions)
    hits = [
        AssetHit(asset_type=asset_type, asset=found[int(hit["_source"]["asset_id"])], score=hit.get("_score"),
                 highlights=highlights_from(hit))
        for hit in raw_hits if int(hit["_source"]["asset_id"]) in found
    ]
    return AssetSearchResults(
        hits=hits, total=max(total_from(response) - (len(raw_hits) - len(hits)), 0), page=criteria.page,
        page_size=criteria.page_size, backend=backend, facets=facets_from_response(response, criteria),
    )


def facets_from_response(response: dict, criteria: AssetCriteria) -> dict[str, list[FacetBucket]]:
    aggregations = response.get("aggregations") or {}
    return {
        name: [FacetBucket(value=str(bucket["key"]), count=bucket["doc_count"]) for bucket in aggregations[name]["buckets"]]
        for name in criteria.facets if name in aggregations
    }


# -- the database

def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(char for char in decomposed if not unicodedata.combining(char)).replace("đ", "d").replace("Đ", "D").casefold()


def _filtered(scope: QuerySet, criteria: AssetCriteria, mission) -> QuerySet:
    assets = scope
    if criteria.kinds:
        assets = assets.filter(kind__in=criteria.kinds)
    if criteria.licences:
        assets = assets.filter(licence__in=criteria.licences)
    if criteria.missions:
        assets = assets.filter(Q(source_mission__slug__in=criteria.missions)
                               | Q(source_mission__isnull=True, collection__mission__slug__in=criteria.missions))
    if criteria.tags:
        assets = assets.filter(tags__name__in=criteria.tags).distinct()
    if criteria.years:
        assets = assets.filter(created_at__year__in=criteria.years)
    if criteria.min_width:
        assets = assets.filter(width__gte=criteria.min_width)
    if criteria.orientation:
        assets = assets.filter(**{"landscape": {"width__gt": F("height")}, "portrait": {"width__lt": F("height")},
                                  "square": {"width": F("height")}}[criteria.orientation])
    if criteria.usable_now:
        assets = assets.filter(usable_now_q(mission=mission))
    return assets


def _translation_texts(translations) -> list[str]:
    if not isinstance(translations, dict):
        return []
    return [str(text) for wording in translations.values() if isinstance(wording, dict)
            for text in wording.values() if isinstance(text, str)]


def _mark(text: str, terms: list[str]) -> str | None:
    """`text` HTML-escaped with the typed words marked, or None when none of them occurs (accents ignored)."""
    folded = _folded(text)
    spans = []
    for term in terms:
        spans += [(match.start(), match.end()) for match in re.finditer(re.escape(_folded(term)), folded)]
    if not spans or len(folded) != len(text):
        return None if not spans else html.escape(text)
    out, position = [], 0
    for start, end in sorted(spans):
        if start < position:
            continue
        out += [html.escape(text[position:start]), "<mark>", html.escape(text[start:end]), "</mark>"]
        position = end
    return "".join(out + [html.escape(text[position:])])


def _database_search(criteria: AssetCriteria, *, scope, mission, prefetch, degraded: bool) -> AssetSearchResults:
    """Filters through the ORM, text matched in Python over the filtered scope (every word, any field, any
    locale, accents ignored), newest first, facets counted over the matches."""
    model = ASSET_TYPES[criteria.asset_type]
    is_image = criteria.asset_type == "image"
    fields = ["pk", "title", "credit", "translations", "kind", "licence", "created_at", "source_mission__slug",
              "collection__mission__slug"] + (["alt_text", "caption", "width", "height"] if is_image else [])
    rows = list(_filtered(scope, criteria, mission).order_by("-created_at", "-pk").values(*fields))
    tags = _tags_by_asset(model, [row["pk"] for row in rows])
    terms = [_folded(term) for term in criteria.q.split()]
    matched = []
    for row in rows:
        if terms:
            texts = [row["title"], row["credit"], row.get("alt_text", ""), row.get("caption", ""), *tags[row["pk"]],
                     *_translation_texts(row["translations"])]
            blob = _folded(" ".join(text or "" for text in texts))
            if not all(term in blob for term in terms):
                continue
        matched.append(row)
    counts: dict[str, Counter] = {name: Counter() for name in criteria.facets}
    for row in matched:
        counts["kind"][row["kind"]] += 1
        counts["licence"][row["licence"]] += 1
        mission_slug = row["source_mission__slug"] or row["collection__mission__slug"]
        if mission_slug:
            counts["mission"][mission_slug] += 1
        if row["created_at"]:
            counts["year"][str(row["created_at"].year)] += 1
        for tag in tags[row["pk"]]:
            counts["tags"][tag] += 1
        if is_image and orientation_of(row["width"], row["height"]):
            counts["orientation"][orientation_of(row["width"], row["height"])] += 1
    facets = {
        name: [FacetBucket(value=value, count=count) for value, count in sorted(
            counter.items(), key=(lambda item: -int(item[0])) if name == "year" else (lambda item: (-item[1], item[0]))
        )[: FACET_SIZES[name]]]
        for name, counter in counts.items()
    }
    window = [row["pk"] for row in matched[criteria.offset : criteria.offset + criteria.page_size]]
    found = _checked(scope, criteria, mission, window, prefetch)
    hits = []
    for pk in window:
        asset = found.get(pk)
        if asset is None:
            continue
        highlights = {}
        if terms:
            for name, text in (("title", asset.title), ("text", getattr(asset, "caption", "")), ("credit", asset.credit)):
                marked = _mark(text, criteria.q.split()) if text else None
                if marked:
                    highlights[name] = [marked]
        hits.append(AssetHit(asset_type=criteria.asset_type, asset=asset, highlights=highlights))
    return AssetSearchResults(
        hits=hits, total=len(matched), page=criteria.page, page_size=criteria.page_size, backend=DATABASE,
        facets=facets, simplified=FALLBACK_SIMPLIFIED if terms else (), degraded=degraded,
    )
