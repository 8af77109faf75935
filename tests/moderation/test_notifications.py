"""E-mails over the outbox: the right reviewers on submission, the author on a decision, the overdue digest.
All are sent from a task after the transaction commits; Wagtail's own synchronous e-mails are off."""

from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from embassies import factories as content
from moderation import factories as moderation
from moderation.models import Submission
from hub.factories import UserFactory

from .conftest import submit_over_http, workflow_action_url


def _recipients() -> set[str]:
    return {address for message in mail.outbox for address in message.to}


def test_submission_mails_the_regions_reviewers_after_commit(client, staff, hanoi_news, django_capture_on_commit_callbacks):
    UserFactory(username="root", is_superuser=True, is_staff=True)
    page = content.article(hanoi_news, title="Business forum", live=False)
    client.force_login(staff["hanoi_editor"])

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submit_over_http(client, page)
    assert mail.outbox == [] and callbacks
    for callback in callbacks:
        callback()

    assert _recipients() == {"asia_reviewer@example.org"}
    message = mail.outbox[0]
    assert "Business forum" in message.subject and "Embassy in Hanoi" in message.subject
    submission = Submission.objects.get(page=page)
    assert f"/admin/moderation/queue/{submission.pk}/" in message.body


def test_fast_track_submission_mails_the_heads_and_duty_officers(
    client, staff, duty_officer, hanoi_consular, django_capture_on_commit_callbacks
):
    notice = moderation.consular_notice(hanoi_consular, title="Evacuation notice")
    client.force_login(staff["hanoi_editor"])
    with django_capture_on_commit_callbacks(execute=True):
        submit_over_http(client, notice)
    assert _recipients() == {"hanoi_head@example.org", "duty_officer@example.org"}


def test_hq_content_mails_the_press_office(client, staff, hq, press_officer, django_capture_on_commit_callbacks):
    page = content.article(content.section(hq), title="Minister's statement", live=False)
    client.force_login(staff["hq_admin"])
    with django_capture_on_commit_callbacks(execute=True):
        submit_over_http(client, page)
    assert _recipients() == {"press_officer@example.org"}


def test_the_author_hears_of_changes_requested_with_the_comment(client, staff, hanoi_news, django_capture_on_commit_callbacks):
    page = content.article(hanoi_news, title="Exhibition", live=False)
    client.force_login(staff["hanoi_editor"])
    submit_over_http(client, page)
    page.refresh_from_db()
    client.force_login(staff["asia_reviewer"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(workflow_action_url(page, "reject", page.current_workflow_task_state), {"comment": "Name the curator."})

    assert _recipients() == {"hanoi_editor@example.org"}
    assert mail.outbox[0].subject.startswith("[Embassy Hub] Changes requested: Exhibition")
    assert "Name the curator." in mail.outbox[0].body


def test_the_author_hears_of_approval(client, staff, hanoi_news, django_capture_on_commit_callbacks):
    page = content.article(hanoi_news, title="Film week", live=False)
    client.force_login(staff["hanoi_editor"])
    submit_over_http(client, page)
    page.refresh_from_db()
    client.force_login(staff["asia_reviewer"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(workflow_action_url(page, "approve", page.current_workflow_task_state), {"comment": "Nice."})

    assert _recipients() == {"hanoi_editor@example.org"}
    assert mail.outbox[0].subject == "[Embassy Hub] Approved and published: Film week"


def test_the_daily_digest_lists_each_reviewers_overdue_items(staff, duty_officer, hanoi, paris):
    overdue = moderation.submitted(
        content.article(content.section(hanoi), title="Late article", live=False), by=staff["hanoi_editor"]
    )
    recent = moderation.submitted(
        content.article(content.section(hanoi), title="Fresh article", live=False), by=staff["hanoi_editor"]
    )
    notice = moderation.submitted(
        moderation.consular_notice(content.section(hanoi, "consular"), title="Late notice"), by=staff["hanoi_editor"]
    )
    now = timezone.now()
    Submission.objects.filter(workflow_state=overdue).update(waiting_since=now - timedelta(hours=25))
    Submission.objects.filter(workflow_state=recent).update(waiting_since=now - timedelta(hours=23))
    Submission.objects.filter(workflow_state=notice).update(waiting_since=now - timedelta(hours=5))
    mail.outbox.clear()

    stdout, stderr = StringIO(), StringIO()
    call_command("moderation_digest", stdout=stdout, stderr=stderr)

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"asia_reviewer@example.org", "hanoi_head@example.org", "duty_officer@example.org"}
    assert "Late article" in by_recipient["asia_reviewer@example.org"].body
    assert "Fresh article" not in by_recipient["asia_reviewer@example.org"].body
    assert "Late notice" not in by_recipient["asia_reviewer@example.org"].body
    assert "Late notice" in by_recipient["duty_officer@example.org"].body
    assert by_recipient["duty_officer@example.org"].subject == "[Embassy Hub] 1 overdue item waiting for review"
    assert "Sent 3 overdue digests." in stdout.getvalue()
    assert "Digests" in stderr.getvalue() and "3/3" in stderr.getvalue()


def test_the_digest_sends_nothing_when_nothing_is_overdue(staff, hanoi):
    moderation.submitted(content.article(content.section(hanoi), title="On time", live=False), by=staff["hanoi_editor"])
    mail.outbox.clear()
    stdout = StringIO()
    call_command("moderation_digest", "--no-progress", stdout=stdout)
    assert mail.outbox == [] and "Sent 0 overdue digests." in stdout.getvalue()
