"""Reads about API consumers: which key a request carries, which origins may call, which missions a key covers."""

from django.core.cache import cache

from .models import ApiConsumer, ApiKey
from .services import CORS_ORIGINS_CACHE_KEY, KEY_SCHEME, api_key_digest

CORS_ORIGINS_CACHE_SECONDS = 300


def api_key_active(*, key: str) -> ApiKey | None:
    """The unrevoked key of an active consumer matching `key`, or None."""
    if not key.startswith(f"{KEY_SCHEME}_") or len(key) > 200:
        return None
    return (
        ApiKey.objects.select_related("consumer")
        .filter(key_digest=api_key_digest(key), revoked_at__isnull=True, consumer__is_active=True)
        .first()
    )


def cors_origins_allowed() -> frozenset[str]:
    """Origins listed on any active consumer; cached, and forgotten whenever a consumer is saved."""
    origins = cache.get(CORS_ORIGINS_CACHE_KEY)
    if origins is None:
        origins = sorted(
            {
                origin
                for consumer in ApiConsumer.objects.filter(is_active=True).exclude(allowed_origins="")
                for origin in consumer.origins
            }
        )
        cache.set(CORS_ORIGINS_CACHE_KEY, origins, CORS_ORIGINS_CACHE_SECONDS)
    return frozenset(origins)


def consumer_covers_mission(*, consumer: ApiConsumer, mission_id: int | None) -> bool:
    return mission_id is not None and consumer.missions.filter(pk=mission_id).exists()


def consumers_previewing(*, mission_id: int | None) -> list[ApiConsumer]:
    """Active consumers covering the mission that have a preview page on their site."""
    if mission_id is None:
        return []
    return list(ApiConsumer.objects.filter(is_active=True, missions=mission_id).exclude(preview_url="").order_by("name"))
