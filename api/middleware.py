"""Every 4xx and 5xx under /api/ leaves in the API's error shape, whoever produced it."""

from django.http import JsonResponse

from hub.middleware import API_PREFIX

from .errors import status_error_body

_BODY_HEADERS = {"content-type", "content-length"}


class ApiErrorBodyMiddleware:
    """Django answers some API requests itself — an unknown path with its 404 page, an uncaught exception with its
    500 page once it has logged it — in HTML. Under /api/ those answers become the JSON error shape, keeping their
    status and headers (`Allow`, `Vary`…) but never their body, so no traceback or debug page leaves. Answers
    already in JSON (every API view's errors) pass untouched, and so does everything outside /api/.

    It sits above CommonMiddleware, which turns some 404s into redirects to the URL with a slash first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code < 400
            or not request.path_info.startswith(API_PREFIX)
            or response.get("Content-Type", "").startswith("application/json")
        ):
            return response
        replacement = JsonResponse(status_error_body(response.status_code), status=response.status_code)
        for header, value in response.headers.items():
            if header.lower() not in _BODY_HEADERS:
                replacement[header] = value
        return replacement
