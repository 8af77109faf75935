"""Pages, events and consular notices: public content only, in a fixed number of queries per request."""

from django.db.models import Case, F, IntegerField, Value, When
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, generics, serializers
from rest_framework.response import Response
from wagtail.models import Page

from embassies.models import SOCIAL_SHARE_LIMITS, ConsularNoticePage, EventPage, MissionHomePage, NoticeSeverity
from embassies.presentation.kept import kept_while_content_unchanged
from embassies.presentation.pages import hydrate, page_detail_of_public, page_summaries
from embassies.presentation.social import social_payload
from embassies.selectors import pages_public
from hub.models import Mission

from ..pagination import HubCursorPagination
from ..caching import HttpCached
from .filters import CONTENT_TYPES, ConsularNoticeFilter, EventFilter, PageFilter, StrictOrderingFilter
from .serializers import LIST_FIELDS, PageDetailSerializer, PageSummarySerializer


class EventCursorPagination(HubCursorPagination):
    ordering = ("starts_at", "pk")


class NoticeCursorPagination(HubCursorPagination):
    ordering = ("-severity_rank", "-pk")


def content_pages_public():
    """Public articles, events and notices, as base pages (hydrated per page of results)."""
    return pages_public(queryset=Page.objects.type(*CONTENT_TYPES.values())).select_related("locale")


def _sparse(request, items: list[dict]) -> list[dict]:
    """Apply `?fields=a,b`: only those keys, and a 400 naming any unknown one."""
    fields = request.query_params.get("fields")
    if fields is None:
        return items
    wanted = [name.strip() for name in fields.split(",") if name.strip()]
    if not wanted:
        raise exceptions.ValidationError({"fields": ["Name at least one field."]})
    unknown = sorted(set(wanted) - set(LIST_FIELDS))
    if unknown:
        raise exceptions.ValidationError({"fields": [f"Unknown fields: {', '.join(unknown)}."]})
    return [{key: value for key, value in item.items() if key in wanted} for item in items]


FIELDS_PARAMETER = OpenApiParameter(
    "fields", OpenApiTypes.STR, many=True, explode=False, enum=LIST_FIELDS,
    description="Only these properties of each result, comma-separated (e.g. `id,title`).",
)


@extend_schema_view(get=extend_schema(parameters=[FIELDS_PARAMETER]))
class PageListView(HttpCached, generics.ListAPIView):
    """Live, public pages of every mission, newest first, with cursor pagination."""

    serializer_class = PageSummarySerializer
    filter_backends = [DjangoFilterBackend, StrictOrderingFilter]
    filterset_class = PageFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation, possibly before any migration
            return Page.objects.none()
        return content_pages_public()

    def list(self, request, *args, **kwargs):
        # Which pages this query's page of results holds, and its links, follow only public content: kept per
        # content version (kept.py), so Django builds and compiles the filtered, cursor-paged query once per
        # version and query, not per request. `fields` only shapes each item, so it is not part of the key.
        query = sorted((name, values) for name, values in request.query_params.lists() if name != "fields")
        rows, next_link, previous_link = kept_while_content_unchanged(
            "page-list", f"{type(self).__name__}|{query}", request=request, build=self._page_of_results
        )
        items = page_summaries(rows, request=request)
        return Response({"next": next_link, "previous": previous_link, "results": _sparse(request, items)})

    def _page_of_results(self) -> "tuple[list[Page], str | None, str | None]":
        """The public, filtered page of results as base pages with only ids, types, cursor positions and what
        keys a kept summary (hydrate() loads the rest for summaries not kept yet), and its next and previous
        links. A bad filter, page size or cursor raises its 400 or 404 here."""
        queryset = self.filter_queryset(self.get_queryset()).select_related(None).only(
            "id", "content_type", "first_published_at", "last_published_at", "live_revision", "locale", "url_path"
        )
        rows = self.paginate_queryset(queryset)
        return rows, self.paginator.get_next_link(), self.paginator.get_previous_link()


class PageDetailView(HttpCached, generics.GenericAPIView):
    """One public page (any type) by id, with its body, social texts and alternates."""

    serializer_class = PageDetailSerializer
    filter_backends = []
    pagination_class = None

    def get_queryset(self):
        return pages_public().exclude(depth__lte=2)

    def get(self, request, pk: int):
        page = kept_while_content_unchanged(
            "page", f"{pk}", request=request, build=lambda: self.get_queryset().filter(pk=pk).first()
        )
        if page is None:
            raise exceptions.NotFound("No Page matches the given query.")  # as get_object_or_404 said
        return Response(page_detail_of_public(page, request=request))


class PageFindView(HttpCached, generics.GenericAPIView):
    """Site routing: the public page at `path` of a mission's site in a locale, with optional fallback."""

    serializer_class = PageDetailSerializer
    filter_backends = []
    pagination_class = None
    answers_not_found = True

    @extend_schema(
        parameters=[
            OpenApiParameter("mission", OpenApiTypes.STR, required=True, description="Mission slug."),
            OpenApiParameter("locale", OpenApiTypes.STR, required=True, description="Language code."),
            OpenApiParameter(
                "path", OpenApiTypes.STR, description="Path below the mission home, e.g. news/visa-hours/ (`/` or none: the home)."
            ),
            OpenApiParameter("fallback", OpenApiTypes.STR, description="Language to use when `locale` has no such page."),
        ]
    )
    def get(self, request):
        params = request.query_params
        errors = {name: ["This parameter is required."] for name in ("mission", "locale") if not params.get(name)}
        if errors:
            raise exceptions.ValidationError(errors)
        mission = generics.get_object_or_404(Mission, slug=params["mission"])
        path = params.get("path", "").strip("/")
        for code in [params["locale"], params.get("fallback")]:
            if not code:
                continue
            home = MissionHomePage.objects.filter(mission=mission, locale__language_code=code).first()
            if home is None:
                continue
            url_path = home.url_path + (f"{path}/" if path else "")
            page = pages_public().filter(url_path=url_path, locale=home.locale_id).first()
            if page is not None:
                return Response(page_detail_of_public(page, request=request))
        raise exceptions.NotFound(f"No public page at '{path or '/'}' for {mission.slug} in that locale.")


class EventListView(PageListView):
    """Events, soonest first: `upcoming=true` for those not yet over, or a range of start times."""

    filterset_class = EventFilter
    filter_backends = [DjangoFilterBackend]
    pagination_class = EventCursorPagination

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Page.objects.none()
        return (
            pages_public(queryset=Page.objects.type(EventPage))
            .select_related("locale")
            .annotate(starts_at=F("eventpage__starts_at"))
        )


class ConsularNoticeListView(PageListView):
    """Consular notices, most severe first, then newest: `active=true` for those in force now."""

    filterset_class = ConsularNoticeFilter
    filter_backends = [DjangoFilterBackend]
    pagination_class = NoticeCursorPagination

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Page.objects.none()
        severity_rank = Case(
            *[When(consularnoticepage__severity=value, then=Value(rank)) for rank, value in enumerate(NoticeSeverity.values)],
            output_field=IntegerField(),
        )
        return (
            pages_public(queryset=Page.objects.type(ConsularNoticePage))
            .select_related("locale")
            .annotate(severity_rank=severity_rank)
        )


class SocialPayloadSerializer(serializers.Serializer):
    platform = serializers.ChoiceField(choices=sorted(SOCIAL_SHARE_LIMITS))
    text = serializers.CharField()
    hashtags = serializers.ListField(child=serializers.CharField())
    link = serializers.URLField()
    post = serializers.CharField(help_text="Text, hashtags and link, ready to post within the limit.")
    length = serializers.IntegerField(help_text="Length as the platform counts it (X counts every link as 23).")
    limit = serializers.IntegerField()
    image = serializers.DictField(allow_null=True)
    locale = serializers.CharField()


class SocialPayloadView(HttpCached, generics.GenericAPIView):
    """A public page as a ready-to-post social message for Facebook, X or LinkedIn."""

    serializer_class = SocialPayloadSerializer
    filter_backends = []
    pagination_class = None

    @extend_schema(
        parameters=[OpenApiParameter("platform", OpenApiTypes.STR, OpenApiParameter.PATH, enum=sorted(SOCIAL_SHARE_LIMITS))]
    )
    def get(self, request, pk: int, platform: str):
        if platform not in SOCIAL_SHARE_LIMITS:
            raise exceptions.NotFound(f"Unknown platform; use one of {', '.join(sorted(SOCIAL_SHARE_LIMITS))}.")
        page = generics.get_object_or_404(content_pages_public(), pk=pk)
        return Response(social_payload(hydrate([page])[0], platform=platform, request=request))
