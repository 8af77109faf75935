"""GET /api/v1/press/kits/{page id}/: a release's or briefing's press kit (ZIP). A public page's kit for everyone;
an embargoed release's only with a `Journalist-Token` it is addressed to. Anyone else: 404. Never cached."""

from django.http import FileResponse, Http404
from django.utils.cache import add_never_cache_headers, patch_cache_control
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.views import APIView

from api.consumers.authentication import ApiKeyAuthentication
from api.parameters import StrictQueryParameters
from press.models import JournalistToken
from press.press_kits import press_kit_for

from .authentication import JournalistTokenAuthentication
from .briefings import PAGE_ID_MAX


class PressKitDownloadView(StrictQueryParameters, APIView):
    """The press kit's ZIP, if the caller may read the copy it was built from; else 404."""

    authentication_classes = [JournalistTokenAuthentication, ApiKeyAuthentication]

    @extend_schema(operation_id="press_kit_download", responses={(200, "application/zip"): OpenApiTypes.BINARY},
                   tags=["press"])
    def get(self, request, pk: int):
        journalist = request.auth.journalist if isinstance(request.auth, JournalistToken) else None
        kit = press_kit_for(page_id=pk, journalist=journalist) if pk <= PAGE_ID_MAX else None
        if kit is None:
            raise Http404("No such press kit.")
        response = FileResponse(kit.file.open("rb"), content_type="application/zip", as_attachment=True,
                                filename=f"press-kit-{pk}.zip")
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        return response
