"""Reads of the press centre: who is an accredited journalist, and for which missions."""

import base64
import hashlib
import hmac

from django.conf import settings
from django.core import signing
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


# --- accounts ---

VERIFICATION_SALT = "press.journalist-verification"


def journalist_verification_token(*, journalist: Journalist) -> str:
    """A signed token naming the journalist and the e-mail it was sent to (a changed address voids it)."""
    return signing.dumps({"j": journalist.pk, "e": journalist.user.email}, salt=VERIFICATION_SALT)


def journalist_standing(journalist: Journalist, at=None) -> str:
    """What the journalist's accreditation amounts to now: unverified, pending, accredited, expired or rejected."""
    if journalist.status == AccreditationStatus.ACCREDITED and not journalist.is_accredited(at):
        return "expired"
    return journalist.status


def journalist_pseudonym(journalist_id: int) -> str:
    """A stable name for a journalist that says nothing about them: what other areas' logs keep once the
    account is deleted (press-centre.md, "Their data")."""
    digest = hmac.new(settings.SECRET_KEY.encode(), f"journalist:{journalist_id}".encode(), hashlib.sha256)
    return f"journalist-{digest.hexdigest()[:12]}"


def journalist_data_export(journalist: Journalist) -> dict:
    """Everything the press centre holds about the journalist, their press card as base64 included."""
    card = None
    if journalist.press_card:
        with journalist.press_card.open("rb") as handle:
            card = {
                "content_type": journalist.press_card_content_type,
                "base64": base64.b64encode(handle.read()).decode(),
            }
    user = journalist.user
    return {
        "account": {
            "email": user.email, "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "two_factor": journalist.totp_confirmed_at is not None,
        },
        "journalist": {
            "full_name": journalist.full_name, "outlet": journalist.outlet,
            "outlet_country": journalist.outlet_country, "role": journalist.role,
            "languages": journalist.language_codes, "phone": journalist.phone,
            "status": journalist_standing(journalist),
            "accredited_until": journalist.accredited_until.isoformat() if journalist.accredited_until else None,
            "accredited_for": sorted(journalist.missions.values_list("slug", flat=True)),
            "requested_missions": sorted(journalist.requested_missions.values_list("slug", flat=True)),
            "rejection_reason": journalist.rejection_reason,
            "email_verified_at": journalist.email_verified_at.isoformat() if journalist.email_verified_at else None,
            "renewal_requested_at": (
                journalist.renewal_requested_at.isoformat() if journalist.renewal_requested_at else None
            ),
            "registered_at": journalist.created_at.isoformat(),
        },
        "press_card": card,
        "tokens": [
            {
                "name": token.name, "prefix": token.prefix, "created_at": token.created_at.isoformat(),
                "last_used_at": token.last_used_at.isoformat() if token.last_used_at else None,
                "revoked_at": token.revoked_at.isoformat() if token.revoked_at else None,
            }
            for token in journalist.tokens.all()
        ],
    }
