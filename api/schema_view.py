"""/api/v1/schema/, drawn while holding api.schema.DESCRIBING (apart from api.schema, which REST framework's
settings import: drf-spectacular's views import those settings in turn)."""

from drf_spectacular.views import SpectacularAPIView

from .schema import DESCRIBING


class SchemaView(SpectacularAPIView):
    def _get_schema_response(self, request):
        with DESCRIBING:
            return super()._get_schema_response(request)
