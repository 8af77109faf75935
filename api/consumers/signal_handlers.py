"""Signal handlers for consumers (connected in ApiConfig.ready)."""

from hub.middleware import API_PREFIX

from .selectors import cors_origins_allowed
from .services import cors_origins_forget


def consumer_changed(sender, instance, **kwargs):
    """A consumer's origins or active flag may have changed: CORS must follow at once."""
    cors_origins_forget()


def cors_origin_listed(sender, request, **kwargs) -> bool:
    """django-cors-headers asks whether a request's Origin may read it: yes for the API when an active consumer lists
    the origin. The signal is asked for every path, so the admin and the site are refused here."""
    if not request.path_info.startswith(API_PREFIX):
        return False
    origin = request.headers.get("Origin")
    return origin is not None and origin in cors_origins_allowed()
