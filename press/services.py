"""Writes of the press centre."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.db import models, transaction
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.translation import gettext_lazy as _
from wagtail.models import Revision

from .models import (
    BriefingAttendance,
    BriefingFormat,
    BriefingPage,
    BriefingQuestion,
    Journalist,
    JournalistToken,
    QuestionStatus,
)
from .selectors import briefing_manageable_by, journalist_may_read

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


# --- briefings ---


class BriefingErrorCode(models.TextChoices):
    NOT_ACCREDITED = "not_accredited", _("Only journalists accredited for this mission may do this.")
    CLOSED = "briefing_closed", _("This briefing is over.")
    INVALID_QUESTION = "invalid_question", _("Write a question of 1 to 2000 characters.")
    NOT_IN_PERSON = "not_in_person", _("This briefing is online only.")
    NOT_ALLOWED = "not_allowed", _("You do not run this briefing's question queue.")
    INVALID_MERGE = "invalid_merge", _("Merge a question into another open question of the same briefing.")
    QUESTION_CLOSED = "question_closed", _("This question was answered or merged already.")
    NOTHING_TO_ADD = "nothing_to_add", _("No answered question is waiting for the transcript.")
    UNKNOWN_ACTION = "unknown_action", _("Choose to register, cancel or send a question.")


class BriefingError(Exception):
    """A refused briefing action: its code (`BriefingErrorCode`) and the reader's message; the field, if any."""

    def __init__(self, code: BriefingErrorCode, *, field: str | None = None):
        super().__init__(str(code.label))
        self.code = code
        self.field = field


QUESTION_MAX_LENGTH = 2000


def _journalist_admitted(*, journalist: Journalist, briefing: BriefingPage, at) -> tuple:
    """The occurrence in progress or next, for a journalist accredited for the briefing's mission; else refused."""
    if not journalist_may_read(journalist, [briefing.mission_id] if briefing.mission_id else [], at):
        raise BriefingError(BriefingErrorCode.NOT_ACCREDITED)
    occurrence = briefing.next_occurrence(at=at)
    if occurrence is None:
        raise BriefingError(BriefingErrorCode.CLOSED)
    return occurrence


def briefing_attendance_register(
    *, briefing: BriefingPage, journalist: Journalist, in_person: bool = False, at=None
) -> BriefingAttendance:
    """Register an accredited journalist to attend (again: updates where they attend from)."""
    at = at or timezone.now()
    _journalist_admitted(journalist=journalist, briefing=briefing, at=at)
    if in_person and briefing.briefing_format == BriefingFormat.ONLINE:
        raise BriefingError(BriefingErrorCode.NOT_IN_PERSON, field="in_person")
    attendance, _created = BriefingAttendance.objects.update_or_create(
        briefing=briefing, journalist=journalist, defaults={"in_person": in_person}
    )
    return attendance


def briefing_attendance_cancel(*, briefing: BriefingPage, journalist: Journalist) -> None:
    BriefingAttendance.objects.filter(briefing=briefing, journalist=journalist).delete()


def briefing_question_submit(*, briefing: BriefingPage, journalist: Journalist, text: str, at=None) -> BriefingQuestion:
    """A question for the coming briefing (in advance) or the one under way (live)."""
    at = at or timezone.now()
    text = (text or "").strip()
    if not text or len(text) > QUESTION_MAX_LENGTH:
        raise BriefingError(BriefingErrorCode.INVALID_QUESTION, field="text")
    starts, _ends = _journalist_admitted(journalist=journalist, briefing=briefing, at=at)
    return BriefingQuestion.objects.create(briefing=briefing, journalist=journalist, text=text, asked_live=starts <= at)


def _manager_checked(*, user, question: BriefingQuestion) -> None:
    if not briefing_manageable_by(user=user, briefing=question.briefing):
        raise BriefingError(BriefingErrorCode.NOT_ALLOWED)


def _open_checked(question: BriefingQuestion) -> None:
    if question.status in (QuestionStatus.ANSWERED, QuestionStatus.MERGED):
        raise BriefingError(BriefingErrorCode.QUESTION_CLOSED)


def briefing_question_claim(*, question: BriefingQuestion, user) -> BriefingQuestion:
    """A press officer takes a question (to prepare its answer); claiming again moves it to them."""
    _manager_checked(user=user, question=question)
    _open_checked(question)
    question.status, question.claimed_by = QuestionStatus.CLAIMED, user
    question.save(update_fields=["status", "claimed_by"])
    return question


@transaction.atomic
def briefing_question_merge(*, question: BriefingQuestion, into: BriefingQuestion, user) -> BriefingQuestion:
    """`question` is a duplicate of `into` (same briefing, still open): it, and its own duplicates, follow `into`."""
    _manager_checked(user=user, question=question)
    _open_checked(question)
    if into.pk == question.pk or into.briefing_id != question.briefing_id or into.status == QuestionStatus.MERGED:
        raise BriefingError(BriefingErrorCode.INVALID_MERGE, field="into")
    question.duplicates.update(merged_into=into)
    question.status, question.merged_into = QuestionStatus.MERGED, into
    question.save(update_fields=["status", "merged_into"])
    return question


def briefing_question_answer(*, question: BriefingQuestion, user, answer: str = "") -> BriefingQuestion:
    """Mark a question answered, with the answer given (the transcript's text for it)."""
    _manager_checked(user=user, question=question)
    if question.status == QuestionStatus.MERGED:
        raise BriefingError(BriefingErrorCode.QUESTION_CLOSED)
    question.status, question.answer, question.answered_at = QuestionStatus.ANSWERED, answer.strip(), timezone.now()
    question.claimed_by = question.claimed_by or user
    question.save(update_fields=["status", "answer", "answered_at", "claimed_by"])
    return question


@transaction.atomic
def briefing_transcript_draft(*, briefing: BriefingPage, user) -> Revision:
    """Append the answered questions not yet in the transcript as question-and-answer blocks of a new draft
    revision (on top of the latest draft), which then goes through the briefing's normal review workflow."""
    if not briefing_manageable_by(user=user, briefing=briefing):
        raise BriefingError(BriefingErrorCode.NOT_ALLOWED)
    waiting = list(
        BriefingQuestion.objects.select_for_update()
        .filter(briefing=briefing, status=QuestionStatus.ANSWERED, in_transcript_at__isnull=True)
        .select_related("journalist")
        .order_by("answered_at", "pk")
    )
    if not waiting:
        raise BriefingError(BriefingErrorCode.NOTHING_TO_ADD)
    draft = briefing.get_latest_revision_as_object()
    for question in waiting:
        draft.transcript.append((
            "exchange",
            {
                "question": question.text,
                "journalist": question.journalist.full_name,
                "outlet": question.journalist.outlet,
                "answer": linebreaks(question.answer, autoescape=True),
                "spokesperson": draft.spokesperson,
            },
        ))
    revision = draft.save_revision(user=user, log_action=True)
    BriefingQuestion.objects.filter(pk__in=[question.pk for question in waiting]).update(in_transcript_at=timezone.now())
    return revision
