"""Engine queries over the asset index (Elasticsearch DSL) and the reading of their answers."""

import datetime as dt

from elasticsearch.dsl import Q, Search
from elasticsearch.dsl.query import Query

from ..indices import FOLDED_LANGUAGES, language_keys
from ..query import LABELS_BOOST
from .criteria import AssetCriteria

FIELD_BOOSTS = {"title": 4, "alt": 2, "caption": 1}
# Kind and tags (`labels`) weigh as on pages: below a title, above the rest (search.query.LABELS_BOOST).
SHARED_FIELDS = ["title_all^2", "text_all", "credit", f"labels^{LABELS_BOOST}"]
FACET_SIZES = {"kind": 20, "mission": 200, "licence": 10, "orientation": 3, "tags": 30, "year": 50}


def text_fields() -> list[str]:
    fields = []
    for key in language_keys():
        for name, boost in FIELD_BOOSTS.items():
            fields.append(f"{name}_{key}^{boost}")
            if key in FOLDED_LANGUAGES:
                fields.append(f"{name}_{key}.folded^{boost / 2}")
    return fields + SHARED_FIELDS


def usable_now_clause(today: dt.date, licences: tuple[str, ...]) -> Query:
    """`usable_now_q` in the index: a licence that allows new uses, and usage rights not yet expired."""
    not_expired = Q("bool", should=[~Q("exists", field="usage_rights_expire_at"),
                                    Q("range", usage_rights_expire_at={"gte": today.isoformat()})], minimum_should_match=1)
    return Q("bool", filter=[Q("terms", licence=list(licences)), not_expired])


def filter_clauses(criteria: AssetCriteria, *, scope: Query | None, usable: Query | None) -> list[Query]:
    clauses = [Q("term", asset_type=criteria.asset_type)]
    if scope is not None:
        clauses.append(scope)
    for field, values in (("kind", criteria.kinds), ("licence", criteria.licences), ("mission", criteria.missions),
                          ("tags", criteria.tags), ("year", criteria.years)):
        if values:
            clauses.append(Q("terms", **{field: list(values)}))
    if criteria.orientation:
        clauses.append(Q("term", orientation=criteria.orientation))
    if criteria.min_width:
        clauses.append(Q("range", width={"gte": criteria.min_width}))
    if usable is not None:
        clauses.append(usable)
    return clauses


def asset_search_body(criteria: AssetCriteria, *, scope: Query | None, usable: Query | None) -> dict:
    text = (
        Q("multi_match", query=criteria.q, type="cross_fields", operator="and", fields=text_fields())
        if criteria.q else Q("match_all")
    )
    search = (
        Search()
        .query(Q("bool", must=[text], filter=filter_clauses(criteria, scope=scope, usable=usable)))
        .sort("_score", {"created_at": {"order": "desc"}}, {"asset_id": "asc"})
        .source(["asset_type", "asset_id"])
        .extra(track_total_hits=True, from_=criteria.offset, size=criteria.page_size)
    )
    for name in criteria.facets:
        order = {"_key": "desc"} if name == "year" else [{"_count": "desc"}, {"_key": "asc"}]
        search.aggs.bucket(name, "terms", field=name, size=FACET_SIZES[name], order=order)
    # No engine highlighting: the hub marks the re-read assets itself (search.highlight), on both backends.
    return search.to_dict()
