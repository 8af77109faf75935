"""The fakes' rate limits (tests/social/fakes/server.py `limit`): over its window a fake answers as its platform
does, each adapter reads the wait from that answer, and delivery puts the post back for then, never posting twice."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from social.delivery import deliver_due
from social.models import SocialPost
from social.platforms.base import Credentials, OutgoingPost, RateLimited
from social.platforms.facebook import FacebookAdapter
from social.platforms.linkedin import LinkedInAdapter
from social.platforms.telegram import TelegramAdapter
from social.platforms.x import XAdapter

CASES = {
    "x": (XAdapter, Credentials(access_token="x-access-token", account_id="2244994945"), r"^/2/tweets$", 900),
    "facebook": (FacebookAdapter, Credentials(access_token="fb-page-token", account_id="1234567890"), r"/feed$", 3600),
    "linkedin": (LinkedInAdapter, Credentials(access_token="li-access-token", account_id="2414183"), r"^/rest/posts$",
                 86400),
}


@pytest.mark.parametrize("platform", sorted(CASES))
def test_over_the_limit_the_fake_refuses_in_the_platforms_shape_and_the_adapter_says_how_long(platform, request):
    fake = request.getfixturevalue(f"fake_{platform}")
    adapter_class, credentials, path, window = CASES[platform]
    fake.limit("POST", path, calls=1, per_seconds=window)
    adapter = adapter_class(fake.url, timeout=2)
    adapter.publish(credentials, OutgoingPost(text="First", link="https://hub.example/a?utm_id=a", idempotency_key="a"))

    with pytest.raises(RateLimited) as refused:
        adapter.publish(credentials, OutgoingPost(text="Second", link="https://hub.example/b?utm_id=b", idempotency_key="b"))

    assert len(fake.posts) == 1 and fake.rate_limited_calls == 1
    assert 1 <= refused.value.retry_after <= window + 1


def test_a_post_over_the_telegram_bots_limit_waits_its_retry_after_and_then_goes_once(paris_telegram, paris_page, telegram):
    telegram.limit("POST", r"/sendMessage$", calls=1, per_seconds=60, key=lambda request: "bot")
    first, second = (SocialPost.objects.create(page=paris_page, account=paris_telegram, text=text,
                                               status=SocialPost.Status.APPROVED) for text in ("Un", "Deux"))
    before = timezone.now()

    assert deliver_due() == 2

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("sent", "approved") and len(telegram.posts) == 1
    assert "Too Many Requests" in second.last_error and not second.answer_lost
    assert before + timedelta(seconds=55) <= second.next_attempt_at <= timezone.now() + timedelta(seconds=61)
    assert deliver_due() == 0 and telegram.rate_limited_calls == 1


def test_telegram_refuses_with_retry_after_in_its_parameters(telegram):
    telegram.limit("POST", r"/sendMessage$", calls=1, per_seconds=30, key=lambda request: "bot")
    adapter = TelegramAdapter(telegram.url, timeout=2)
    credentials = Credentials(access_token=telegram.token, account_id="@embassy_test", extra={"chat_id": "@embassy_test"})
    adapter.publish(credentials, OutgoingPost(text="Un"))
    with pytest.raises(RateLimited) as refused:
        adapter.publish(credentials, OutgoingPost(text="Deux"))
    assert 1 <= refused.value.retry_after <= 30
