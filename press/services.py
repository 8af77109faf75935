"""Writes of the press centre."""

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

import pyotp
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.translation import gettext as _
from wagtail.models import Page, Revision
from wagtail_localize.models import String, StringSegment, StringTranslation, TranslationSource

from . import tasks
from .cards import EXTENSIONS
from .models import (
    AccreditationStatus,
    BriefingAttendance,
    BriefingFormat,
    BriefingPage,
    BriefingQuestion,
    EmbargoRead,
    Journalist,
    JournalistToken,
    QuestionStatus,
)
from .selectors import (
    VERIFICATION_SALT,
    briefing_manageable_by,
    journalist_may_read,
    journalist_pseudonym,
    releases_embargoed_for,
)

TOKEN_SCHEME = "ejt"
# Recording every request would be a write per call; a minute is precise enough.
LAST_USED_PRECISION = timedelta(minutes=1)
# At most one "someone tried to register with your address" mail per account in this time (seconds).
REGISTRATION_ATTEMPT_MAIL_EVERY = 3600
DECISION_ACCREDITED, DECISION_REJECTED, DECISION_REVOKED = "accredited", "rejected", "revoked"


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


# --- accounts ---


def journalist_register(
    *,
    full_name: str,
    outlet: str,
    outlet_country: str,
    email: str,
    password: str,
    press_card,
    press_card_content_type: str,
    role: str = "",
    language_codes=(),
    requested_missions=(),
    phone: str = "",
) -> Journalist:
    """An unverified journalist with a plain user (no staff flag, no group), all or nothing; the verification
    e-mail leaves after commit. A concurrent registration with the same e-mail is a ValidationError on `email`,
    and a card file saved before the failure is removed."""
    email = email.lower()
    journalist = None
    try:
        with transaction.atomic():
            if get_user_model().objects.filter(email__iexact=email).exists():
                raise ValidationError({"email": [_("An account with this e-mail address already exists.")]}, code="duplicate")
            user = get_user_model().objects.create_user(
                username=email, email=email, password=password, first_name=full_name[:150]
            )
            journalist = Journalist(
                user=user, full_name=full_name, outlet=outlet, outlet_country=outlet_country, role=role,
                language_codes=list(language_codes), phone=phone, press_card_content_type=press_card_content_type,
            )
            press_card.seek(0)
            journalist.press_card.save(f"{secrets.token_hex(16)}.{EXTENSIONS[press_card_content_type]}", press_card, save=False)
            journalist.save()
            journalist.requested_missions.set(requested_missions)
            transaction.on_commit(partial(tasks.journalist_verification_send.enqueue, journalist_id=journalist.pk))
    except IntegrityError:
        if journalist is not None and journalist.press_card:
            journalist.press_card.storage.delete(journalist.press_card.name)
        raise ValidationError({"email": [_("An account with this e-mail address already exists.")]}, code="duplicate")
    except BaseException:
        if journalist is not None and journalist.press_card:
            journalist.press_card.storage.delete(journalist.press_card.name)
        raise
    return journalist


def journalist_registration_receive(*, email: str, password: str, **details) -> Journalist | None:
    """Register, without telling the caller whether the address already has an account: for a taken address
    nothing is created and its holder is e-mailed after commit (someone tried to register with it; sign in or reset
    the password). Returns the new journalist, or None for a taken address; callers answer both the same way.

    The password is hashed on both paths, so the answer takes as long either way."""
    try:
        return journalist_register(email=email, password=password, **details)
    except ValidationError as error:
        if getattr(error, "error_dict", None) is None or "email" not in error.error_dict:
            raise
    make_password(password)
    holder = get_user_model().objects.filter(email__iexact=email).order_by("pk").first()
    if holder is not None and cache.add(f"press:registration-attempt:{holder.pk}", True, REGISTRATION_ATTEMPT_MAIL_EVERY):
        transaction.on_commit(partial(tasks.registration_attempt_send.enqueue, user_id=holder.pk))
    return None


def journalist_verify(*, token: str) -> Journalist:
    """Unverified → pending, and the press office hears of it after commit; a verified journalist stays as they
    are. ValidationError (code `expired` or `invalid`) for a bad link."""
    try:
        data = signing.loads(token, salt=VERIFICATION_SALT, max_age=settings.HUB_PRESS_VERIFICATION_MAX_AGE_SECONDS)
    except signing.SignatureExpired:
        raise ValidationError(_("This verification link has expired; register again."), code="expired")
    except signing.BadSignature:
        raise ValidationError(_("This verification link is not valid."), code="invalid")
    with transaction.atomic():
        journalist = (
            Journalist.objects.select_for_update().select_related("user").filter(pk=data.get("j")).first()
        )
        if journalist is None or journalist.user.email != data.get("e"):
            raise ValidationError(_("This verification link is not valid."), code="invalid")
        if journalist.status == AccreditationStatus.UNVERIFIED:
            journalist.status = AccreditationStatus.PENDING
            journalist.email_verified_at = timezone.now()
            journalist.save(update_fields=["status", "email_verified_at", "updated_at"])
            transaction.on_commit(partial(tasks.press_office_notify.enqueue, journalist_id=journalist.pk))
    return journalist


def _decided(journalist: Journalist, *, by, decision: str, fields: list[str]) -> Journalist:
    journalist.decided_at = timezone.now()
    journalist.decided_by = by
    journalist.save(update_fields=[*fields, "decided_at", "decided_by", "updated_at"])
    transaction.on_commit(partial(tasks.journalist_decision_send.enqueue, journalist_id=journalist.pk, decision=decision))
    return journalist


def journalist_accredit(*, journalist: Journalist, by, missions=()) -> Journalist:
    """Accredit for `missions` (none: the whole network) until now + HUB_PRESS_ACCREDITATION_DAYS. Who may give
    which scope is press.permissions' question, asked by the caller."""
    if journalist.status == AccreditationStatus.UNVERIFIED:
        raise ValidationError(_("The journalist has not verified their e-mail address yet."), code="unverified")
    with transaction.atomic():
        journalist.status = AccreditationStatus.ACCREDITED
        journalist.accredited_until = timezone.now() + timedelta(days=settings.HUB_PRESS_ACCREDITATION_DAYS)
        journalist.rejection_reason = ""
        journalist.renewal_requested_at = None
        journalist.missions.set(missions)
        _decided(
            journalist, by=by, decision=DECISION_ACCREDITED,
            fields=["status", "accredited_until", "rejection_reason", "renewal_requested_at"],
        )
        # The releases already under embargo reach a journalist accredited after they were scheduled too (each
        # sends only to those not yet mailed it, so the journalists mailed at scheduling get nothing twice).
        for release in releases_embargoed_for(journalist=journalist):
            transaction.on_commit(partial(tasks.embargoed_release_send.enqueue, revision_id=release.revision.pk))
        return journalist


def journalist_reject(*, journalist: Journalist, by, reason: str) -> Journalist:
    """Reject with a reason the journalist reads; any accreditation they held ends."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": [_("Say why the journalist is rejected.")]}, code="required")
    with transaction.atomic():
        journalist.status = AccreditationStatus.REJECTED
        journalist.rejection_reason = reason
        journalist.accredited_until = None
        journalist.renewal_requested_at = None
        journalist.missions.clear()
        return _decided(
            journalist, by=by, decision=DECISION_REJECTED,
            fields=["status", "rejection_reason", "accredited_until", "renewal_requested_at"],
        )


def journalist_revoke(*, journalist: Journalist, by) -> Journalist:
    """End an accreditation now: the journalist is expired (they may ask to renew)."""
    if journalist.status != AccreditationStatus.ACCREDITED:
        raise ValidationError(_("Only an accredited journalist can be revoked."), code="not_accredited")
    with transaction.atomic():
        now = timezone.now()
        if journalist.accredited_until is None or journalist.accredited_until > now:
            journalist.accredited_until = now
        return _decided(journalist, by=by, decision=DECISION_REVOKED, fields=["accredited_until"])


def journalist_renewal_request(*, journalist: Journalist) -> Journalist:
    """An accredited (or expired) journalist asks again: pending, keeping the old scope and expiry for the press
    office to see; the press office hears of it after commit."""
    if journalist.status != AccreditationStatus.ACCREDITED:
        raise ValidationError(_("Only an accredited or expired journalist can ask to renew."), code="not_accredited")
    with transaction.atomic():
        journalist.status = AccreditationStatus.PENDING
        journalist.renewal_requested_at = timezone.now()
        journalist.save(update_fields=["status", "renewal_requested_at", "updated_at"])
        transaction.on_commit(partial(tasks.press_office_notify.enqueue, journalist_id=journalist.pk))
    return journalist


def journalist_totp_begin(*, journalist: Journalist) -> str:
    """A new, unconfirmed TOTP secret (an unconfirmed one is not asked for at sign-in); returns it."""
    journalist.totp_secret = pyotp.random_base32()
    journalist.totp_confirmed_at = None
    journalist.save(update_fields=["totp_secret", "totp_confirmed_at", "updated_at"])
    return journalist.totp_secret


def journalist_totp_confirm(*, journalist: Journalist, code: str) -> Journalist:
    """Turn the second factor on once the journalist proves their app shows the right code."""
    if not journalist.totp_secret or not journalist_totp_matches(journalist=journalist, code=code):
        raise ValidationError({"code": [_("That code is not the one your app shows now.")]}, code="bad_code")
    journalist.totp_confirmed_at = timezone.now()
    journalist.save(update_fields=["totp_confirmed_at", "updated_at"])
    return journalist


def journalist_totp_matches(*, journalist: Journalist, code: str) -> bool:
    """The code is the current one (or the one before or after, for clocks a little off)."""
    code = "".join((code or "").split())
    return bool(journalist.totp_secret) and pyotp.TOTP(journalist.totp_secret).verify(code, valid_window=1)


def journalist_delete(*, journalist: Journalist) -> None:
    """Delete the account on the journalist's request: the user, the journalist, its tokens and the card file.
    What other areas logged keeps no person (`journalist_traces_pseudonymise`, run on any deletion)."""
    card_name = journalist.press_card.name if journalist.press_card else ""
    storage = journalist.press_card.storage
    with transaction.atomic():
        journalist.tokens.all().delete()
        journalist.user.delete()
        if card_name:
            transaction.on_commit(partial(storage.delete, card_name))


def journalist_traces_pseudonymise(*, journalist: Journalist) -> None:
    """What the press centre logged about a journalist whose account goes keeps no person: embargoed reads stay under
    `journalist_pseudonym` (no outlet), briefing attendances and questions lose the journalist (pseudonym only), and
    the asker's name leaves every transcript (live page, every revision, wagtail-localize's copies, every language)
    built from their questions; the question and the outlet stay there, as published.

    Runs from Journalist's pre_delete (press.signal_handlers), so the admin's or a cascade's deletion does it too."""
    pseudonym = journalist_pseudonym(journalist.pk)
    briefing_ids = set(BriefingQuestion.objects.filter(journalist=journalist).values_list("briefing_id", flat=True))
    EmbargoRead.objects.filter(journalist=journalist).update(journalist=None, journalist_pseudonym=pseudonym, outlet="")
    BriefingQuestion.objects.filter(journalist=journalist).update(journalist=None, journalist_pseudonym=pseudonym)
    BriefingAttendance.objects.filter(journalist=journalist).update(journalist=None, journalist_pseudonym=pseudonym)
    transcripts_asker_scrub(briefing_ids=briefing_ids, name=journalist.full_name)


def _exchanges_scrubbed(blocks, name: str) -> tuple[list, bool]:
    """The transcript's raw blocks with `name` taken out of every exchange's journalist; whether any changed."""
    changed = False
    for block in blocks:
        value = block.get("value") if isinstance(block, dict) else None
        if block.get("type") == "exchange" and isinstance(value, dict) and value.get("journalist", "").strip() == name:
            value["journalist"] = ""
            changed = True
    return blocks, changed


def transcripts_asker_scrub(*, briefing_ids, name: str) -> int:
    """Take a deleted journalist's name out of the transcripts of `briefing_ids` and their translations: the live
    page, every revision, and wagtail-localize's copies of the source (whose strings are the name). Returns how many
    rows changed. Nothing is published, scheduled or logged: the pages stay as they were, less the name."""
    name = name.strip()
    if not name or not briefing_ids:
        return 0
    keys = BriefingPage.objects.filter(pk__in=briefing_ids).values_list("translation_key", flat=True)
    pages = list(BriefingPage.objects.filter(translation_key__in=keys))
    changed_rows = 0
    for page in pages:
        blocks, changed = _exchanges_scrubbed(list(page.transcript.raw_data), name)
        if changed:
            # A save of the one field, so the search indexes (Wagtail's and the hub's outbox) follow.
            page.transcript = blocks
            page.save(update_fields=["transcript"], clean=False)
            changed_rows += 1
    page_type = ContentType.objects.get_for_model(BriefingPage)
    revisions = Revision.objects.filter(
        base_content_type__in=[page_type, ContentType.objects.get_for_model(Page)],
        object_id__in=[str(page.pk) for page in pages],
    )
    for revision in revisions:
        content = revision.content
        raw = content.get("transcript")
        blocks = json.loads(raw) if isinstance(raw, str) else raw
        if not blocks:
            continue
        blocks, changed = _exchanges_scrubbed(blocks, name)
        if changed:
            content["transcript"] = json.dumps(blocks) if isinstance(raw, str) else blocks
            Revision.objects.filter(pk=revision.pk).update(content=content)
            changed_rows += 1
    changed_rows += translation_sources_scrub(object_ids=set(keys), name=name)
    return changed_rows


def journalists_unverified_prune(*, older_than: timedelta) -> int:
    """Delete registrations never verified within `older_than`; returns how many."""
    stale = Journalist.objects.filter(
        status=AccreditationStatus.UNVERIFIED, created_at__lt=timezone.now() - older_than
    ).select_related("user")
    count = 0
    for journalist in stale:
        journalist_delete(journalist=journalist)
        count += 1
    return count
def translation_sources_scrub(*, object_ids, name: str) -> int:
    """wagtail-localize's frozen copies of the briefings `object_ids` (translation keys): `name` out of their
    transcripts, and the segments and strings (with their translations) that held it as text to translate."""
    changed_rows = 0
    for source in TranslationSource.objects.filter(object_id__in=object_ids):
        content = json.loads(source.content_json)
        raw = content.get("transcript")
        blocks = json.loads(raw) if isinstance(raw, str) else raw
        if not blocks:
            continue
        blocks, changed = _exchanges_scrubbed(blocks, name)
        if changed:
            content["transcript"] = json.dumps(blocks) if isinstance(raw, str) else blocks
            TranslationSource.objects.filter(pk=source.pk).update(content_json=json.dumps(content))
            changed_rows += 1
    changed_rows += StringSegment.objects.filter(source__object_id__in=object_ids, string__data=name).delete()[0]
    changed_rows += StringTranslation.objects.filter(
        Q(data=name) | Q(translation_of__data=name), context__object_id__in=object_ids
    ).delete()[0]
    changed_rows += String.objects.filter(data=name, segments__isnull=True).delete()[0]
    return changed_rows


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
        BriefingQuestion.objects.select_for_update(of=("self",))
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
                "journalist": question.journalist.full_name if question.journalist else "",
                "outlet": question.journalist.outlet if question.journalist else "",
                "answer": linebreaks(question.answer, autoescape=True),
                "spokesperson": draft.spokesperson,
            },
        ))
    revision = draft.save_revision(user=user, log_action=True)
    BriefingQuestion.objects.filter(pk__in=[question.pk for question in waiting]).update(in_transcript_at=timezone.now())
    return revision
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
