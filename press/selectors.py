"""Reads of the press centre: who is an accredited journalist, and for which missions."""

import hashlib
from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Revision

from embassies.models import ArticlePage
from embassies.models.pages import EMBARGO_KINDS
from embassies.selectors import pages_public
from hub.roles import HQ_PRESS_OFFICE_GROUP
from moderation.permissions import review_policy
from moderation.selectors import missions_of

from .models import AccreditationStatus, EmbargoRead, Journalist, JournalistToken


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


# --- embargo ---


@dataclass(frozen=True)
class EmbargoedRelease:
    """A press release or statement approved and scheduled under embargo: the copy Wagtail will publish."""

    page: ArticlePage  # built from the scheduled revision, not the page row
    revision: Revision
    embargoed_until: datetime
    mission_ids: list[int]  # addressed to these missions' journalists; [] for the whole network

    @property
    def mission_id(self) -> int | None:
        return self.page.mission_id


def releases_embargoed() -> list[EmbargoedRelease]:
    """Every embargoed release Wagtail has scheduled and not yet published, soonest release first.

    A scheduled revision keeps `approved_go_live_at` until the scheduler publishes it (Wagtail clears it then), so
    a release stays here, for journalists only, until the moment it is public."""
    revisions = Revision.page_revisions.filter(
        approved_go_live_at__isnull=False,
        content_type=ContentType.objects.get_for_model(ArticlePage),
        content__embargo_for_press=True,
    ).order_by("approved_go_live_at", "pk")
    releases = []
    for revision in revisions:
        page = revision.as_object()
        if not page.embargo_for_press or page.kind not in EMBARGO_KINDS:
            continue
        releases.append(
            EmbargoedRelease(
                page=page, revision=revision, embargoed_until=revision.approved_go_live_at,
                mission_ids=page.embargo_mission_ids(),
            )
        )
    return releases


def releases_embargoed_for(*, journalist: Journalist | None) -> list[EmbargoedRelease]:
    """The embargoed releases `journalist` may read now (none unless accredited, and addressed to them)."""
    if journalist is None or not journalist.is_accredited():
        return []
    return [release for release in releases_embargoed() if journalist_may_read(journalist, release.mission_ids)]


def release_embargoed_for(*, journalist: Journalist | None, page_id: int) -> EmbargoedRelease | None:
    """One embargoed release by page id, if `journalist` may read it; None otherwise (as if it did not exist)."""
    for release in releases_embargoed_for(journalist=journalist):
        if release.page.pk == page_id:
            return release
    return None


def releases_in_language(releases: list, *, languages: list[str], key=lambda item: item) -> list:
    """One item per translation group: in the first of `languages` that exists, else the first item met."""
    chosen: dict = {}
    for item in releases:
        page = key(item)
        current = chosen.get(page.translation_key)
        if current is None or _language_rank(page, languages) < _language_rank(key(current), languages):
            chosen[page.translation_key] = item
    return list(chosen.values())


def _language_rank(page, languages: list[str]) -> int:
    code = page.locale.language_code
    return languages.index(code) if code in languages else len(languages)


def releases_public():
    """Public press releases and statements, newest first (the one "what is public" rule)."""
    return pages_public(
        queryset=ArticlePage.objects.filter(kind__in=EMBARGO_KINDS).select_related("locale", "mission")
    ).order_by("-first_published_at", "-pk")


def release_text(page: ArticlePage) -> str:
    """A release's words as plain text (title, standfirst, rich text), for the press area's own search."""
    parts = [page.title, page.summary]
    for block in page.body:
        if block.block_type == "rich_text":
            parts.append(strip_tags(block.value.source))
    return " ".join(parts)


def releases_embargoed_matching(*, journalist: Journalist | None, q: str) -> list[EmbargoedRelease]:
    """Embargoed releases `journalist` may read whose text has every word of `q` (the database path: embargoed
    text never enters the public engine's index)."""
    words = q.casefold().split()
    return [
        release
        for release in releases_embargoed_for(journalist=journalist)
        if words and all(word in release_text(release.page).casefold() for word in words)
    ]


def user_is_press_office(*, user) -> bool:
    """HQ's press office (and HQ administrators) oversee every embargoed release."""
    if not user.is_active:
        return False
    return review_policy.user_is_hq_administrator(user=user) or user.groups.filter(name=HQ_PRESS_OFFICE_GROUP).exists()


def embargo_reads_visible_to(*, user) -> QuerySet[EmbargoRead]:
    """Who read which embargoed release: all of it for the press office, a mission's own releases for its staff."""
    reads = EmbargoRead.objects.select_related("journalist", "mission", "page")
    if user_is_press_office(user=user):
        return reads
    return reads.filter(mission__in=missions_of(user=user))
