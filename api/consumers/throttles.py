"""Request throttles: anonymous callers share a low per-address rate; each key gets its consumer's rate (and each
journalist token the `journalist_token` rate, api/press/throttles.py)."""

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from hub.kept_answers import REWARM_ENVIRON_KEY

from .models import DEFAULT_CONSUMER_RATE, ApiKey


class _LiveRateThrottle(SimpleRateThrottle):
    """Reads the rate when a request comes, not at import, so settings and the admin take effect at once."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def allow_request(self, request, view):
        self.rate = self.rate_for(request)
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def rate_for(self, request) -> str | None:
        return self.get_rate()


class AnonymousRateThrottle(_LiveRateThrottle):
    """Requests without a key or token, counted per client address (see NUM_PROXIES behind a proxy)."""

    scope = "anonymous"

    def get_cache_key(self, request, view):
        if request.auth is not None or request.META.get(REWARM_ENVIRON_KEY):
            return None  # keys and journalist tokens have their own rates; the hub re-rendering its answers is no caller
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class ApiKeyRateThrottle(_LiveRateThrottle):
    """Requests with a key, counted per key at the rate set on its consumer."""

    scope = "api_key"

    def rate_for(self, request) -> str | None:
        if isinstance(request.auth, ApiKey):
            return request.auth.consumer.throttle_rate or self.get_rate() or DEFAULT_CONSUMER_RATE
        return None

    def get_cache_key(self, request, view):
        if not isinstance(request.auth, ApiKey):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}
