"""How a request proves which consumer sends it: `Authorization: Api-Key <key>` or `X-Api-Key: <key>`."""

from django.contrib.auth.models import AnonymousUser
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from .models import ApiKey
from .selectors import api_key_active
from .services import api_key_record_use

KEYWORD = "Api-Key"


def key_from_request(request) -> str | None:
    """The key a request carries, if any; an `Authorization` header of another scheme (`Bearer …`) or an empty
    `X-Api-Key` is a 401 naming it, never a silent fall-back to anonymous access."""
    if "Authorization" in request.headers:
        keyword, _space, key = request.headers["Authorization"].strip().partition(" ")
        if keyword.lower() != KEYWORD.lower():
            shown = keyword[:20] or "(empty)"
            raise exceptions.AuthenticationFailed(
                f"Unknown authorization scheme '{shown}': send `Authorization: {KEYWORD} <key>` or `X-Api-Key: <key>`."
            )
        return key.strip()
    if "X-Api-Key" in request.headers:
        return request.headers["X-Api-Key"].strip()
    return None


class ApiKeyAuthentication(authentication.BaseAuthentication):
    """A known, unrevoked key authenticates its consumer: `request.auth` is the ApiKey and `request.user`
    stays anonymous, since a consumer is not a member of staff. A wrong or revoked key is a 401, never a
    silent fall-back to anonymous access."""

    def authenticate(self, request):
        key = key_from_request(request)
        if key is None:
            return None
        if not key:
            raise exceptions.AuthenticationFailed("The API key is empty.")
        api_key = api_key_active(key=key)
        if api_key is None:
            raise exceptions.AuthenticationFailed("The API key is invalid or revoked.")
        api_key_record_use(api_key=api_key)
        return AnonymousUser(), api_key

    def authenticate_header(self, request):
        return KEYWORD


def consumer_of(request):
    """The consumer behind the request's key, or None for anonymous requests."""
    return request.auth.consumer if isinstance(request.auth, ApiKey) else None


class ApiKeyAuthenticationScheme(OpenApiAuthenticationExtension):
    """Documents the key header in the OpenAPI schema."""

    target_class = ApiKeyAuthentication
    name = "ApiKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Api-Key <key>`; the header `X-Api-Key: <key>` works too.",
        }
