"""E-mails of the press centre: an embargoed release, to the accredited journalists it is addressed to.

Called from tasks (never inside an editor's request). Each journalist gets a release once, however often it is
re-approved or re-scheduled; unverified, pending, rejected and expired journalists never get one.
"""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import timezone

from embassies.selectors import site_root_url

from .models import EmbargoNotice
from .selectors import journalist_may_read, journalists_accredited, release_text, releases_embargoed


def embargoed_release_send(*, revision_id: int) -> int:
    """Mail the embargoed release scheduled as `revision_id` to those who may read it and have not had it; returns
    how many were sent. Nothing once the revision is no longer the scheduled one (published, or replaced)."""
    release = next((item for item in releases_embargoed() if item.revision.pk == revision_id), None)
    if release is None:
        return 0
    page = release.page
    already = set(EmbargoNotice.objects.filter(page_id=page.pk).values_list("journalist_id", flat=True))
    recipients = [
        journalist
        for journalist in journalists_accredited().select_related("user").prefetch_related("missions")
        if journalist.pk not in already and journalist.user.email and journalist_may_read(journalist, release.mission_ids)
    ]
    if not recipients:
        return 0
    context = {
        "page": page,
        "text": release_text(page),
        "embargoed_until": timezone.localtime(release.embargoed_until, timezone.get_fixed_timezone(0)),
        "url": f"{site_root_url()}/{page.locale.language_code}/press/releases/{page.pk}/",
    }
    messages = []
    for journalist in recipients:
        body = render_to_string("press/emails/embargoed_release.txt", {**context, "journalist": journalist})
        subject = " ".join(render_to_string("press/emails/embargoed_release_subject.txt", context).split())
        messages.append(
            EmailMessage(subject=subject, body=body, to=[journalist.user.email], from_email=settings.DEFAULT_FROM_EMAIL)
        )
    sent = get_connection().send_messages(messages) or 0
    EmbargoNotice.objects.bulk_create(
        [EmbargoNotice(journalist=journalist, page_id=page.pk, revision=release.revision) for journalist in recipients],
        ignore_conflicts=True,
    )
    return sent
