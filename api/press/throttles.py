"""Requests made with a journalist token, counted per token at the `journalist_token` rate."""

from api.consumers.throttles import _LiveRateThrottle
from press.models import JournalistToken


class JournalistTokenRateThrottle(_LiveRateThrottle):
    """A journalist's token has its own count, so one newsroom's feed reader polling embargoed releases neither
    shares the anonymous per-address rate nor slows another journalist behind the same address."""

    scope = "journalist_token"

    def rate_for(self, request) -> str | None:
        return self.get_rate() if isinstance(request.auth, JournalistToken) else None

    def get_cache_key(self, request, view):
        if not isinstance(request.auth, JournalistToken):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}
