"""Reads of the press centre: who is an accredited journalist, and for which missions."""

import hashlib

from django.utils import timezone

from .models import AccreditationStatus, Journalist, JournalistToken


def journalist_for(user) -> Journalist | None:
    """The journalist account of `user`, or None (anonymous users and staff without one)."""
    if user is None or not user.is_authenticated:
        return None
    try:
        return Journalist.objects.select_related("user").get(user=user)
    except Journalist.DoesNotExist:
        return None


def journalists_accredited(at=None):
    """Journalists whose accreditation holds at `at` (now by default)."""
    at = at or timezone.now()
    return Journalist.objects.filter(
        status=AccreditationStatus.ACCREDITED, accredited_until__gt=at, user__is_active=True
    )


def journalist_may_read(journalist: Journalist | None, mission_ids, at=None) -> bool:
    """Whether `journalist` may read embargoed material addressed to any of `mission_ids` (empty: network-wide).

    A journalist accredited without missions reads everything; one accredited for some missions reads what is
    addressed to one of them, or to the whole network."""
    if journalist is None or not journalist.is_accredited(at):
        return False
    accredited_for = set(journalist.missions.values_list("id", flat=True))
    if not accredited_for or not mission_ids:
        return True
    return bool(accredited_for & set(mission_ids))


def journalist_token_active(*, token: str) -> JournalistToken | None:
    """The unrevoked token record for `token`, with its journalist and user, or None."""
    digest = hashlib.sha256(token.encode()).hexdigest()
    return (
        JournalistToken.objects.select_related("journalist__user")
        .filter(token_digest=digest, revoked_at__isnull=True, journalist__user__is_active=True)
        .first()
    )
