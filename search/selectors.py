"""The search service: cross-mission search, title autocomplete and related pages across missions.

Each answers from the engine when one is configured and reachable, and from the database otherwise,
in the same shape (`search/results.py`). Whatever the index says, a hit is only returned if the page is
public in the database at that moment: the index may lag a change by the time the outbox takes.
"""

import dataclasses
import logging
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .criteria import autocomplete_criteria, search_criteria
from .documents import PASSAGES, pages_indexable
from .fallback import fallback_autocomplete, fallback_related, fallback_search
from .highlight import highlight
from .gateway import (
    SearchEngineError,
    SearchUnavailable,
    engine_mark_down,
    engine_marked_down,
    engine_settings,
    gateway,
)
from .models import IndexOutbox
from .query import autocomplete_body, facets_from, hits_from, related_body, search_body, total_from
from .results import SearchHit, SearchResults

logger = logging.getLogger(__name__)

RELATED_LIMIT_MAX = 20
PASSAGE_LIMIT = 3  # passages shown per hit


def outbox_pending_count() -> int:
    """Changes recorded but not yet in the index (a health signal for operations)."""
    return IndexOutbox.objects.pending().count()


def _only_public(hits: list[SearchHit]) -> list[SearchHit]:
    ids = [hit.page_id for hit in hits]
    public = set(pages_indexable(queryset=Page.objects.filter(pk__in=ids)).values_list("pk", flat=True))
    return [hit for hit in hits if hit.page_id in public]


NO_ANSWER = object()


def _engine_answer(run):
    """Run an engine query, or return NO_ANSWER (remembering the outage briefly) when the engine cannot answer."""
    config = engine_settings()
    if config is None or engine_marked_down(config):
        return NO_ANSWER
    try:
        return run(gateway())
    except SearchUnavailable as error:
        engine_mark_down(config)
        logger.warning("Search engine unreachable, answering from the database: %s", error)
    except SearchEngineError:
        logger.exception("Search engine error, answering from the database")
    return NO_ANSWER


def _with_passages(hits: list[SearchHit], *, q: str) -> list[SearchHit]:
    """Hits of page types that register passages (a transcript's questions and answers) get, under `passages`,
    each passage matching `q`, marked by the one highlighter: the same snippets from the engine and the database."""
    if not q:
        return hits
    wanted = defaultdict(list)
    for hit in hits:
        if hit.page_type in PASSAGES:
            wanted[hit.page_type].append(hit.page_id)
    if not wanted:
        return hits
    found = {}
    for page_type, page_ids in wanted.items():
        found.update(PASSAGES[page_type](page_ids))
    marked_hits = []
    for hit in hits:
        marked = [text for text in (highlight(passage, q) for passage in found.get(hit.page_id, ())) if text]
        marked_hits.append(
            dataclasses.replace(hit, highlights={**hit.highlights, "passages": marked[:PASSAGE_LIMIT]}) if marked else hit
        )
    return marked_hits


def pages_search(**params) -> SearchResults:
    """Free text plus filters (mission, country, region, locale, kind, page type, tags, topics, date range), with
    facet counts and highlighted snippets, sorted by relevance or date, a page at a time.

    Parameters are those of `search.criteria.search_criteria`; bad ones raise ValidationError.
    """
    criteria = search_criteria(**params)
    response = _engine_answer(lambda engine: engine.search(search_body(criteria)))
    if response is NO_ANSWER:
        results = fallback_search(criteria, degraded=engine_settings() is not None)
        return dataclasses.replace(results, hits=_with_passages(results.hits, q=criteria.q))
    hits = hits_from(response, q=criteria.q)
    public = _only_public(hits)
    return SearchResults(
        hits=_with_passages(public, q=criteria.q),
        total=max(total_from(response) - (len(hits) - len(public)), 0),
        page=criteria.page,
        page_size=criteria.page_size,
        backend=engine_settings().engine,
        facets=facets_from(response),
    )


def pages_autocomplete(*, prefix: str, locales=None, missions=None, limit: int = 10) -> SearchResults:
    """Pages whose title has words starting with what was typed, in any language."""
    prefix, locales, missions, limit = autocomplete_criteria(prefix=prefix, locales=locales, missions=missions, limit=limit)
    body = autocomplete_body(prefix=prefix, locales=locales, missions=missions, limit=limit)
    response = _engine_answer(lambda engine: engine.search(body))
    if response is NO_ANSWER:
        return fallback_autocomplete(
            prefix=prefix, locales=locales, missions=missions, limit=limit, degraded=engine_settings() is not None
        )
    hits = _only_public(hits_from(response))
    return SearchResults(hits=hits, total=len(hits), page=1, page_size=limit, backend=engine_settings().engine)


def pages_related(*, page_id, limit: int = 5) -> SearchResults:
    """Content of other missions most like this page ("related across missions"); empty for a non-public page."""
    try:
        page_id, limit = int(page_id), int(limit)
    except (TypeError, ValueError):
        raise ValidationError({"page_id": [_("Give a page id and a whole-number limit.")]}, code="invalid") from None
    if not 1 <= page_id < 2**63:
        raise ValidationError({"page_id": [_("There is no page %(id)s.") % {"id": page_id}]}, code="not_found")
    if not 1 <= limit <= RELATED_LIMIT_MAX:
        raise ValidationError({"limit": [_("Between 1 and %(max)s.") % {"max": RELATED_LIMIT_MAX}]}, code="out_of_range")
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        raise ValidationError({"page_id": [_("There is no page %(id)s.") % {"id": page_id}]}, code="not_found")
    config = engine_settings()
    empty = SearchResults(hits=[], total=0, page=1, page_size=limit, backend=config.engine if config else "database")
    if not pages_indexable(queryset=Page.objects.filter(pk=page_id)).exists():
        return empty

    def run(engine):
        document = engine.document(str(page_id))
        return None if document is None else engine.search(related_body(document=document, limit=limit))

    response = _engine_answer(run)
    if response is NO_ANSWER:
        return fallback_related(page=page, limit=limit, degraded=config is not None)
    if response is None:
        return empty
    hits = _only_public(hits_from(response))
    return SearchResults(hits=hits, total=len(hits), page=1, page_size=limit, backend=config.engine)
