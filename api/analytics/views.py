"""POST /api/v1/analytics/hit: the beacon of the reference site and of any embassy site (docs/analytics.md).
Anonymous, never cached, throttled per address; the user agent and the address come from the request, never the
body, and are not stored."""

import hashlib
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.cache import add_never_cache_headers
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from analytics.selectors import page_countable
from analytics.services import hit_receive
from api.consumers.throttles import _LiveRateThrottle
from api.parameters import StrictQueryParameters
from embassies.models.pages import page_mission_id

# A BCP 47 language tag as browsers give it (`navigator.language`): `vi`, `en-GB`, `zh-Hant-TW`.
LANGUAGE_TAG = r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$"
LARGEST_ID = 2**31 - 1


class BeaconParser(JSONParser):
    """JSON sent as `text/plain`, as `navigator.sendBeacon` does to stay a simple request (no CORS preflight)."""

    media_type = "text/plain"


class AnalyticsHitThrottle(_LiveRateThrottle):
    """Reads reported per client address (`analytics_hit` in DEFAULT_THROTTLE_RATES, default 600/min), counted
    under a keyed hash of the address, so not even the cache holds readers' addresses."""

    scope = "analytics_hit"

    def get_cache_key(self, request, view):
        ident = hashlib.blake2b(self.get_ident(request).encode(), key=settings.SECRET_KEY.encode()[:64], digest_size=16)
        return self.cache_format % {"scope": self.scope, "ident": ident.hexdigest()}


class HitSerializer(serializers.Serializer):
    """One read of a page: the page by id, or by its address on the reference site."""

    page = serializers.IntegerField(
        required=False, min_value=1, max_value=LARGEST_ID, help_text="The page's id (as the API gives it)."
    )
    url = serializers.CharField(
        required=False, max_length=2000,
        help_text="The address read (`location.href`): finds the page on the reference site when `page` is not "
        "given, and gives the `utm_source`, `utm_medium` and `utm_campaign` of a campaign link.",
    )
    referrer = serializers.CharField(
        required=False, allow_blank=True, max_length=2000, help_text="`document.referrer`; only its host is kept."
    )
    language = serializers.RegexField(
        LANGUAGE_TAG, required=False, allow_blank=True, max_length=35,
        help_text="The reader's language (`navigator.language`); only the primary subtag is kept.",
    )
    dnt = serializers.BooleanField(
        required=False, default=False, help_text="The reader asked not to be tracked: counted without a visitor hash."
    )

    def validate_url(self, value: str) -> str:
        try:
            parts = urlsplit(value)
        except ValueError:
            parts = None
        if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
            raise exceptions.ValidationError("Give the full address read, from http:// or https://.")
        return value

    def validate(self, data):
        if "page" not in data and not data.get("url"):
            raise exceptions.ValidationError({"page": ["Give the page's id, or its url."]})
        return data


class AnalyticsHitView(StrictQueryParameters, APIView):
    """Report one read of a live public page (the beacon). 202 when counted and also when not counted because it
    came from a crawler or a prefetch; 400 naming `page` (or `url`) for a page that is not live and public.
    `DNT: 1`, `Sec-GPC: 1` or `"dnt": true` count it without a visitor hash. Nothing of the address or user agent
    is kept. A HEAD or GET is a 405: nothing is counted but a POST."""

    parser_classes = [JSONParser, BeaconParser]
    throttle_classes = [AnalyticsHitThrottle]

    @extend_schema(
        operation_id="analytics_hit", request={"application/json": HitSerializer, "text/plain": HitSerializer},
        responses={202: OpenApiResponse(description="Received: counted, or ignored as a crawler's or a prefetch.")},
        tags=["analytics"],
    )
    def post(self, request):
        hit = HitSerializer(data=request.data)
        hit.is_valid(raise_exception=True)
        data = hit.validated_data
        page = page_countable(page_id=data.get("page"), url=data.get("url", ""))
        if page is None:
            field = "page" if "page" in data else "url"
            raise exceptions.ValidationError({field: ["No live public page has this " + ("id." if field == "page" else "address.")]})
        mission_id = page_mission_id(page)
        headers = request.headers
        hit_receive(
            page=page, mission_id=mission_id, site=str(mission_id or "network"), url=data.get("url", ""),
            referrer=data.get("referrer", ""), language=data.get("language", ""),
            address=BaseThrottle().get_ident(request), user_agent=headers.get("User-Agent", ""), headers=headers,
            private=data["dnt"],
        )
        response = Response(status=status.HTTP_202_ACCEPTED)
        add_never_cache_headers(response)
        return response
