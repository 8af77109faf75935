"""Delivery against the Telegram fake: never twice, never before the page is live, on time across DST, withdrawn
with the page, rate limits respected."""

from datetime import datetime, timedelta, timezone as dt_timezone

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from embassies import factories
from social import services
from social.delivery import deliver_due
from social.models import SocialPost
from tests.social.fakes.telegram import error

pytestmark = pytest.mark.django_db(transaction=False)
UTC = dt_timezone.utc


def approved(page, account, **fields):
    return SocialPost.objects.create(page=page, account=account, text=fields.pop("text", "Bonjour"),
                                     link=fields.pop("link", "https://paris.example/fete?utm_id=k"),
                                     status=fields.pop("status", SocialPost.Status.APPROVED), **fields)


def test_sends_once_and_keeps_platform_id_and_url(paris_telegram, paris_page, telegram):
    post = approved(paris_page, paris_telegram)
    assert deliver_due() == 1
    post.refresh_from_db()
    assert post.status == "sent" and list(telegram.posts) == [post.platform_id]
    assert post.platform_url.startswith("https://t.me/embassy_test/")
    assert telegram.posts[post.platform_id]["text"] == "Bonjour\n\nhttps://paris.example/fete?utm_id=k"
    assert deliver_due() == 0
    assert len(telegram.posts) == 1


def test_timeout_on_first_try_never_posts_twice(paris_telegram, paris_page, telegram, staff):
    """The fake carries the post out but the answer is lost: the Bot API cannot look, so the worker stops and says so."""
    post = approved(paris_page, paris_telegram)
    telegram.fail_next("POST", r"/sendMessage$", hang_seconds=1.2)
    with time_machine.travel(timezone.now(), tick=True) as clock:
        deliver_due()
        post.refresh_from_db()
        assert post.status == "approved" and post.answer_lost and post.attempts == 1
        clock.shift(timedelta(hours=2))
        deliver_due()
        deliver_due()
        assert telegram.wait_for_posts(1) == 1  # the hung call did post
        clock.shift(timedelta(hours=4))
        deliver_due()
    post.refresh_from_db()
    assert len(telegram.posts) == 1  # exactly one, what really went out
    assert post.status == "failed" and "no way to check" in post.last_error and post.attempts == 2
    assert len(mail.outbox) <= 1
    # the editor looked, found nothing (say the post was removed by hand) and retries: one more post, once
    telegram.posts.clear()
    services.retry(post)
    deliver_due()
    post.refresh_from_db()
    assert post.status == "sent" and len(telegram.posts) == 1


def test_connection_refused_is_a_plain_retry(paris_telegram, paris_page, telegram, settings):
    post = approved(paris_page, paris_telegram)
    settings.HUB_SOCIAL_API_BASES = {"telegram": "http://127.0.0.1:9"}
    deliver_due()
    post.refresh_from_db()
    assert post.status == "approved" and not post.answer_lost and post.next_attempt_at > timezone.now()
    settings.HUB_SOCIAL_API_BASES = {"telegram": telegram.url}
    with time_machine.travel(post.next_attempt_at + timedelta(seconds=1)):
        deliver_due()
    post.refresh_from_db()
    assert post.status == "sent" and len(telegram.posts) == 1


def test_rate_limit_retry_after_is_respected(paris_telegram, paris_page, telegram):
    post = approved(paris_page, paris_telegram)
    telegram.rate_limit_next("sendMessage", 120)
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        deliver_due()
        post.refresh_from_db()
        assert post.next_attempt_at == start + timedelta(seconds=120)
        assert "Too Many Requests" in post.last_error and not post.answer_lost
        clock.shift(timedelta(seconds=119))
        assert deliver_due() == 0
        clock.shift(timedelta(seconds=2))
        assert deliver_due() == 1
    post.refresh_from_db()
    assert post.status == "sent" and len(telegram.posts) == 1


def test_never_before_the_page_is_live_then_with_the_page(paris_telegram, paris, telegram,
                                                          django_capture_on_commit_callbacks):
    page = factories.article(factories.section(paris), title="Brouillon", live=False)
    post = approved(page, paris_telegram)
    deliver_due()
    post.refresh_from_db()
    assert post.status == "approved" and telegram.posts == {}
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    post.refresh_from_db()
    assert post.status == "sent" and len(telegram.posts) == 1  # sent by the task the publish enqueued


def test_scheduled_in_mission_timezone_across_dst(paris_telegram, paris, telegram):
    # Paris leaves summer time on 25 October 2026: 09:00 on the 26th is 08:00 UTC (it was 07:00 UTC the day before)
    with time_machine.travel(datetime(2026, 10, 24, 12, 0, tzinfo=UTC), tick=False) as clock:
        page = factories.article(factories.section(paris), title="Après le changement d'heure")
        post = approved(page, paris_telegram, status=SocialPost.Status.SCHEDULED)
        post.schedule_local(datetime(2026, 10, 26, 9, 0))
        post.save()
        assert post.send_at == datetime(2026, 10, 26, 8, 0, tzinfo=UTC)
        clock.move_to(datetime(2026, 10, 26, 7, 30, tzinfo=UTC))  # 08:30 in Paris; 09:30 under summer time
        assert deliver_due() == 0
        clock.move_to(datetime(2026, 10, 26, 8, 0, 1, tzinfo=UTC))
        assert deliver_due() == 1
    post.refresh_from_db()
    assert post.status == "sent" and len(telegram.posts) == 1


def test_unpublishing_cancels_pending_and_deletes_sent(paris_telegram, paris_page, telegram,
                                                       django_capture_on_commit_callbacks):
    sent = approved(paris_page, paris_telegram, text="Déjà parti")
    deliver_due()
    sent.refresh_from_db()
    later = approved(paris_page, paris_telegram, text="Plus tard", status=SocialPost.Status.SCHEDULED,
                     send_at=timezone.now() + timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        paris_page.unpublish()
    sent.refresh_from_db()
    later.refresh_from_db()
    assert later.status == "cancelled"
    assert sent.status == "deleted" and telegram.deleted == [sent.platform_id] and telegram.posts == {}


def test_page_unpublished_before_sending_is_cancelled_by_the_worker(paris_telegram, paris_page, telegram):
    post = approved(paris_page, paris_telegram, status=SocialPost.Status.SCHEDULED,
                    send_at=timezone.now() - timedelta(minutes=1))
    type(paris_page).objects.filter(pk=paris_page.pk).update(live=False)  # as if unpublished without signals
    deliver_due()
    post.refresh_from_db()
    assert post.status == "cancelled" and telegram.posts == {}


def test_platform_refusal_keeps_its_message_and_mails_the_mission_head(paris_telegram, paris_page, telegram):
    post = approved(paris_page, paris_telegram)
    telegram.fail_next("POST", r"/sendMessage$", error(400, "Bad Request: message text is empty"))
    deliver_due()
    post.refresh_from_db()
    assert post.status == "failed" and post.last_error == "Bad Request: message text is empty"
    assert len(telegram.posts) == 0
    heads = list(paris_telegram.mission.heads_group.user_set.values_list("email", flat=True))
    assert [message.to for message in mail.outbox] == ([sorted(set(heads) - {""})] if any(heads) else [])
