"""The YouTube adapter against the local YouTube Data API fake."""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from urllib.parse import parse_qs, urlsplit

import pytest

from social.platforms.base import (
    AccountIdentity, Credentials, MediaRejected, OutgoingPost, PlatformError, RateLimited, TemporaryFailure, TokenExpired,
)
from social.platforms.youtube import YouTubeAdapter, seconds_to_quota_reset
from tests.social.fakes.server import Answer
from tests.social.fakes.youtube import auth_error, google_error, quota_exceeded

from .conftest import assert_no_token, wait_until

CREDS = Credentials(access_token="yt-access-token", account_id="UCabcdefghijklmnopqrstuv", refresh_token="yt-refresh-token")
LINK = "https://mofa.gov.vn/en/news/national-day/?utm_source=youtube&utm_id=post-3"
CLIENT = {"client_id": "yt-client.apps.googleusercontent.com", "client_secret": "yt-secret"}


@pytest.fixture
def adapter(fake_youtube):
    return YouTubeAdapter(fake_youtube.url, timeout=0.5)


def test_post_without_video_refused_with_a_clear_message(adapter, fake_youtube, image):
    with pytest.raises(MediaRejected, match="videos only"):
        adapter.publish(CREDS, OutgoingPost(text="Text only"))
    with pytest.raises(MediaRejected, match="community posts have no API"):
        adapter.publish(CREDS, OutgoingPost(text="An image", media=(image,)))
    assert fake_youtube.requests == []


def test_publish_video_through_a_resumable_session(adapter, fake_youtube, video):
    published = adapter.publish(CREDS, OutgoingPost(text="National Day 2026\nThe reception in Tokyo.", link=LINK,
                                                    media=(video,), idempotency_key="post-3"))
    posted = fake_youtube.posts[published.platform_id]
    assert posted["snippet"]["title"] == "National Day 2026"
    assert posted["snippet"]["description"] == f"The reception in Tokyo.\n{LINK}"
    assert posted["bytes"] == 5012 and posted["status"]["privacyStatus"] == "public"
    assert [(r.method, r.query.get("uploadType")) for r in fake_youtube.requests] == [("POST", ["resumable"]), ("PUT", ["resumable"])]
    assert published.url == f"https://www.youtube.com/watch?v={published.platform_id}"


def test_title_and_description_limits_refused_before_any_call(adapter, fake_youtube, video):
    with pytest.raises(PlatformError, match="title"):
        adapter.publish(CREDS, OutgoingPost(text="t" * 101, media=(video,)))
    with pytest.raises(PlatformError, match="5000"):
        adapter.publish(CREDS, OutgoingPost(text="Title\n" + "ệ" * 1667, media=(video,)))  # 5,001 bytes in UTF-8
    assert fake_youtube.requests == []


def test_expired_token(adapter, fake_youtube, video):
    fake_youtube.fail_next("POST", r"/upload/", auth_error())
    with pytest.raises(TokenExpired) as caught:
        adapter.publish(CREDS, OutgoingPost(text="Hi", media=(video,)))
    assert caught.value.code == "authError"


def test_quota_exceeded_waits_for_pacific_midnight(adapter, fake_youtube, video):
    fake_youtube.fail_next("POST", r"/upload/", quota_exceeded())
    with pytest.raises(RateLimited) as caught:
        adapter.publish(CREDS, OutgoingPost(text="Hi", media=(video,)))
    assert caught.value.code == "quotaExceeded" and 0 < caught.value.retry_after <= 25 * 3600
    # 07:00 UTC on 7 December is 23:00 in Los Angeles (PST): one hour to the reset
    assert seconds_to_quota_reset(datetime(2026, 12, 7, 7, 0, tzinfo=timezone.utc)) == 3600


def test_user_rate_limit(adapter, fake_youtube, video):
    fake_youtube.fail_next("POST", r"/upload/", google_error(403, "userRateLimitExceeded", "User rate limit exceeded", "usageLimits"))
    with pytest.raises(RateLimited) as caught:
        adapter.publish(CREDS, OutgoingPost(text="Hi", media=(video,)))
    assert caught.value.retry_after == 60.0


def test_media_refused(adapter, fake_youtube, video):
    fake_youtube.fail_next("PUT", r"/upload/", google_error(400, "uploadLimitExceeded", "The user has exceeded the number of videos they may upload."))
    with pytest.raises(MediaRejected, match="number of videos"):
        adapter.publish(CREDS, OutgoingPost(text="Hi", media=(video,)))


def test_backend_error_is_temporary(adapter, fake_youtube, video):
    fake_youtube.fail_next("PUT", r"/upload/", google_error(503, "backendError", "Backend Error", "global"))
    with pytest.raises(TemporaryFailure):
        adapter.publish(CREDS, OutgoingPost(text="Hi", media=(video,)))


def test_timeout_then_find_published_finds_the_video(adapter, fake_youtube, video):
    post = OutgoingPost(text="Lost answer", link=LINK, media=(video,), idempotency_key="post-3")
    fake_youtube.fail_next("PUT", r"/upload/", hang_seconds=1.0)
    with pytest.raises(TemporaryFailure, match="did not answer in time"):
        adapter.publish(CREDS, post)
    wait_until(lambda: fake_youtube.posts)
    found = adapter.find_published(CREDS, post)
    assert found and found.platform_id in fake_youtube.posts and found.published_at
    assert adapter.find_published(CREDS, OutgoingPost(text="x", idempotency_key="post-4")) is None


def test_delete(adapter, fake_youtube, video):
    published = adapter.publish(CREDS, OutgoingPost(text="Short-lived", media=(video,)))
    adapter.delete(CREDS, published.platform_id)
    assert fake_youtube.posts == {}
    with pytest.raises(PlatformError, match="cannot be found"):
        adapter.delete(CREDS, published.platform_id)


def test_fetch_metrics(adapter, video):
    published = adapter.publish(CREDS, OutgoingPost(text="Counted", media=(video,)))
    metrics = adapter.fetch_metrics(CREDS, published.platform_id)
    assert (metrics.video_views, metrics.reactions, metrics.comments, metrics.impressions) == (5120, 210, 17, None)


def test_oauth_exchange_and_refresh(adapter, fake_youtube):
    url = adapter.authorization_url(client_id=CLIENT["client_id"], redirect_uri="https://hub.example/cb", state="s1")
    query = parse_qs(urlsplit(url).query)
    assert query["access_type"] == ["offline"] and "youtube.upload" in query["scope"][0]
    code = fake_youtube.issue_code(redirect_uri="https://hub.example/cb")
    tokens = adapter.exchange_code(**CLIENT, redirect_uri="https://hub.example/cb", code=code)
    assert tokens.access_token in fake_youtube.tokens and tokens.refresh_token == "yt-refresh-token"
    renewed = adapter.refresh(CREDS, **CLIENT)
    assert renewed.refresh_token == "yt-refresh-token" and renewed.access_token != tokens.access_token
    with pytest.raises(TokenExpired, match="expired or revoked"):
        adapter.refresh(Credentials(access_token="", account_id="1", refresh_token="revoked"), **CLIENT)


def test_no_token_in_errors_or_logs(adapter, fake_youtube, video, caplog):
    caplog.set_level(logging.DEBUG)
    messages = []
    for failure in (auth_error(), Answer(500, "oops"), None):
        if failure is None:
            fake_youtube.fail_next("POST", r"/upload/", hang_seconds=1.0, handle_after_hang=False)
        else:
            fake_youtube.fail_next("POST", r"/upload/", failure)
        with pytest.raises(PlatformError) as caught:
            adapter.publish(CREDS, OutgoingPost(text=f"Secret test {len(messages)}", media=(video,)))
        messages.append(str(caught.value))
    assert_no_token(*messages, caplog.text)


def test_whoami_is_the_tokens_own_channel(adapter, fake_youtube):
    assert adapter.whoami(Credentials(access_token="yt-access-token", account_id="")) == AccountIdentity(
        account_id="UCabcdefghijklmnopqrstuv", name="Vietnam Embassy Channel")
    assert fake_youtube.requests[-1].query == {"part": ["snippet"], "mine": ["true"]}
    with pytest.raises(TokenExpired, match="invalid authentication credentials"):
        adapter.whoami(Credentials(access_token="revoked", account_id=""))
