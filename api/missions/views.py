from rest_framework import viewsets

from embassies.selectors import missions_public
from hub.models import Mission

from ..caching import HttpCached
from .serializers import MissionSerializer


class MissionViewSet(HttpCached, viewsets.ReadOnlyModelViewSet):
    """Missions of the network with their locales, contact details and social accounts."""

    serializer_class = MissionSerializer
    lookup_field = "slug"
    pagination_class = None  # a network has ~100 missions: one response, no cursor to follow

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation, possibly before any migration
            return Mission.objects.none()
        return missions_public()
