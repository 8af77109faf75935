"""Images and documents already public through published pages, with licence, credit and renditions."""

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.response import Response

from embassies.models import AssetKind, AssetLicence, HubDocument, HubImage
from embassies.presentation.assets import document_json, image_json
from embassies.presentation.pages import hydrate, page_summary
from embassies.assets.sizes import rendition_specs
from embassies.selectors import documents_public, images_public, pages_public_using
from search.assets.criteria import MAX_IMAGE_WIDTH, ORIENTATIONS
from search.assets.selectors import assets_search
from search.criteria import MAX_FILTER_VALUES, MAX_PAGE, MAX_PAGE_SIZE, MAX_QUERY_LENGTH

from ..media import DocumentSerializer, ImageSerializer
from ..pages.serializers import PageSummarySerializer
from ..pagination import HubCursorPagination
from ..caching import HttpCached
from ..parameters import StrictQueryParameters
from ..schema import SLUG, bounded_integer, matching, repeatable
from .filters import AssetFilter, ImageFilter
from .serializers import DocumentSearchResultsSerializer, ImageSearchResultsSerializer, asset_search_json


class AssetCursorPagination(HubCursorPagination):
    ordering = ("-created_at", "-pk")


class ImageListView(HttpCached, generics.ListAPIView):
    """Images used on public pages; filter by text, source mission, licence, tag, width and orientation."""

    serializer_class = ImageSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ImageFilter
    pagination_class = AssetCursorPagination

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation, possibly before any migration
            return HubImage.objects.none()
        return images_public().select_related("source_mission").prefetch_renditions(*rendition_specs())


class ImageDetailView(HttpCached, generics.RetrieveAPIView):
    """One image in public use, with its credit, licence and renditions."""

    serializer_class = ImageSerializer
    filter_backends = []

    def get_queryset(self):
        return images_public().select_related("source_mission").prefetch_renditions(*rendition_specs())


class DocumentListView(HttpCached, generics.ListAPIView):
    """Documents linked from public pages."""

    serializer_class = DocumentSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = AssetFilter
    pagination_class = AssetCursorPagination

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return HubDocument.objects.none()
        return documents_public().select_related("source_mission")


class DocumentDetailView(HttpCached, generics.RetrieveAPIView):
    """One document in public use."""

    serializer_class = DocumentSerializer
    filter_backends = []

    def get_queryset(self):
        return documents_public().select_related("source_mission")


class AssetUsageView(HttpCached, generics.GenericAPIView):
    """Public pages that use the asset (never drafts or private pages)."""

    serializer_class = PageSummarySerializer
    filter_backends = []
    pagination_class = None
    asset_queryset = None

    @extend_schema(responses=PageSummarySerializer(many=True))
    def get(self, request, pk: int):
        asset = generics.get_object_or_404(self.asset_queryset(), pk=pk)
        pages = hydrate(list(pages_public_using(instance=asset).select_related("locale")))
        return Response([page_summary(page, request=request) for page in pages])


class ImageUsageView(AssetUsageView):
    asset_queryset = staticmethod(images_public)


class DocumentUsageView(AssetUsageView):
    asset_queryset = staticmethod(documents_public)


SEARCH_LIST_PARAMETERS = ("kind", "licence", "mission", "tag", "year")


def _search_parameters(*, images: bool) -> list[OpenApiParameter]:
    parameters = [
        OpenApiParameter(
            "q", {"type": "string", "maxLength": MAX_QUERY_LENGTH},
            description="Words in the title, alt text, caption (any locale), credit or tags.",
        ),
        repeatable("kind", {"type": "string", "enum": sorted(AssetKind.values)}, most=MAX_FILTER_VALUES),
        repeatable("licence", {"type": "string", "enum": sorted(AssetLicence.values)}, most=MAX_FILTER_VALUES),
        repeatable("mission", matching(SLUG), most=MAX_FILTER_VALUES, description="Source mission slug."),
        repeatable("tag", {"type": "string"}, most=MAX_FILTER_VALUES),
        repeatable("year", bounded_integer(1000, 9999), most=MAX_FILTER_VALUES, description="Year the asset was added."),
        OpenApiParameter("usable_now", OpenApiTypes.BOOL, description="Only assets whose licence and usage rights allow a new use today."),
        OpenApiParameter("page", bounded_integer(1, MAX_PAGE), description=f"1-based page number, at most {MAX_PAGE}."),
        OpenApiParameter("page_size", bounded_integer(1, MAX_PAGE_SIZE), description=f"1–{MAX_PAGE_SIZE}, default 20."),
    ]
    if images:
        parameters[1:1] = [
            OpenApiParameter("orientation", OpenApiTypes.STR, enum=list(ORIENTATIONS)),
            OpenApiParameter(
                "min_width", bounded_integer(1, MAX_IMAGE_WIDTH), description="Minimum width of the original, in pixels."
            ),
        ]
    return parameters


class AssetSearchView(StrictQueryParameters, generics.GenericAPIView):
    """Full-text search over public images or documents with filters, facet counts and highlighted snippets.

    Only assets already public (used on a public page) are found, whatever the index holds.
    """

    filter_backends = []
    pagination_class = None
    asset_type = "image"

    def get(self, request):
        params = request.query_params
        filters = {name: params.getlist(name) for name in SEARCH_LIST_PARAMETERS if name in params}
        for name in ("orientation", "min_width", "usable_now"):
            if name in params:
                filters[name] = params[name]
        results = assets_search(
            asset_type=self.asset_type, query=params.get("q", ""), filters=filters,
            page=params.get("page", 1), page_size=params.get("page_size", 20),
            prefetch_renditions=tuple(rendition_specs()) if self.asset_type == "image" else (),
        )
        to_json = image_json if self.asset_type == "image" else document_json
        return Response(asset_search_json(results, to_json=to_json, request=request))


@extend_schema_view(
    get=extend_schema(
        parameters=_search_parameters(images=True), responses=ImageSearchResultsSerializer
    )
)
class ImageSearchView(AssetSearchView):
    serializer_class = ImageSearchResultsSerializer
    asset_type = "image"


@extend_schema_view(
    get=extend_schema(
        parameters=_search_parameters(images=False), responses=DocumentSearchResultsSerializer
    )
)
class DocumentSearchView(AssetSearchView):
    serializer_class = DocumentSearchResultsSerializer
    asset_type = "document"
