from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from .caching import cached_api_view
from .missions.views import MissionViewSet
from .pages import views as pages

# Wagtail's stock API, kept for comparison benchmarks and simple integrations.
wagtail_v2 = WagtailAPIRouter("wagtailapi")
wagtail_v2.register_endpoint("pages", PagesAPIViewSet)

v1 = [
    path("missions/", cached_api_view(MissionViewSet.as_view({"get": "list"})), name="mission-list"),
    path("missions/<slug:slug>/", cached_api_view(MissionViewSet.as_view({"get": "retrieve"})), name="mission-detail"),
    path("pages/", cached_api_view(pages.PageListView.as_view()), name="page-list"),
    path("pages/find/", cached_api_view(pages.PageFindView.as_view()), name="page-find"),
    path("pages/<int:pk>/", cached_api_view(pages.PageDetailView.as_view()), name="page-detail"),
    path("events/", cached_api_view(pages.EventListView.as_view()), name="event-list"),
    path("consular-notices/", cached_api_view(pages.ConsularNoticeListView.as_view()), name="consular-notice-list"),
]

urlpatterns = [
    path("v1/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("v1/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    *[path(f"v1/{pattern.pattern}", pattern.callback, name=pattern.name) for pattern in v1],
    path("v2/", wagtail_v2.urls),
]
