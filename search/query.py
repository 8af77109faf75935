"""Engine queries of the search service, built with the Elasticsearch DSL, and the reading of their answers.

Text matching is per language: a `cross_fields` query over each language's fields (every term must occur
somewhere in the page, stemmed the way that language is), plus Vietnamese without diacritics, plus the
shared multilingual fields; the groups add up, so a page that matches exactly, in its own language, ranks
first. The whole query in order (a name, a phrase; a little slop) in a title, summary or body adds a strong
boost, so a page naming a person outranks one where the syllables of the name are scattered.
"""

from elasticsearch.dsl import Q, Search

from .criteria import FACETS, SearchCriteria
from . import highlight as highlighter
from .folding import words
from .indices import FOLDED_LANGUAGES, SHARED_STOP_WORDS, TEXT_FIELDS, language_field, language_key, language_keys
from .results import FacetBucket, SearchHit, hit_from_document

FIELD_BOOSTS = {"title": 4, "summary": 2, "body": 1}
SHARED_BOOSTS = {"title": 2, "summary": 1, "body": 0.5}
# Kind and tags (`labels`) are matched like text and weigh between a title and a summary, on both backends.
LABELS_BOOST = 3
# A query of several words found in order in one field (within two moves: a stop word the field's analyzer dropped,
# a middle name left out) scores that field's match again, this many times; the fallback's equivalent is
# `search.fallback.PHRASE_WEIGHT`.
PHRASE_BOOST = 3
PHRASE_SLOP = 2
FACET_SIZES = {"mission": 200, "locale": 20, "kind": 30, "year": 100, "tags": 30}
FACET_FIELDS = {"mission": "mission", "locale": "locale", "kind": "kind", "year": "year", "tags": "tags"}
CONTENT_PAGE_TYPES = ["article", "event", "consular_notice"]
HIGHLIGHT_TAGS = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"]}
BODY_FRAGMENT = {"fragment_size": 160, "number_of_fragments": 2}


def not_expired() -> Q:
    """Pages past their expiry date stay in the index until Wagtail's scheduler unpublishes them; never show them.

    Rounded to the minute so the engine can cache the filter; the exact check is the database's, on every hit.
    """
    return Q("bool", should=[~Q("exists", field="expire_at"), Q("range", expire_at={"gt": "now/m"})], minimum_should_match=1)


def _language_keys_for(locales: tuple[str, ...]) -> list[str]:
    if not locales:
        return language_keys()
    return sorted({language_key(code) for code in locales})


def text_fields(locales: tuple[str, ...] = (), *, labels: bool = True) -> list[str]:
    fields = []
    for key in _language_keys_for(locales):
        for name in TEXT_FIELDS:
            fields.append(f"{name}_{key}^{FIELD_BOOSTS[name]}")
            if key in FOLDED_LANGUAGES:
                fields.append(f"{name}_{key}.folded^{FIELD_BOOSTS[name] / 2}")
    fields += [f"{name}_all^{SHARED_BOOSTS[name]}" for name in TEXT_FIELDS]
    return fields + ([f"labels^{LABELS_BOOST}"] if labels else [])


def text_query(q: str, locales: tuple[str, ...] = ()) -> Q:
    """Every word somewhere in the page (per language group); several words in order in one field rank higher."""
    words_query = Q("multi_match", query=q, type="cross_fields", operator="and", fields=text_fields(locales))
    if len(words(q)) < 2:
        return words_query
    phrase = Q(
        "multi_match", query=q, type="phrase", slop=PHRASE_SLOP, fields=text_fields(locales, labels=False),
        boost=PHRASE_BOOST,
    )
    return Q("bool", must=[words_query], should=[phrase])


def filter_clauses(criteria: SearchCriteria) -> list[Q]:
    clauses = [not_expired()]
    for field, values in (
        ("mission", criteria.missions),
        ("country", criteria.countries),
        ("region", criteria.regions),
        ("locale", criteria.locales),
        ("kind", criteria.kinds),
        ("page_type", criteria.page_types),
        ("tags", criteria.tags),
        ("topics", criteria.topics),
    ):
        if values:
            clauses.append(Q("terms", **{field: list(values)}))
    published = {}
    if criteria.published_from:
        published["gte"] = criteria.published_from.isoformat()
    if criteria.published_to:
        published["lte"] = criteria.published_to.isoformat()
    if published:
        clauses.append(Q("range", first_published_at=published))
    return clauses


def _sorting(criteria: SearchCriteria) -> list:
    newest = {"first_published_at": {"order": "desc", "missing": "_last"}}
    if criteria.effective_sort == "date":
        return [newest, {"page_id": "asc"}]
    return ["_score", newest, {"page_id": "asc"}]


def search_body(criteria: SearchCriteria, *, facets: bool = True, highlight: bool = True) -> dict:
    """The request body of a faceted, highlighted search."""
    query = text_query(criteria.q, criteria.locales) if criteria.q else Q("match_all")
    search = (
        Search()
        .query(Q("bool", must=[query], filter=filter_clauses(criteria)))
        .sort(*_sorting(criteria))
        .source(excludes=["body_*"])
        .extra(track_total_hits=True, from_=criteria.offset, size=criteria.page_size)
    )
    if facets:
        for name in FACETS:
            order = {"_key": "desc"} if name == "year" else [{"_count": "desc"}, {"_key": "asc"}]
            search.aggs.bucket(name, "terms", field=FACET_FIELDS[name], size=FACET_SIZES[name], order=order)
    if highlight and criteria.q:
        # The engine only cuts body fragments (from the shared field, with the words as typed rather than the
        # scoring query); the hub marks them, and the title and summary, with its one highlighter (`hits_from`).
        marked = Q("multi_match", query=criteria.q, fields=["body_all"])
        search = search.highlight("body_all", **BODY_FRAGMENT).highlight_options(
            encoder="html", highlight_query=marked.to_dict(), **HIGHLIGHT_TAGS
        )
    return search.to_dict()


def autocomplete_body(*, prefix: str, locales: tuple[str, ...], missions: tuple[str, ...], limit: int) -> dict:
    filters = [not_expired()]
    if locales:
        filters.append(Q("terms", locale=list(locales)))
    if missions:
        filters.append(Q("terms", mission=list(missions)))
    search = (
        Search()
        .query(Q("bool", must=[Q("match", title_suggest={"query": prefix, "operator": "and"})], filter=filters))
        .sort("_score", {"last_published_at": {"order": "desc", "missing": "_last"}}, {"page_id": "asc"})
        .source(excludes=["body_*"])
        .extra(size=limit)
    )
    return search.to_dict()


def related_body(*, document: dict, limit: int) -> dict:
    """More-like-this across missions: the page's own text against every language and the shared fields."""
    key = language_key(document["locale"])
    like = " ".join(document.get(f"{name}_{key}", "") for name in TEXT_FIELDS)[:5000]
    fields = [f"{name}_all" for name in TEXT_FIELDS] + [f"{name}_{key}" for name in TEXT_FIELDS]
    search = (
        Search()
        .query(
            Q(
                "bool",
                must=[
                    Q(
                        "more_like_this",
                        fields=fields,
                        like=like,
                        min_term_freq=1,
                        min_doc_freq=1,
                        max_query_terms=40,
                        minimum_should_match="30%",
                        stop_words=[] if key in FOLDED_LANGUAGES else SHARED_STOP_WORDS,
                    )
                ],
                filter=[not_expired(), Q("terms", page_type=CONTENT_PAGE_TYPES)],
                must_not=[Q("term", mission=document["mission"]), Q("term", translation_key=document["translation_key"])],
            )
        )
        .source(excludes=["body_*"])
        .extra(size=limit)
    )
    return search.to_dict()


def _highlights(hit: dict, q: str) -> dict[str, list[str]]:
    """Snippets per field, marked by the hub's highlighter as the database fallback marks them: the title and
    summary whole, the body in the fragments the engine cut around its matches."""
    if not q:
        return {}
    source = hit["_source"]
    marked = {name: highlighter.highlight(source.get(language_field(name, source["locale"]), ""), q) for name in ("title", "summary")}
    snippets = {name: [text] for name, text in marked.items() if text}
    fragments = (hit.get("highlight") or {}).get("body_all")
    if fragments:
        snippets["body"] = [highlighter.highlight_fragment(fragment, q) for fragment in fragments]
    return snippets


def hits_from(response: dict, *, q: str = "") -> list[SearchHit]:
    """Hits of an engine answer; with the query `q`, marked snippets."""
    return [
        hit_from_document(hit["_source"], score=hit.get("_score"), highlights=_highlights(hit, q))
        for hit in response["hits"]["hits"]
    ]


def total_from(response: dict) -> int:
    total = response["hits"]["total"]
    return total["value"] if isinstance(total, dict) else int(total)


def facets_from(response: dict) -> dict[str, list[FacetBucket]]:
    aggregations = response.get("aggregations") or {}
    return {
        name: [FacetBucket(value=str(bucket["key"]), count=bucket["doc_count"]) for bucket in aggregations[name]["buckets"]]
        for name in FACETS
        if name in aggregations
    }

