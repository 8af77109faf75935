"""Writes for API consumers: issuing, revoking and recording the use of keys."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone

from .models import ApiConsumer, ApiKey

KEY_SCHEME = "ehk"
# Recording every request would be a write per call; a minute is precise enough to spot unused keys.
LAST_USED_PRECISION = timedelta(minutes=1)
CORS_ORIGINS_CACHE_KEY = "api:cors-origins"


def api_key_digest(key: str) -> str:
    """The stored form of a key."""
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True)
class IssuedApiKey:
    """A new key: the saved record and the plain key, which exists nowhere else once shown."""

    api_key: ApiKey
    key: str


def api_key_create(*, consumer: ApiConsumer, name: str, created_by=None) -> IssuedApiKey:
    """Issue a key `ehk_<prefix>_<secret>`; only its digest and prefix are kept."""
    prefix = secrets.token_hex(4)
    while ApiKey.objects.filter(prefix=prefix).exists():
        prefix = secrets.token_hex(4)
    key = f"{KEY_SCHEME}_{prefix}_{secrets.token_urlsafe(32)}"
    api_key = ApiKey.objects.create(
        consumer=consumer, name=name, prefix=prefix, key_digest=api_key_digest(key), created_by=created_by
    )
    return IssuedApiKey(api_key=api_key, key=key)


def api_key_revoke(*, api_key: ApiKey, revoked_by=None) -> ApiKey:
    """Refuse the key from the next request on; the record stays for the audit trail."""
    if api_key.revoked_at is None:
        api_key.revoked_at = timezone.now()
        api_key.revoked_by = revoked_by
        api_key.save(update_fields=["revoked_at", "revoked_by"])
    return api_key


def api_key_record_use(*, api_key: ApiKey) -> None:
    """Note that the key was used, at most once a minute per key."""
    now = timezone.now()
    if api_key.last_used_at is None or now - api_key.last_used_at >= LAST_USED_PRECISION:
        ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
        api_key.last_used_at = now


def cors_origins_forget() -> None:
    """Drop the cached origin list after a consumer changes, so CORS follows the admin at once."""
    cache.delete(CORS_ORIGINS_CACHE_KEY)
