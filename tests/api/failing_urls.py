"""A URLconf for tests only: the hub's, plus views that fail, to see what a server error looks like."""

from django.urls import path
from rest_framework.views import APIView

from hub.urls import urlpatterns as hub_urlpatterns

SECRET_DETAIL = "connection string postgres://hub:s3cret@db"


class FailingApiView(APIView):
    def get(self, request):
        raise RuntimeError(SECRET_DETAIL)


def failing_view(request):
    raise RuntimeError(SECRET_DETAIL)


urlpatterns = [
    path("api/v1/failing/", FailingApiView.as_view()),
    path("api/v1/failing-outside-drf/", failing_view),
    path("failing/", failing_view),
    *hub_urlpatterns,
]
