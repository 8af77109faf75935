"""CORS for the API: browsers on an origin listed by an active consumer may read it from JavaScript."""

from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from hub.middleware import API_PREFIX

from .selectors import cors_origins_allowed

ALLOWED_METHODS = "GET, HEAD, OPTIONS"
ALLOWED_HEADERS = "Accept, Accept-Language, Authorization, Content-Type, If-None-Match, If-Modified-Since, X-Api-Key"
EXPOSED_HEADERS = "ETag, Last-Modified, Retry-After"
PREFLIGHT_MAX_AGE_SECONDS = 600


class ConsumerCorsMiddleware:
    """Answers preflights under /api/ itself and adds Access-Control-Allow-Origin only for a listed origin.

    Every API response varies by Origin, so a shared cache never hands one site's CORS answer to another.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        origin = request.headers.get("Origin")
        allowed = origin is not None and origin in cors_origins_allowed()
        if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
            response = HttpResponse(status=204)
            if allowed:
                response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
                response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
                response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE_SECONDS)
        else:
            response = self.get_response(request)
        if allowed:
            response["Access-Control-Allow-Origin"] = origin
            response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        patch_vary_headers(response, ["Origin"])
        return response
