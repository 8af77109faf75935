"""Asset search: images or documents by text in any locale, with filters and facets, from the engine when one
is configured and reachable and from the database otherwise, in one shape.

Who sees what is decided here, from the database: with a user, the assets they may choose (their mission's
and every shared one, `images_choosable_by`); without one (the public API), only assets already public
(`images_public`). The engine is asked within that scope, and every hit is re-checked against it (and
against `usable_now_q` when asked for) before it is returned, so a stale index never leaks an asset.
"""

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

from ..documents import labels_text
from ..folding import exact_words, fold, folded_words
from ..gateway import engine_settings
from ..highlight import highlight
from ..results import FacetBucket
from ..selectors import NO_ANSWER, _engine_answer
from ..query import total_from
from .criteria import AssetCriteria, asset_criteria
from .index import ASSET_TYPES, _tags_by_asset, orientation_of
from .query import FACET_SIZES, FIELD_BOOSTS, LABELS_BOOST, asset_search_body, usable_now_clause
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
                 highlights=asset_highlights(found[int(hit["_source"]["asset_id"])], criteria.q))
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


def _translations(translations, field: str) -> list[str]:
    """One field (`title`, `alt_text`, `caption`) in every language of an asset's `translations` JSON."""
    if not isinstance(translations, dict):
        return []
    return [wording[field] for wording in translations.values()
            if isinstance(wording, dict) and isinstance(wording.get(field), str)]


def asset_highlights(asset, q: str) -> dict[str, list[str]]:
    """Snippets of a hit on either backend, marked by the one highlighter: its title, its text (caption and alt
    text) and credit, in its own language and every translation."""
    if not q:
        return {}
    translations = asset.translations
    texts = {
        "title": [asset.title, *_translations(translations, "title")],
        "text": [getattr(asset, "caption", ""), getattr(asset, "alt_text", ""),
                 *_translations(translations, "caption"), *_translations(translations, "alt_text")],
        "credit": [asset.credit],
    }
    marked = {name: [text for text in (highlight(value, q) for value in values) if text] for name, values in texts.items()}
    return {name: fragments for name, fragments in marked.items() if fragments}


def _row_fields(row: dict, tags: list[str]) -> dict[str, list[str]]:
    """A database row's text by weight group, as the engine weighs them (title, labels, alt text, the rest)."""
    return {
        "title": [row["title"], *_translations(row["translations"], "title")],
        "labels": [labels_text(kind=row["kind"], tags=tags)],
        "alt": [row.get("alt_text", ""), *_translations(row["translations"], "alt_text")],
        "other": [row["credit"], row.get("caption", ""), *_translations(row["translations"], "caption")],
    }


ROW_WEIGHTS = {"title": FIELD_BOOSTS["title"], "labels": LABELS_BOOST, "alt": FIELD_BOOSTS["alt"], "other": 1}


def _row_score(fields: dict[str, list[str]], folded: list[str], accented: list[str]) -> int | None:
    """How well a row matches: every folded word somewhere (else None), scored by where, exact accents again."""
    folded_by_group = {name: set(folded_words(" ".join(text or "" for text in texts))) for name, texts in fields.items()}
    if not all(any(word in found for found in folded_by_group.values()) for word in folded):
        return None
    exact_by_group = {name: set(exact_words(" ".join(text or "" for text in texts))) for name, texts in fields.items()}
    score = sum(ROW_WEIGHTS[name] for word in folded for name, found in folded_by_group.items() if word in found)
    return score + sum(ROW_WEIGHTS[name] for word in accented for name, found in exact_by_group.items() if word in found)


def _database_search(criteria: AssetCriteria, *, scope, mission, prefetch, degraded: bool) -> AssetSearchResults:
    """Filters through the ORM, text matched in Python over the filtered scope (every word, whole words, in any
    field or locale, kind and tags included, accents ignored), best first (then newest), facets over the matches."""
    model = ASSET_TYPES[criteria.asset_type]
    is_image = criteria.asset_type == "image"
    fields = ["pk", "title", "credit", "translations", "kind", "licence", "created_at", "source_mission__slug",
              "collection__mission__slug"] + (["alt_text", "caption", "width", "height"] if is_image else [])
    rows = list(_filtered(scope, criteria, mission).order_by("-created_at", "-pk").values(*fields))
    tags = _tags_by_asset(model, [row["pk"] for row in rows])
    terms = list(dict.fromkeys(folded_words(criteria.q)))
    accented = [word for word in dict.fromkeys(exact_words(criteria.q)) if word != fold(word)]
    matched = rows
    if terms:
        scored = [(_row_score(_row_fields(row, tags[row["pk"]]), terms, accented), position, row)
                  for position, row in enumerate(rows)]
        matched = [row for score, _, row in sorted((item for item in scored if item[0] is not None),
                                                   key=lambda item: (-item[0], item[1]))]
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
        hits.append(AssetHit(asset_type=criteria.asset_type, asset=asset, highlights=asset_highlights(asset, criteria.q)))
    return AssetSearchResults(
        hits=hits, total=len(matched), page=criteria.page, page_size=criteria.page_size, backend=DATABASE,
        facets=facets, simplified=FALLBACK_SIMPLIFIED if terms else (), degraded=degraded,
    )
