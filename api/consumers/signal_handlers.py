"""Signal handlers for consumers (connected in ApiConfig.ready)."""

from .services import cors_origins_forget


def consumer_changed(sender, instance, **kwargs):
    """A consumer's origins or active flag may have changed: CORS must follow at once."""
    cors_origins_forget()
