"""Reads of the press centre: who is an accredited journalist, and for which missions."""

import base64
import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Revision

from embassies.models import ArticlePage
from embassies.models.pages import EMBARGO_KINDS
from embassies.selectors import pages_public
from hub.models import Mission
from hub.roles import HQ_PRESS_OFFICE_GROUP
from moderation.permissions import review_policy
from moderation.selectors import missions_of

from .models import (
    AccreditationStatus,
    BriefingAttendance,
    BriefingPage,
    BriefingQuestion,
    EmbargoRead,
    Journalist,
    JournalistToken,
)


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
    """Everything the press centre holds about the journalist, their press card as base64 included, with what they
    did: their embargoed reads and their briefing questions."""
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
        "embargoed_reads": [
            {
                "release": read.page_title, "page_id": read.page_id, "revision_id": read.revision_id,
                "locale": read.locale, "channel": read.channel, "read_at": read.read_at.isoformat(),
                "embargoed_until": read.embargoed_until.isoformat(),
            }
            for read in journalist.embargo_reads.order_by("read_at", "pk")
        ],
        "briefing_questions": _questions_exported(journalist),
    }


def _questions_exported(journalist: Journalist) -> list[dict]:
    """The journalist's questions, each saying whether the briefing's published transcript now carries it."""
    questions = journalist.briefing_questions.select_related("briefing").order_by("submitted_at", "pk")
    published: dict[int, set[str]] = {}
    exported = []
    for question in questions:
        briefing = question.briefing
        if briefing.pk not in published:
            published[briefing.pk] = {
                block.value["question"].strip() for block in briefing.transcript if block.block_type == "exchange"
            } if briefing.live else set()
        exported.append({
            "briefing": briefing.title, "briefing_id": briefing.pk, "briefing_starts_at": briefing.starts_at.isoformat(),
            "text": question.text, "asked_live": question.asked_live, "status": question.status,
            "submitted_at": question.submitted_at.isoformat(),
            "answered_at": question.answered_at.isoformat() if question.answered_at else None,
            "in_transcript_draft_at": question.in_transcript_at.isoformat() if question.in_transcript_at else None,
            "in_published_transcript": question.text.strip() in published[briefing.pk],
        })
    return exported
# --- briefings ---


def briefings_public(*, missions=None, language_code: str | None = None, when: str | None = None, at=None):
    """Public briefings (`pages_public`, the one rule), optionally of some missions (ids), in one language, and
    "upcoming" (an occurrence still to end) or "past"; soonest first for upcoming, latest first otherwise."""
    at = at or timezone.now()
    queryset = pages_public(queryset=BriefingPage.objects.all(), at=at).select_related("mission", "locale")
    if missions is not None:
        queryset = queryset.filter(mission__in=missions)
    if language_code:
        queryset = queryset.filter(locale__language_code=language_code)
    if when:
        queryset = queryset.filter(briefing_timing(when=when, at=at))
    return queryset.order_by(*BRIEFING_ORDER[when or "all"])


# Upcoming briefings soonest first; past ones (and all together) latest first.
BRIEFING_ORDER = {"upcoming": ("starts_at", "pk"), "past": ("-starts_at", "-pk"), "all": ("-starts_at", "-pk")}


def briefing_timing(*, when: str, at) -> Q:
    """Briefings with an occurrence still to end at `at` ("upcoming"), or all of whose occurrences ended ("past")."""
    upcoming = Q(last_ends_at__gt=at) | Q(last_ends_at__isnull=True)
    return upcoming if when == "upcoming" else ~upcoming


def briefing_public(*, briefing_id: int, at=None) -> BriefingPage | None:
    return briefings_public(at=at).filter(pk=briefing_id).first()


def briefings_manageable_by(*, user):
    """Briefings (every state) whose question queue `user` runs: the HQ press office every briefing, a mission's
    own staff (editors and heads) the mission's. Journalists none: they are in no staff group."""
    if not user.is_authenticated or not user.is_active:
        return BriefingPage.objects.none()
    if user.is_superuser or user.groups.filter(name=HQ_PRESS_OFFICE_GROUP).exists():
        return BriefingPage.objects.all()
    own = Mission.objects.filter(Q(editors_group__user=user) | Q(heads_group__user=user))
    return BriefingPage.objects.filter(mission__in=own)


def briefing_manageable_by(*, user, briefing: BriefingPage) -> bool:
    return briefings_manageable_by(user=user).filter(pk=briefing.pk).exists()


def briefing_questions_queue(*, user, briefing_id: int | None = None):
    """The question queue of the briefings `user` manages: open questions first, each with its journalist."""
    queryset = BriefingQuestion.objects.filter(briefing__in=briefings_manageable_by(user=user)).select_related(
        "journalist", "briefing", "claimed_by", "merged_into"
    )
    if briefing_id is not None:
        queryset = queryset.filter(briefing_id=briefing_id)
    return queryset.order_by("briefing_id", "status", "submitted_at", "pk")


def briefing_questions_of(*, journalist: Journalist, briefing: BriefingPage):
    """A journalist's own questions for a briefing (the only questions a journalist ever sees)."""
    return BriefingQuestion.objects.filter(journalist=journalist, briefing=briefing).order_by("submitted_at", "pk")


def briefing_attendance_of(*, journalist: Journalist, briefing: BriefingPage) -> BriefingAttendance | None:
    return BriefingAttendance.objects.filter(journalist=journalist, briefing=briefing).first()
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
