"""The search service answered from the database: the embedded default, and the fallback while an engine is
unreachable. Same criteria, same result shape; `simplified` says what the database does in a simpler way.

Text matching reads the hub's own table of page words (`PageSearchText`: as written and folded, kind and tags
among them), kept by the signal handlers that write the outbox: whole words, accents and case ignored, every
word somewhere in the page, ranked by where the words occur with exact diacritics first and whole phrases higher; the same SQL on SQLite
and PostgreSQL. Filters, facets and the result cards come from the ORM, the cards through the same document
builder as the index, so both backends describe a page identically.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import ExtractYear, Substr
from wagtail.models import Page

from embassies.models import ArticlePage, ConsularNoticePage, EventPage, MissionHomePage
from embassies.models.pages import MISSION_HOME_PATH_LENGTH
from embassies.selectors import mission_home_for_page, pages_under, subtrees
from hub.models import Mission

from .criteria import FACETS, SearchCriteria
from .documents import PAGE_INDEX, PAGE_TYPES, documents_for, pages_indexable
from .folding import exact_words, fold, folded_words, word_run
from .highlight import highlight
from .indices import language_field
from .models import PageSearchText
from .query import CONTENT_PAGE_TYPES, FACET_SIZES, FIELD_BOOSTS, LABELS_BOOST
from .results import FacetBucket, SearchResults, hit_from_document

BACKEND = "database"
TAGGED_MODELS = (ArticlePage, EventPage, ConsularNoticePage)
SEARCH_SIMPLIFIED = ("language_analysis", "cross_language", "relevance", "highlighting")
# A folded word found in a field scores that field's weight (the engine's boosts); found as typed, with its
# diacritics, it scores the weight again. A query of several words found in order in a field (a name, a phrase)
# scores, per word, that field's weight times PHRASE_WEIGHT, once, for the best such field: a name in a body
# outranks its syllables scattered over a title, as the engine's phrase clause (`search.query.PHRASE_BOOST`) does.
FOLDED_WEIGHTS = {**{f"{name}_folded": boost for name, boost in FIELD_BOOSTS.items()}, "labels_folded": LABELS_BOOST}
EXACT_WEIGHTS = dict(FIELD_BOOSTS)
PHRASE_WEIGHT = 8
# The engine's `english` and `french` analyzers drop these words (Lucene's stop sets), so on the engine a page in
# that language matches a query without them: here too, a stop word of a page's language is optional for it, as
# long as the query has a word that is not one. Never for Vietnamese (`le`, `la`, `an` are syllables, hence words).
STOP_WORDS = {
    "en": frozenset(
        "a an and are as at be but by for if in into is it no not of on or such that the their then there these"
        " they this to was will with".split()
    ),
    "fr": frozenset(
        fold(word) for word in (
            "au aux avec ce ces dans de des du elle en et eux il je la le leur lui ma mais me même mes moi mon ne nos"
            " notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d"
            " j l à m n s t y été étée étées étés étant suis es est sommes êtes sont serai seras sera serons serez"
            " seront serais serait serions seriez seraient étais était étions étiez étaient fus fut fûmes fûtes furent"
            " sois soit soyons soyez soient fusse fusses fût fussions fussiez fussent ayant eu eue eues eus ai as avons"
            " avez ont aurai auras aura aurons aurez auront aurais aurait aurions auriez auraient avais avait avions"
            " aviez avaient eut eûmes eûtes eurent aie aies ait ayons ayez aient eusse eusses eût eussions eussiez"
            " eussent ceci cela celà cet cette ici ils les leurs quel quels quelle quelles sans soi"
        ).split()
    ),
}
# Facets over more matches than this are counted over the best ones only (and flagged as simplified).
FACET_LIMIT = 10_000


def _home_paths(*, missions=(), countries=(), regions=()) -> list[str] | None:
    """Paths of the mission homes the mission/country/region filters allow, or None without such filters."""
    if not (missions or countries or regions):
        return None
    chosen = Mission.objects.all()
    if missions:
        chosen = chosen.filter(slug__in=missions)
    if countries:
        chosen = chosen.filter(country__in=countries)
    if regions:
        chosen = chosen.filter(region__slug__in=regions)
    return list(MissionHomePage.objects.filter(mission__in=chosen).values_list("path", flat=True))


def _content_types_of(page_types) -> list[int]:
    models = [model for model, name in PAGE_TYPES.items() if name in page_types]
    return [content_type.pk for content_type in ContentType.objects.get_for_models(*models, for_concrete_models=False).values()]


def _pages_with(*, tags=(), topics=()) -> Q:
    condition = Q(pk__in=[])
    for model in TAGGED_MODELS:
        if tags:
            condition |= Q(pk__in=model.objects.filter(tagged_items__tag__name__in=tags).values("pk"))
        if topics:
            condition |= Q(pk__in=model.objects.filter(topics__slug__in=topics).values("pk"))
    return condition


def pages_matching_filters(criteria: SearchCriteria) -> QuerySet:
    """Indexable pages that pass every filter of the criteria (text aside)."""
    pages = pages_indexable()
    home_paths = _home_paths(missions=criteria.missions, countries=criteria.countries, regions=criteria.regions)
    if home_paths is not None:
        pages = pages.filter(subtrees(home_paths))
    if criteria.locales:
        pages = pages.filter(locale__language_code__in=criteria.locales)
    if criteria.page_types:
        pages = pages.filter(content_type_id__in=_content_types_of(criteria.page_types))
    if criteria.kinds:
        other_kinds = [kind for kind in criteria.kinds if kind in PAGE_TYPES.values()]
        pages = pages.filter(
            Q(pk__in=ArticlePage.objects.filter(kind__in=criteria.kinds).values("pk"))
            | Q(content_type_id__in=_content_types_of(other_kinds))
        )
    if criteria.tags:
        pages = pages.filter(_pages_with(tags=criteria.tags))
    if criteria.topics:
        pages = pages.filter(_pages_with(topics=criteria.topics))
    if criteria.published_from:
        pages = pages.filter(first_published_at__gte=criteria.published_from)
    if criteria.published_to:
        pages = pages.filter(first_published_at__lte=criteria.published_to)
    return pages


def _buckets(counts: dict, *, size: int, newest_first: bool = False) -> list[FacetBucket]:
    if newest_first:
        ordered = sorted(counts.items(), key=lambda item: -int(item[0]))
    else:
        ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [FacetBucket(value=str(value), count=count) for value, count in ordered[:size] if count]


def facet_counts(page_ids: list[int]) -> dict[str, list[FacetBucket]]:
    """Facet counts over the matched pages, with the engine's bucket sizes and order."""
    pages = Page.objects.filter(pk__in=page_ids).order_by()
    missions_by_home = dict(MissionHomePage.objects.values_list("path", "mission__slug"))
    by_mission: dict[str, int] = {}
    for row in pages.annotate(home=Substr("path", 1, MISSION_HOME_PATH_LENGTH)).values("home").annotate(n=Count("pk")):
        slug = missions_by_home.get(row["home"])
        if slug:
            by_mission[slug] = by_mission.get(slug, 0) + row["n"]
    by_locale = {row["locale__language_code"]: row["n"] for row in pages.values("locale__language_code").annotate(n=Count("pk"))}
    by_year = {
        row["year"]: row["n"]
        for row in pages.annotate(year=ExtractYear("first_published_at")).values("year").annotate(n=Count("pk"))
        if row["year"] is not None
    }
    by_kind: dict[str, int] = {}
    for row in ArticlePage.objects.filter(pk__in=page_ids).order_by().values("kind").annotate(n=Count("pk")):
        by_kind[row["kind"]] = row["n"]
    type_names = {content_type: name for name in PAGE_TYPES.values() for content_type in _content_types_of([name])}
    for row in pages.exclude(content_type_id__in=_content_types_of(["article"])).values("content_type_id").annotate(n=Count("pk")):
        name = type_names.get(row["content_type_id"])
        if name:
            by_kind[name] = by_kind.get(name, 0) + row["n"]
    by_tag: dict[str, int] = {}
    for model in TAGGED_MODELS:
        for row in model.objects.filter(pk__in=page_ids).order_by().values("tagged_items__tag__name").annotate(n=Count("pk", distinct=True)):
            if row["tagged_items__tag__name"]:
                by_tag[row["tagged_items__tag__name"]] = by_tag.get(row["tagged_items__tag__name"], 0) + row["n"]
    counts = {"mission": by_mission, "locale": by_locale, "kind": by_kind, "year": by_year, "tags": by_tag}
    return {name: _buckets(counts[name], size=FACET_SIZES[name], newest_first=name == "year") for name in FACETS}


def page_search_texts(page_ids: list[int]) -> list[PageSearchText]:
    """The fallback's rows for those of these pages the index would hold, from the index's own documents."""
    rows = []
    for page_id, document in PAGE_INDEX.documents_for(page_ids, {}).items():
        texts = {name: document.get(language_field(name, document["locale"]), "") for name in ("title", "summary", "body")}
        rows.append(
            PageSearchText(
                page_id=page_id,
                **{name: word_run(exact_words(text)) for name, text in texts.items()},
                **{f"{name}_folded": word_run(folded_words(text)) for name, text in texts.items()},
                labels_folded=word_run(folded_words(document["labels"])),
            )
        )
    return rows


def _contains(field: str, words: str) -> Q:
    return Q(**{f"{field}__contains": words})


def _scored(condition: Q, weight: int) -> Case:
    return Case(When(condition, then=Value(weight)), default=Value(0), output_field=IntegerField())


def _optional_words(folded: list[str]) -> dict[str, set[str]]:
    """Per language, the query's words a page in that language need not hold: its stop words, unless the query
    has nothing else (then every word counts, as the engine's shared fields, which keep stop words, would match)."""
    return {
        language: set(folded) & stop_words
        for language, stop_words in STOP_WORDS.items()
        if set(folded) - stop_words
    }


def _text_matches(q: str, candidates: QuerySet) -> QuerySet:
    """Rows of the candidate pages holding every word of `q` (folded, whole words, in any field; a stop word of the
    page's language may be missing), with a score."""
    folded = list(dict.fromkeys(folded_words(q)))
    accented = [word for word in dict.fromkeys(exact_words(q)) if word != fold(word)]
    optional = _optional_words(folded)
    rows = PageSearchText.objects.filter(page__in=candidates)
    score = Value(0, output_field=IntegerField())
    for word in folded:
        found = Q.create([_contains(field, f" {word} ") for field in FOLDED_WEIGHTS], connector=Q.OR)
        skipped_by = [language for language, words in optional.items() if word in words]
        if skipped_by:
            found |= Q(page__locale__language_code__in=skipped_by)
        rows = rows.filter(found)
        for field, weight in FOLDED_WEIGHTS.items():
            score += _scored(_contains(field, f" {word} "), weight)
    for word in accented:
        for field, weight in EXACT_WEIGHTS.items():
            score += _scored(_contains(field, f" {word} "), weight)
    phrase = folded_words(q)
    if len(phrase) > 1:
        best_field_first = [
            When(_contains(f"{name}_folded", word_run(phrase)), then=Value(weight * PHRASE_WEIGHT * len(phrase)))
            for name, weight in sorted(FIELD_BOOSTS.items(), key=lambda item: -item[1])
        ]
        score += Case(*best_field_first, default=Value(0), output_field=IntegerField())
    return rows.annotate(score=score)


def _cards(page_ids: list[int], *, q: str = ""):
    """Result cards for page ids, in that order, built by the index's own document builder."""
    rows = Page.objects.filter(pk__in=page_ids).values("pk", "content_type_id", "path")
    documents = documents_for(rows)
    hits = []
    for pk in page_ids:
        document = documents.get(pk)
        if document is None:
            continue
        hit = hit_from_document(document)
        if q:
            marked = {"title": highlight(hit.title, q), "summary": highlight(hit.summary, q)}
            hit = hit_from_document(document, highlights={name: [text] for name, text in marked.items() if text})
        hits.append(hit)
    return hits


def fallback_search(criteria: SearchCriteria, *, degraded: bool, facets: bool = True) -> SearchResults:
    """Search from the database: words through the hub's page word table, everything else through the ORM."""
    pages = pages_matching_filters(criteria)
    newest = ("-page__first_published_at", "page_id")
    if criteria.q and folded_words(criteria.q):
        rows = _text_matches(criteria.q, pages.values("pk"))
        order = ("-score", *newest) if criteria.effective_sort == "relevance" else newest
        matched = list(rows.order_by(*order).values_list("page_id", flat=True))
    elif criteria.q:
        matched = []
    else:
        matched = list(pages.order_by("-first_published_at", "id").values_list("pk", flat=True))
    window = matched[criteria.offset : criteria.offset + criteria.page_size]
    simplified = SEARCH_SIMPLIFIED if criteria.q else ()
    if facets and len(matched) > FACET_LIMIT:
        simplified += ("facets",)
    return SearchResults(
        hits=_cards(window, q=criteria.q),
        total=len(matched),
        page=criteria.page,
        page_size=criteria.page_size,
        backend=BACKEND,
        facets=facet_counts(matched[:FACET_LIMIT]) if facets else {},
        simplified=simplified,
        degraded=degraded,
    )


def fallback_autocomplete(*, prefix: str, locales, missions, limit: int, degraded: bool) -> SearchResults:
    """Titles containing the typed text, newest first (the engine matches word prefixes in any language)."""
    pages = pages_indexable().filter(title__icontains=prefix)
    if locales:
        pages = pages.filter(locale__language_code__in=locales)
    home_paths = _home_paths(missions=missions)
    if home_paths is not None:
        pages = pages.filter(subtrees(home_paths))
    ids = list(pages.order_by("-last_published_at", "pk").values_list("pk", flat=True)[:limit])
    return SearchResults(
        hits=_cards(ids), total=len(ids), page=1, page_size=limit, backend=BACKEND,
        simplified=("autocomplete",), degraded=degraded,
    )


def fallback_related(*, page: Page, limit: int, degraded: bool) -> SearchResults:
    """Pages of other missions sharing a tag or topic with the page, newest first (the engine compares text)."""
    specific = page.specific
    tags = [item.tag.name for item in specific.tagged_items.all()] if hasattr(specific, "tagged_items") else []
    topics = [topic.slug for topic in specific.topics.all()] if hasattr(specific, "topics") else []
    own_home = mission_home_for_page(page=page)
    pages = (
        pages_indexable()
        .filter(content_type_id__in=_content_types_of(CONTENT_PAGE_TYPES))
        .filter(_pages_with(tags=tags, topics=topics))
        .exclude(translation_key=page.translation_key)
    )
    if own_home is not None:
        pages = pages.exclude(pk__in=pages_under(missions=[own_home.mission_id]).values("pk"))
    ids = list(pages.order_by("-first_published_at", "pk").values_list("pk", flat=True)[:limit])
    return SearchResults(
        hits=_cards(ids), total=len(ids), page=1, page_size=limit, backend=BACKEND,
        simplified=("related",), degraded=degraded,
    )
