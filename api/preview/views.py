"""GET /api/v1/preview/<token>/: a draft shared from the admin, for a consumer whose key covers its mission."""

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics
from rest_framework.response import Response

from api.consumers.authentication import consumer_of
from api.consumers.permissions import HasApiKey
from api.consumers.selectors import consumer_covers_mission
from api.pages.serializers import PageDetailSerializer
from api.parameters import StrictQueryParameters
from embassies.presentation.pages import page_detail

from .selectors import preview_target


class PreviewView(StrictQueryParameters, generics.GenericAPIView):
    """The page as saved in the token's revision, in the page-detail shape plus a `preview` object.

    Needs both the token (made in the admin, valid for 30 minutes) and a key whose consumer covers the
    page's mission, so a leaked link alone opens nothing. The answer is never cached.
    """

    permission_classes = [HasApiKey]
    serializer_class = PageDetailSerializer
    pagination_class = None
    filter_backends = []

    @extend_schema(summary="Preview a draft")
    def get(self, request, token: str):
        target = preview_target(token=token)
        if target is None:
            raise exceptions.NotFound("This preview link is invalid or has expired.")
        if not consumer_covers_mission(consumer=consumer_of(request), mission_id=target.mission_id):
            raise exceptions.PermissionDenied("This API key does not cover the mission of the page.")
        data = page_detail(target.page, request=request)
        data["preview"] = {"revision_id": target.revision.pk, "expires_at": target.expires_at.isoformat()}
        response = Response(data)
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        return response
