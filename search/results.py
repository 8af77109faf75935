"""The shape of every search answer, whichever backend produced it."""

import datetime as dt
from dataclasses import dataclass, field

from django.utils.dateparse import parse_datetime

from .indices import language_field


@dataclass(frozen=True)
class SearchHit:
    """One page in a result list, with what a result card needs."""

    page_id: int
    title: str
    summary: str
    url_path: str
    page_type: str
    kind: str
    mission: str
    mission_name: str
    country: str
    region: str
    locale: str
    tags: tuple[str, ...]
    topics: tuple[str, ...]
    first_published_at: dt.datetime | None
    last_published_at: dt.datetime | None
    hero_image_id: int | None
    score: float | None = None
    highlights: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class FacetBucket:
    value: str
    count: int


@dataclass(frozen=True)
class SearchResults:
    """A page of hits with the total, facet counts, and which backend answered.

    `backend` is the engine (`opensearch`, `elasticsearch`) or `database`; `simplified` names the features
    the database answered in a simpler way; `degraded` says an engine is configured but could not answer.
    """

    hits: list[SearchHit]
    total: int
    page: int
    page_size: int
    backend: str
    facets: dict[str, list[FacetBucket]] = field(default_factory=dict)
    simplified: tuple[str, ...] = ()
    degraded: bool = False


def hit_from_document(document: dict, *, score: float | None = None, highlights=None) -> SearchHit:
    """A hit from an index document (the engine's `_source`, or a document the fallback built)."""
    locale = document["locale"]
    return SearchHit(
        page_id=int(document["page_id"]),
        title=document.get(language_field("title", locale), ""),
        summary=document.get(language_field("summary", locale), ""),
        url_path=document["url_path"],
        page_type=document["page_type"],
        kind=document["kind"],
        mission=document["mission"],
        mission_name=document["mission_name"],
        country=document["country"],
        region=document["region"],
        locale=locale,
        tags=tuple(document.get("tags") or ()),
        topics=tuple(document.get("topics") or ()),
        first_published_at=parse_datetime(document["first_published_at"]) if document.get("first_published_at") else None,
        last_published_at=parse_datetime(document["last_published_at"]) if document.get("last_published_at") else None,
        hero_image_id=document.get("hero_image_id"),
        score=score,
        highlights=highlights or {},
    )
