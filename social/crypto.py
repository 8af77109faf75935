"""Tokens of connected accounts, encrypted at rest with Fernet (AES-128-CBC + HMAC-SHA256, from `cryptography`).

Keys come from `settings.HUB_SOCIAL_TOKEN_KEYS` (env `HUB_SOCIAL_TOKEN_KEYS`, comma-separated): the first encrypts,
all decrypt (MultiFernet), so rotating is: put a new key first, deploy, run `manage.py social_rotate_keys`, then
drop the old key. A token is decrypted only for the call that needs it and never logged.
"""

from __future__ import annotations

from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

__all__ = ["encrypt", "decrypt", "rotate", "InvalidToken", "reset_keys"]


@lru_cache(maxsize=4)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("HUB_SOCIAL_TOKEN_KEYS is empty: no key to encrypt social tokens with.")
    return MultiFernet([Fernet(key.encode()) for key in keys])


def _current() -> MultiFernet:
    return _fernet(tuple(settings.HUB_SOCIAL_TOKEN_KEYS))


def reset_keys() -> None:
    _fernet.cache_clear()


def encrypt(plaintext: str) -> str:
    return _current().encrypt(plaintext.encode()).decode() if plaintext else ""


def decrypt(ciphertext: str) -> str:
    return _current().decrypt(ciphertext.encode()).decode() if ciphertext else ""


def rotate(ciphertext: str) -> str:
    """The same token encrypted with the first key (MultiFernet.rotate keeps the original timestamp)."""
    return _current().rotate(ciphertext.encode()).decode() if ciphertext else ""
