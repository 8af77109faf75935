"""GET /api/v1/: where an integrator starts — every endpoint with its URL and purpose, the schema and the docs."""

import re

from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from .parameters import StrictQueryParameters

_PATH_PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")
_HTTP_METHODS = ("get", "post", "put", "patch", "delete")


class EndpointSerializer(serializers.Serializer):
    name = serializers.CharField()
    url = serializers.CharField(help_text="Absolute URL; `{id}` and the like stand for path parameters.")
    methods = serializers.ListField(child=serializers.CharField())
    description = serializers.CharField()
    key_required = serializers.BooleanField(help_text="Whether it needs an API key (the others take one optionally).")


class ApiIndexSerializer(serializers.Serializer):
    name = serializers.CharField()
    version = serializers.CharField()
    schema = serializers.URLField(help_text="OpenAPI 3 schema.")
    docs = serializers.URLField(help_text="Interactive documentation (Swagger UI).")
    endpoints = EndpointSerializer(many=True)


def _description(view_class) -> str:
    """The first paragraph of the nearest docstring the hub's API wrote (never DRF's generic ones)."""
    doc = next(
        (klass.__doc__ for klass in view_class.__mro__ if klass.__doc__ and klass.__module__.startswith("api.")), ""
    )
    return " ".join(doc.strip().split("\n\n")[0].split())


def _methods(callback) -> list[str]:
    actions = getattr(callback, "actions", None)
    names = actions if actions is not None else [name for name in _HTTP_METHODS if hasattr(callback.cls, name)]
    return [name.upper() for name in names if name != "head"]  # DRF adds HEAD to a viewset's GET once called


def _key_required(view_class) -> bool:
    return any(permission is not permissions.AllowAny for permission in view_class.permission_classes)


class ApiIndexView(StrictQueryParameters, APIView):
    """The endpoints of API v1, with links to the OpenAPI schema and the interactive docs."""

    endpoints = ()  # the v1 URL patterns, given by api/urls.py

    @extend_schema(responses=ApiIndexSerializer, summary="List the endpoints")
    def get(self, request):
        base = reverse("api-index", request=request)
        return Response(
            {
                "name": "Embassy Hub API",
                "version": "v1",
                "schema": reverse("api-schema", request=request),
                "docs": reverse("api-docs", request=request),
                "endpoints": [
                    {
                        "name": pattern.name,
                        "url": base + _PATH_PARAMETER.sub(_path_parameter, str(pattern.pattern)),
                        "methods": _methods(pattern.callback),
                        "description": _description(pattern.callback.cls),
                        "key_required": _key_required(pattern.callback.cls),
                    }
                    for pattern in self.endpoints
                ],
            }
        )


def _path_parameter(match) -> str:
    """`<int:pk>` as the schema names it: `{id}`."""
    return "{id}" if match[1] == "pk" else f"{{{match[1]}}}"
