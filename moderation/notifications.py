"""E-mails of moderation: to reviewers when an item waits for them, to authors on a decision, the overdue digest.

Called from tasks (never inside an editor's request). Each function renders one message per recipient from the
templates in templates/moderation/emails/ and returns how many it sent.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import ReviewStatus, Submission, Transition
from .selectors import reviewers_of, service_level, submissions_overdue


def _admin_url(name: str, *args) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def _send(messages: list[tuple[str, str, str]]) -> int:
    """(recipient, subject, body) triples, sent over one connection."""
    if not messages:
        return 0
    emails = [
        EmailMessage(subject=subject, body=body, to=[recipient], from_email=settings.DEFAULT_FROM_EMAIL)
        for recipient, subject, body in messages
    ]
    return get_connection().send_messages(emails) or 0


def _render(template: str, context: dict) -> tuple[str, str]:
    subject = render_to_string(f"moderation/emails/{template}_subject.txt", context).strip()
    return " ".join(subject.split()), render_to_string(f"moderation/emails/{template}.txt", context)


def review_requested_send(*, submission_id: int) -> int:
    """The region's reviewers (or, for fast-track items, the heads and duty officers) get the new item."""
    submission = (
        Submission.objects.select_related("page", "mission", "locale", "submitted_by", "task_state__task")
        .filter(pk=submission_id, status=ReviewStatus.IN_REVIEW)
        .first()
    )
    if submission is None:
        return 0
    context = {
        "submission": submission,
        "due": submission.waiting_since + service_level(kind=submission.kind),
        "review_url": _admin_url("moderation_review", submission.pk),
        "queue_url": _admin_url("moderation_queue"),
    }
    messages = []
    for reviewer in reviewers_of(submission=submission).exclude(pk=submission.submitted_by_id):
        subject, body = _render("review_requested", {**context, "recipient": reviewer})
        messages.append((reviewer.email, subject, body))
    return _send(messages)


def decision_send(*, transition_id: int) -> int:
    """The author hears that their item was approved (published or scheduled) or needs changes, with the comment."""
    transitions = Transition.objects.select_related("submission__submitted_by", "actor", "mission")
    transition = transitions.filter(pk=transition_id).first()
    if transition is None or transition.submission is None:
        return 0
    author = transition.submission.submitted_by
    if author is None or not author.email or not author.is_active or author == transition.actor:
        return 0
    subject, body = _render(
        "decision",
        {
            "transition": transition,
            "recipient": author,
            "edit_url": _admin_url("wagtailadmin_pages:edit", transition.page_id) if transition.page_id else "",
            "dashboard_url": _admin_url("moderation_dashboard"),
        },
    )
    return _send([(author.email, subject, body)])


def overdue_digest_send(*, now: datetime | None = None, progress: Callable[[Iterable], Iterable] = iter) -> int:
    """One e-mail per reviewer listing the overdue items waiting for them; `progress` wraps the recipient loop
    (the command passes tqdm). Returns how many e-mails were sent."""
    now = now or timezone.now()
    items_by_email: dict[str, list[Submission]] = defaultdict(list)
    names: dict[str, object] = {}
    for submission in submissions_overdue(now=now):
        overdue_by = now - (submission.waiting_since + service_level(kind=submission.kind))
        submission.overdue_hours = round(overdue_by.total_seconds() / 3600, 1)
        for reviewer in reviewers_of(submission=submission):
            items_by_email[reviewer.email].append(submission)
            names[reviewer.email] = reviewer
    messages = []
    for email in progress(sorted(items_by_email)):
        subject, body = _render(
            "overdue_digest",
            {
                "recipient": names[email],
                "submissions": items_by_email[email],
                "queue_url": _admin_url("moderation_queue") + "?waiting=overdue",
                "review_url_base": _admin_url("moderation_queue"),
            },
        )
        messages.append((email, subject, body))
    return _send(messages)
