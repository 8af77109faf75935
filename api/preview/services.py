"""Writes for draft previews: issuing signed, short-lived tokens for a page's latest revision."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page

PREVIEW_TOKEN_SALT = "api.preview"
PREVIEW_LOG_ACTION = "api.preview_link"


@dataclass(frozen=True)
class PreviewToken:
    token: str
    page_id: int
    revision_id: int
    expires_at: datetime


def preview_token_create(*, page: Page, user) -> PreviewToken:
    """A token that shows this revision of the page (not later edits) to a consumer's site for a short while.

    Nothing is stored: the token is signed with SECRET_KEY and carries its own creation time. Issuing one is
    logged in the page's history, since it shares an unpublished draft outside the hub.
    """
    if not page.permissions_for_user(user).can_edit():
        raise PermissionDenied("Only staff who may edit the page can share its draft.")
    revision = page.get_latest_revision()
    if revision is None:
        raise ValueError("The page has no saved revision to preview.")
    token = signing.TimestampSigner(salt=PREVIEW_TOKEN_SALT).sign_object(
        {"page": page.pk, "revision": revision.pk}, compress=True
    )
    log(instance=page, action=PREVIEW_LOG_ACTION, user=user, revision=revision)
    return PreviewToken(
        token=token,
        page_id=page.pk,
        revision_id=revision.pk,
        expires_at=timezone.now() + timedelta(seconds=settings.HUB_PREVIEW_TOKEN_MAX_AGE_SECONDS),
    )
