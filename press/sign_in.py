"""Journalists' sign-in: throttling failed attempts per account and per address, and the optional second factor.

The counters live in Django's default cache (no extra app or table; django-axes would add its own models, admin
and middleware for what two counters do). Each counts failures in a fixed window of HUB_PRESS_LOGIN_LOCKOUT_SECONDS
from the first one; past its limit every attempt is refused unchecked until the window ends. In production the
default cache must be shared by the workers (e.g. Redis or the database cache), or each worker counts alone.
"""

import hashlib

from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.core.cache import cache
from django.utils.translation import gettext as _

from .models import AccreditationStatus
from .selectors import journalist_for
from .services import journalist_totp_matches


class SignInRefused(Exception):
    """Wrong credentials, an account that may not sign in here, or a missing/wrong code; `message` says which."""

    def __init__(self, message: str, *, throttled: bool = False):
        super().__init__(message)
        self.message = message
        self.throttled = throttled


def _key(kind: str, value: str) -> str:
    return f"press-sign-in:{kind}:{hashlib.sha256(value.encode()).hexdigest()}"


def _keys(email: str, address: str) -> dict[str, tuple[str, int]]:
    return {
        "account": (_key("account", email.strip().lower()), settings.HUB_PRESS_LOGIN_FAILURES_PER_ACCOUNT),
        "address": (_key("address", address), settings.HUB_PRESS_LOGIN_FAILURES_PER_ADDRESS),
    }


def sign_in_throttled(*, email: str, address: str) -> bool:
    return any((cache.get(key) or 0) >= limit for key, limit in _keys(email, address).values())


def _failed(*, email: str, address: str) -> None:
    for key, _limit in _keys(email, address).values():
        if cache.add(key, 1, timeout=settings.HUB_PRESS_LOGIN_LOCKOUT_SECONDS):
            continue
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=settings.HUB_PRESS_LOGIN_LOCKOUT_SECONDS)


def journalist_sign_in_check(*, request, email: str, password: str, code: str = ""):
    """The user to log in, or SignInRefused. Staff and users without a journalist account never sign in here, and
    an unverified address must be confirmed first; every refusal but throttling counts as a failure."""
    if sign_in_throttled(email=email, address=request.META.get("REMOTE_ADDR", "")):
        raise SignInRefused(
            _("Too many failed sign-ins. Wait %(minutes)d minutes, or reset your password.")
            % {"minutes": max(1, settings.HUB_PRESS_LOGIN_LOCKOUT_SECONDS // 60)},
            throttled=True,
        )
    account = get_user_model().objects.filter(email__iexact=email.strip()).order_by("pk").first()
    # Without an account, authenticate() still hashes the password: the answer takes as long either way.
    user = authenticate(request, username=account.get_username() if account else email, password=password)
    journalist = journalist_for(user) if user is not None and not user.is_staff else None
    if journalist is None:
        _failed(email=email, address=request.META.get("REMOTE_ADDR", ""))
        raise SignInRefused(_("The e-mail address or the password is not right."))
    if journalist.status == AccreditationStatus.UNVERIFIED:
        raise SignInRefused(_("Confirm your e-mail address first: open the link we sent you."))
    if journalist.totp_confirmed_at is not None and not journalist_totp_matches(journalist=journalist, code=code):
        _failed(email=email, address=request.META.get("REMOTE_ADDR", ""))
        raise SignInRefused(_("Enter the 6-digit code your authenticator app shows."))
    cache.delete(_keys(email, "")["account"][0])
    return user
