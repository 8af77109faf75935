"""An embargoed release is e-mailed, after commit and from a task, once to each accredited journalist it is
addressed to; through a real SMTP server too."""

import asyncio
import socket
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.utils import timezone

from embassies import factories as content
from press import factories, tasks
from press.models import EmbargoNotice

from .conftest import EMBARGO_SECRET, embargoed_release

pytestmark = pytest.mark.django_db


def _recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_scheduling_mails_the_release_to_accredited_journalists_it_is_addressed_to(
    hanoi, embargo_journalists, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = embargoed_release(hanoi, title=f"{EMBARGO_SECRET} Trade agreement")
    assert _recipients() == ["hanoi_reporter@example.org", "network_reporter@example.org"]
    message = mail.outbox[0]
    assert message.subject.startswith("EMBARGOED until ") and page.title in message.subject
    assert "Text under embargo" in message.body and f"/vi/press/releases/{page.pk}/" in message.body


def test_nothing_is_sent_before_the_transaction_commits(hanoi, embargo_journalists, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        embargoed_release(hanoi, title=f"{EMBARGO_SECRET} Trade agreement")
    mailing = [callback for callback in callbacks if getattr(callback, "func", None) == tasks.embargoed_release_send.enqueue]
    assert mail.outbox == [] and len(mailing) == 1


def test_re_approving_sends_nothing_twice_and_reaches_journalists_accredited_since(
    hanoi, embargo_journalists, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = embargoed_release(hanoi, title=f"{EMBARGO_SECRET} Trade agreement")
    mail.outbox.clear()
    factories.journalist("late_reporter", missions=[hanoi])
    with django_capture_on_commit_callbacks(execute=True):
        page = page.get_latest_revision_as_object()
        page.summary = "Corrected standfirst"
        page.save_revision().publish()
    assert _recipients() == ["late_reporter@example.org"]
    assert EmbargoNotice.objects.filter(page=page).count() == 3


def test_a_scheduled_page_without_an_embargo_mails_nobody(hanoi, embargo_journalists, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = content.article(content.section(hanoi), title="Scheduled news", live=False, kind="press_release")
        page.go_live_at = timezone.now() + timedelta(hours=1)
        page.save_revision().publish()
    assert mail.outbox == []


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.messages.append((envelope.rcpt_tos, envelope.content.decode("utf-8", "replace")))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_release_goes_through_a_real_smtp_server(hanoi, embargo_journalists, settings, django_capture_on_commit_callbacks):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port(), loop=asyncio.new_event_loop())
    controller.start()
    try:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
        settings.EMAIL_USE_TLS = False
        with django_capture_on_commit_callbacks(execute=True):
            embargoed_release(hanoi, title=f"{EMBARGO_SECRET} Trade agreement")
    finally:
        controller.stop()
    assert sorted(rcpt for rcpts, _content in inbox.messages for rcpt in rcpts) == [
        "hanoi_reporter@example.org", "network_reporter@example.org"
    ]
    assert all("EMBARGOED until" in data for _rcpts, data in inbox.messages)
