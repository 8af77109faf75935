"""Search over HTTP: the search service (`search.selectors`) with the API's parameter names and error shape.

The service validates everything and re-checks every hit against the database's public rule, so these views
only translate query parameters in and results out.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, generics
from rest_framework.response import Response
from wagtail.models import Page

from search.criteria import (
    AUTOCOMPLETE_LIMIT_MAX, kinds_known, AUTOCOMPLETE_MAX_LENGTH, MAX_FILTER_VALUES, MAX_PAGE, MAX_PAGE_SIZE, MAX_QUERY_LENGTH,
    SORTS,
)
from search.documents import page_type_names, pages_indexable
from search.selectors import RELATED_LIMIT_MAX, pages_autocomplete, pages_related, pages_search

from ..caching import SearchAnswerCached
from ..schema import COUNTRY, DATE_OR_DATE_TIME, SLUG, bounded_integer, matching, repeatable
from .serializers import AutocompleteResultsSerializer, SearchResultsSerializer, results_json

# API parameter -> search service parameter. Filters repeat (`?mission=hanoi&mission=paris`).
SEARCH_FILTERS = {
    "mission": "missions",
    "country": "countries",
    "region": "regions",
    "locale": "locales",
    "kind": "kinds",
    "type": "page_types",
    "tag": "tags",
    "topic": "topics",
}
SEARCH_SCALARS = {
    "q": "q",
    "published_after": "published_from",
    "published_before": "published_to",
    "sort": "sort",
    "page": "page",
    "page_size": "page_size",
}


def _listed(params, name: str) -> list[str]:
    """Every value of a repeatable parameter (a comma is part of a value: tags may hold one)."""
    return [value.strip() for value in params.getlist(name)]


def _service_call(function, api_names: dict[str, str], **kwargs):
    """Call the search service; its ValidationError comes back keyed by the API's parameter names."""
    try:
        return function(**kwargs)
    except ValidationError as error:
        to_api = {service: api for api, service in api_names.items()}
        raise exceptions.ValidationError(
            {to_api.get(field, field): [str(message) for message in messages] for field, messages in error.message_dict.items()}
        ) from None


def _filter(name: str, description: str, item: dict | None = None) -> OpenApiParameter:
    """A repeatable search filter; `item` is the schema of one value (else any text)."""
    return repeatable(name, item or {"type": "string"}, most=MAX_FILTER_VALUES, description=description)


def _languages() -> dict:
    return {"type": "string", "enum": sorted(code for code, _name in settings.ALL_CONTENT_LANGUAGES)}


class SearchView(SearchAnswerCached, generics.GenericAPIView):
    """Free-text search across every mission's public pages, in every language.

    Results carry highlighted fragments (`<mark>`, HTML-escaped), facet counts for mission, locale, kind, year
    and tags, and `backend`: the engine that answered, or `database` (with `simplified` naming what the
    database does more simply and `degraded: true` when an engine is configured but could not answer).
    """

    serializer_class = SearchResultsSerializer
    filter_backends = []
    pagination_class = None

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "q", {"type": "string", "maxLength": MAX_QUERY_LENGTH},
                description=f"Free text, up to {MAX_QUERY_LENGTH} characters; without it, newest first.",
            ),
            _filter("mission", "Mission slug.", matching(SLUG)),
            _filter("country", "ISO 3166 country code of the mission.", matching(COUNTRY)),
            _filter("region", "Region slug.", matching(SLUG)),
            _filter("locale", "Language code.", _languages()),
            _filter("kind", "Article kind (news, press_release, …) or page type.", {"type": "string", "enum": sorted(kinds_known())}),
            _filter(
                "type", "Page type: article, event, consular_notice, briefing, section, mission_home, hq_home.",
                {"type": "string", "enum": sorted(page_type_names())},
            ),
            _filter("tag", "Tag name."),
            _filter("topic", "Topic slug.", matching(SLUG)),
            OpenApiParameter("published_after", DATE_OR_DATE_TIME, description="Date or date-time, inclusive."),
            OpenApiParameter("published_before", DATE_OR_DATE_TIME, description="Date or date-time, inclusive."),
            OpenApiParameter("sort", OpenApiTypes.STR, enum=list(SORTS), description="relevance (default) or date."),
            OpenApiParameter("page", bounded_integer(1, MAX_PAGE), description=f"Page number, 1 to {MAX_PAGE}."),
            OpenApiParameter("page_size", bounded_integer(1, MAX_PAGE_SIZE), description=f"1 to {MAX_PAGE_SIZE}, default 20."),
        ]
    )
    def get(self, request):
        params = request.query_params
        arguments = {service: _listed(params, api) for api, service in SEARCH_FILTERS.items()}
        arguments.update({service: params.get(api) for api, service in SEARCH_SCALARS.items() if api in params})
        results = _service_call(pages_search, {**SEARCH_FILTERS, **SEARCH_SCALARS}, **arguments)
        return Response(results_json(results, request=request))


class AutocompleteView(SearchAnswerCached, generics.GenericAPIView):
    """Titles starting with what was typed (any word of the title), for search boxes: ids, titles and paths."""

    serializer_class = AutocompleteResultsSerializer
    filter_backends = []
    pagination_class = None
    API_NAMES = {"q": "prefix", "locale": "locales", "mission": "missions", "limit": "limit"}

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "q", {"type": "string", "maxLength": AUTOCOMPLETE_MAX_LENGTH}, required=True,
                description=f"What was typed (1–{AUTOCOMPLETE_MAX_LENGTH} characters).",
            ),
            _filter("locale", "Language code.", _languages()),
            _filter("mission", "Mission slug.", matching(SLUG)),
            OpenApiParameter(
                "limit", bounded_integer(1, AUTOCOMPLETE_LIMIT_MAX), description=f"1 to {AUTOCOMPLETE_LIMIT_MAX}, default 10."
            ),
        ]
    )
    def get(self, request):
        params = request.query_params
        results = _service_call(
            pages_autocomplete,
            self.API_NAMES,
            prefix=params.get("q", ""),
            locales=_listed(params, "locale"),
            missions=_listed(params, "mission"),
            limit=params.get("limit", 10),
        )
        return Response(results_json(results, request=request))


class RelatedView(SearchAnswerCached, generics.GenericAPIView):
    """Public pages of other missions most like this one ("related across missions"); 404 for a non-public page."""

    serializer_class = SearchResultsSerializer
    filter_backends = []
    pagination_class = None
    API_NAMES = {"limit": "limit", "pk": "page_id"}

    @extend_schema(
        parameters=[
            OpenApiParameter("limit", bounded_integer(1, RELATED_LIMIT_MAX), description=f"1 to {RELATED_LIMIT_MAX}, default 5.")
        ]
    )
    def get(self, request, pk: int):
        if not _page_is_public(pk):
            raise exceptions.NotFound()
        results = _service_call(pages_related, self.API_NAMES, page_id=pk, limit=request.query_params.get("limit", 5))
        return Response(results_json(results, request=request))


def _page_is_public(pk: int) -> bool:
    return pages_indexable(queryset=Page.objects.filter(pk=pk)).exists()
