"""Images and documents already public through published pages, with licence, credit and renditions."""

from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import generics
from rest_framework.response import Response

from embassies.models import HubDocument, HubImage
from embassies.renditions import rendition_specs
from embassies.selectors import documents_public, images_public, pages_public_using

from ..pages.serializers import PageSummarySerializer, hydrate, page_summary
from ..pagination import HubCursorPagination
from .filters import AssetFilter, ImageFilter
from .serializers import DocumentSerializer, ImageSerializer


class AssetCursorPagination(HubCursorPagination):
    ordering = ("-created_at", "-pk")


class ImageListView(generics.ListAPIView):
    """Images used on public pages; filter by text, source mission, licence, tag, width and orientation."""

    serializer_class = ImageSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ImageFilter
    pagination_class = AssetCursorPagination

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation, possibly before any migration
            return HubImage.objects.none()
        return images_public().select_related("source_mission").prefetch_renditions(*rendition_specs())


class ImageDetailView(generics.RetrieveAPIView):
    serializer_class = ImageSerializer
    filter_backends = []

    def get_queryset(self):
        return images_public().select_related("source_mission").prefetch_renditions(*rendition_specs())


class DocumentListView(generics.ListAPIView):
    """Documents linked from public pages."""

    serializer_class = DocumentSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = AssetFilter
    pagination_class = AssetCursorPagination

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return HubDocument.objects.none()
        return documents_public().select_related("source_mission")


class DocumentDetailView(generics.RetrieveAPIView):
    serializer_class = DocumentSerializer
    filter_backends = []

    def get_queryset(self):
        return documents_public().select_related("source_mission")


class AssetUsageView(generics.GenericAPIView):
    """Public pages that use the asset (never drafts or private pages)."""

    serializer_class = PageSummarySerializer
    filter_backends = []
    pagination_class = None
    asset_queryset = None

    def get(self, request, pk: int):
        asset = generics.get_object_or_404(self.asset_queryset(), pk=pk)
        pages = hydrate(list(pages_public_using(instance=asset).select_related("locale")))
        return Response([page_summary(page, request=request) for page in pages])


class ImageUsageView(AssetUsageView):
    asset_queryset = staticmethod(images_public)


class DocumentUsageView(AssetUsageView):
    asset_queryset = staticmethod(documents_public)
