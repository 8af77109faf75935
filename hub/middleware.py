"""Request middleware of the hub."""

from django.conf import settings
from django.contrib.auth import middleware as auth_middleware
from django.contrib.messages import middleware as messages_middleware
from django.contrib.sessions import middleware as sessions_middleware
from django.http import HttpResponseBadRequest, JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

# URL spaces that are not language-prefixed: a 404 there is an answer, not a cue to try /<lang>/….
API_PREFIX = "/api/"
UNPREFIXED_PATHS = ("/admin/", API_PREFIX, "/documents/", "/media/", "/static/")


class _NotForApi:
    """Mixin for Django middleware the API has no use for: under /api/ the request passes straight on.

    The API authenticates by key (never by session or login cookie) and sends no flash messages, so sessions,
    users and messages would only cost each API request their set-up (a tenth of a cached answer's time)."""

    def __call__(self, request):
        if request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        return super().__call__(request)


class SessionMiddleware(_NotForApi, sessions_middleware.SessionMiddleware):
    """Django's sessions, for the admin and the site."""


class AuthenticationMiddleware(_NotForApi, auth_middleware.AuthenticationMiddleware):
    """Django's `request.user`, for the admin and the site; the API's user comes from its key."""


class MessageMiddleware(_NotForApi, messages_middleware.MessageMiddleware):
    """Django's flash messages, for the admin."""


class HubLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect of unprefixed 404s for the admin and API.

    The API speaks the site's default language whatever the reader's: its answers carry content in the locale
    asked for by `?locale=`, and its errors stay in one language (DRF's own messages would otherwise follow
    Accept-Language while the hub's did not)."""

    def process_request(self, request):
        if request.path_info.startswith(API_PREFIX):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
            return
        super().process_request(request)

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
            if request.path_info.startswith(API_PREFIX):
                return JsonResponse({"code": "invalid", "message": message, "details": {}}, status=400)
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
