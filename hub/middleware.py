"""Request middleware of the hub."""

from django.http import HttpResponseBadRequest, JsonResponse
from django.middleware.locale import LocaleMiddleware

# URL spaces that are not language-prefixed: a 404 there is an answer, not a cue to try /<lang>/….
UNPREFIXED_PATHS = ("/admin/", "/api/", "/documents/", "/media/", "/static/")


class HubLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect of unprefixed 404s for the admin and API."""

    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)


class RejectNulBytesMiddleware:
    """A NUL character in the path or query string is a 400 everywhere: PostgreSQL cannot store or compare
    text holding one, so it would otherwise surface as a server error deep inside a query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = [text for key, values in request.GET.lists() for text in (key, *values)]
        if "\x00" in request.path or any("\x00" in text for text in query):
            message = "The request contains a NUL character."
            if request.path_info.startswith("/api/"):
                return JsonResponse({"code": "invalid", "message": message, "details": {}}, status=400)
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
