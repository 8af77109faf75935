"""Reads for draft previews: what a preview token opens, if it is still valid."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core import signing
from wagtail.models import Page, Revision

from embassies.models.pages import page_mission_id

from .services import PREVIEW_TOKEN_SALT


@dataclass(frozen=True)
class PreviewTarget:
    page: Page
    revision: Revision
    mission_id: int | None
    expires_at: datetime


_MAX_ID = 2**31 - 1  # wagtailcore ids are 32-bit on PostgreSQL


def _is_id(value) -> bool:
    """A primary key as preview_token_create signs it: a positive integer that fits a database column."""
    return type(value) is int and 0 < value <= _MAX_ID


def preview_target(*, token: str) -> PreviewTarget | None:
    """The page as saved in the token's revision, or None for a tampered or expired token or a deleted page."""
    signer = signing.TimestampSigner(salt=PREVIEW_TOKEN_SALT)
    try:
        data = signer.unsign_object(token, max_age=settings.HUB_PREVIEW_TOKEN_MAX_AGE_SECONDS)
        signed_at = datetime.fromtimestamp(signing.b62_decode(token.rsplit(signer.sep, 2)[1]), tz=UTC)
    except (signing.BadSignature, ValueError, TypeError, IndexError):
        return None
    if not isinstance(data, dict) or not all(_is_id(data.get(name)) for name in ("page", "revision")):
        return None  # signed with the secret key, but not by preview_token_create: never looked up
    page = Page.objects.filter(pk=data["page"]).first()
    revision = Revision.page_revisions.filter(pk=data["revision"], object_id=str(data["page"])).first()
    if page is None or revision is None:
        return None
    return PreviewTarget(
        page=revision.as_object(),
        revision=revision,
        mission_id=page_mission_id(page),
        expires_at=signed_at + timedelta(seconds=settings.HUB_PREVIEW_TOKEN_MAX_AGE_SECONDS),
    )
