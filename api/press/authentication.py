"""How a journalist proves who they are to `/api/v1/press/`: `Authorization: Journalist-Token <token>`.

Authentication only says who calls; whether they may read an embargoed release is decided per release
(`press.selectors.journalist_may_read`), so an expired accreditation still authenticates but reads nothing embargoed.
"""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from press.selectors import journalist_token_active
from press.services import journalist_token_record_use

KEYWORD = "Journalist-Token"


class JournalistTokenAuthentication(authentication.BaseAuthentication):
    """`request.user` is the journalist's user and `request.auth` the token record. Other schemes are left to the
    next authentication class (list this one first); a wrong or revoked token is a 401."""

    def authenticate(self, request):
        keyword, _space, token = request.headers.get("Authorization", "").strip().partition(" ")
        if keyword.lower() != KEYWORD.lower():
            return None
        token = token.strip()
        if not token:
            raise exceptions.AuthenticationFailed("The journalist token is empty.")
        record = journalist_token_active(token=token)
        if record is None:
            raise exceptions.AuthenticationFailed("The journalist token is invalid or revoked.")
        journalist_token_record_use(record=record)
        return record.journalist.user, record

    def authenticate_header(self, request):
        return KEYWORD


class JournalistTokenAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = JournalistTokenAuthentication
    name = "JournalistToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Journalist-Token <token>`: a token an accredited journalist creates in the press area.",
        }
