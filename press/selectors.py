"""Reads of the press centre: who is an accredited journalist, and for which missions."""

import hashlib

from django.db.models import Q
from django.utils import timezone

from embassies.selectors import pages_public
from hub.models import Mission
from hub.roles import HQ_PRESS_OFFICE_GROUP

from .models import (
    AccreditationStatus,
    BriefingAttendance,
    BriefingPage,
    BriefingQuestion,
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
