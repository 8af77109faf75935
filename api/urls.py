from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from .missions.views import MissionViewSet

v1 = DefaultRouter()
v1.register("missions", MissionViewSet, basename="mission")

# Wagtail's stock API, kept for comparison benchmarks and simple integrations.
wagtail_v2 = WagtailAPIRouter("wagtailapi")
wagtail_v2.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [
    path("v1/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("v1/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("v1/", include(v1.urls)),
    path("v2/", wagtail_v2.urls),
]
