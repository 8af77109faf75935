"""Request middleware of the hub."""

from django.middleware.locale import LocaleMiddleware

# URL spaces that are not language-prefixed: a 404 there is an answer, not a cue to try /<lang>/….
UNPREFIXED_PATHS = ("/admin/", "/api/", "/documents/", "/media/", "/static/")


class HubLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect of unprefixed 404s for the admin and API."""

    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)
