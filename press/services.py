"""Writes of the press centre."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from .models import EmbargoRead, Journalist, JournalistToken

TOKEN_SCHEME = "ejt"
# Recording every request would be a write per call; a minute is precise enough.
LAST_USED_PRECISION = timedelta(minutes=1)


def journalist_token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class IssuedJournalistToken:
    """A new token: the saved record and the plain token, which exists nowhere else once shown."""

    record: JournalistToken
    token: str


def journalist_token_issue(*, journalist: Journalist, name: str) -> IssuedJournalistToken:
    """Issue a token `ejt_<prefix>_<secret>`; only its digest and prefix are kept."""
    prefix = secrets.token_hex(4)
    while JournalistToken.objects.filter(prefix=prefix).exists():
        prefix = secrets.token_hex(4)
    token = f"{TOKEN_SCHEME}_{prefix}_{secrets.token_urlsafe(32)}"
    record = JournalistToken.objects.create(
        journalist=journalist, name=name, prefix=prefix, token_digest=journalist_token_digest(token)
    )
    return IssuedJournalistToken(record=record, token=token)


def journalist_token_revoke(*, record: JournalistToken) -> JournalistToken:
    if record.revoked_at is None:
        record.revoked_at = timezone.now()
        record.save(update_fields=["revoked_at"])
    return record


def journalist_token_record_use(*, record: JournalistToken) -> None:
    now = timezone.now()
    if record.last_used_at is None or now - record.last_used_at >= LAST_USED_PRECISION:
        JournalistToken.objects.filter(pk=record.pk).update(last_used_at=now)
        record.last_used_at = now


# --- embargo ---


def embargo_read_record(*, journalist: Journalist, release, channel: str) -> EmbargoRead:
    """Log that `journalist` read the embargoed copy of `release` (a press.selectors.EmbargoedRelease)."""
    return EmbargoRead.objects.create(
        journalist=journalist,
        outlet=journalist.outlet,
        page_id=release.page.pk,
        page_title=release.page.title[:255],
        revision=release.revision,
        mission_id=release.mission_id,
        locale=release.page.locale.language_code,
        channel=channel,
        embargoed_until=release.embargoed_until,
    )
