"""E-mails of the press centre: the verification link, "a journalist waits" to the press office, decisions, and an
embargoed release to the accredited journalists it is addressed to (once each, however often it is re-approved).

Called from tasks (press/tasks.py); each renders templates/press/emails/ and returns how many it sent."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page

from embassies.selectors import site_root_url
from hub.roles import HQ_PRESS_OFFICE_GROUP

from .models import AccreditationStatus, EmbargoNotice, Journalist
from .selectors import (
    journalist_may_read,
    journalist_verification_token,
    journalists_accredited,
    release_text,
    releases_embargoed,
)


def _site_url(name: str, language: str = "en", **kwargs) -> str:
    with translation.override(language):
        path = reverse(name, kwargs=kwargs)
    return settings.HUB_PRESS_SITE_BASE_URL.rstrip("/") + path


def _admin_url(name: str, *args) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def _send(recipients, template: str, context: dict) -> int:
    subject = " ".join(render_to_string(f"press/emails/{template}_subject.txt", context).split())
    body = render_to_string(f"press/emails/{template}.txt", context)
    messages = [
        EmailMessage(subject=subject, body=body, to=[address], from_email=settings.DEFAULT_FROM_EMAIL)
        for address in sorted(set(recipients)) if address
    ]
    return (get_connection().send_messages(messages) or 0) if messages else 0


def _journalist(journalist_id: int) -> Journalist | None:
    return Journalist.objects.select_related("user").filter(pk=journalist_id, user__is_active=True).first()


def verification_send(*, journalist_id: int) -> int:
    journalist = _journalist(journalist_id)
    if journalist is None or journalist.status != AccreditationStatus.UNVERIFIED:
        return 0
    language = (journalist.language_codes or ["en"])[0]
    link = _site_url("press_verify", language, token=journalist_verification_token(journalist=journalist))
    context = {"journalist": journalist, "link": link, "hours": settings.HUB_PRESS_VERIFICATION_MAX_AGE_SECONDS // 3600}
    return _send([journalist.user.email], "verification", context)


def registration_attempt_send(*, user_id: int) -> int:
    """The account's holder hears that someone tried to register with their address: a journalist gets the press
    area's sign-in and password-reset links, a staff member the admin's sign-in."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return 0
    journalist = Journalist.objects.filter(user=user).first()
    if journalist is not None:
        language = (journalist.language_codes or ["en"])[0]
        links = {"sign_in": _site_url("press_sign_in", language), "reset": _site_url("press_password_reset", language)}
    else:
        links = {"sign_in": _admin_url("wagtailadmin_login"), "reset": _admin_url("wagtailadmin_password_reset")}
    return _send([user.email], "registration_attempt", {"journalist": journalist, **links})


def pending_send(*, journalist_id: int) -> int:
    journalist = _journalist(journalist_id)
    if journalist is None or journalist.status != AccreditationStatus.PENDING:
        return 0
    missions = journalist.requested_missions.all()
    staff = get_user_model().objects.filter(
        Q(groups__name=HQ_PRESS_OFFICE_GROUP) | Q(groups__press_attache_mission__in=missions), is_active=True
    ).distinct()
    context = {
        "journalist": journalist,
        "missions": list(missions),
        "renewal": journalist.renewal_requested_at is not None,
        "review_url": _admin_url("press_journalist", journalist.pk),
    }
    return _send(staff.values_list("email", flat=True), "pending", context)


def decision_send(*, journalist_id: int, decision: str) -> int:
    journalist = _journalist(journalist_id)
    if journalist is None:
        return 0
    context = {
        "journalist": journalist,
        "decision": decision,
        "missions": list(journalist.missions.all()),
        "status_url": _site_url("press_status", (journalist.language_codes or ["en"])[0]),
    }
    return _send([journalist.user.email], "decision", context)


def embargoed_release_send(*, revision_id: int) -> int:
    """Mail the embargoed release scheduled as `revision_id` to those who may read it and have not had it; returns
    how many were sent. Nothing once the revision is no longer the scheduled one (published, or replaced)."""
    release = next((item for item in releases_embargoed() if item.revision.pk == revision_id), None)
    if release is None:
        return 0
    page = release.page
    # One task at a time per release: the page row is locked until the notices are recorded, so two scheduling
    # saves close together cannot both mail the same journalists; a failed send rolls the notices back (retried).
    with transaction.atomic():
        Page.objects.select_for_update().filter(pk=page.pk).first()
        already = set(EmbargoNotice.objects.filter(page_id=page.pk).values_list("journalist_id", flat=True))
        recipients = [
            journalist
            for journalist in journalists_accredited().select_related("user").prefetch_related("missions")
            if journalist.pk not in already and journalist.user.email
            and journalist_may_read(journalist, release.mission_ids)
        ]
        if not recipients:
            return 0
        context = {
            "page": page,
            "text": release_text(page),
            "embargoed_until": timezone.localtime(release.embargoed_until, timezone.get_fixed_timezone(0)),
            "url": f"{site_root_url()}/{page.locale.language_code}/press/releases/{page.pk}/",
        }
        subject = " ".join(render_to_string("press/emails/embargoed_release_subject.txt", context).split())
        messages = [
            EmailMessage(
                subject=subject,
                body=render_to_string("press/emails/embargoed_release.txt", {**context, "journalist": journalist}),
                to=[journalist.user.email],
                from_email=settings.DEFAULT_FROM_EMAIL,
            )
            for journalist in recipients
        ]
        sent = get_connection().send_messages(messages) or 0
        EmbargoNotice.objects.bulk_create(
            [EmbargoNotice(journalist=journalist, page_id=page.pk, revision=release.revision) for journalist in recipients],
            ignore_conflicts=True,
        )
    return sent
