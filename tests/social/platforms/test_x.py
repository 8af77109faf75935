"""The X adapter against the local X fake: posting, media steps, limits, errors, lost answers, OAuth with PKCE."""

from __future__ import annotations

import base64
import hashlib
import logging
import time
from urllib.parse import parse_qs, urlsplit

import pytest

from social.platforms.base import (
    AccountIdentity, Credentials, DuplicateContent, MediaRejected, OutgoingPost, PlatformError, RateLimited, TemporaryFailure,
    TokenExpired,
)
from social.platforms.x import XAdapter
from tests.social.fakes.server import Answer

from .conftest import assert_no_token, wait_until

CREDS = Credentials(access_token="x-access-token", account_id="2244994945", refresh_token="x-refresh-token",
                    extra={"username": "MOFAVietNam"})
LINK = "https://mofa.gov.vn/en/news/visit/?utm_source=x&utm_id=post-42"


@pytest.fixture
def adapter(fake_x):
    return XAdapter(fake_x.url, timeout=0.5)


def test_publish_text_with_link(adapter, fake_x):
    published = adapter.publish(CREDS, OutgoingPost(text="State visit to Japan", link=LINK, idempotency_key="post-42"))
    assert fake_x.posts[published.platform_id]["text"] == f"State visit to Japan {LINK}"
    assert published.url == f"https://x.com/MOFAVietNam/status/{published.platform_id}"


def test_publish_with_image_goes_through_init_append_finalize(adapter, fake_x, image):
    published = adapter.publish(CREDS, OutgoingPost(text="Photo of the day", media=(image,)))
    media_ids = fake_x.posts[published.platform_id]["media_ids"]
    assert len(media_ids) == 1
    steps = [r.path.rsplit("/", 1)[-1] for r in fake_x.requests if "/media/" in r.path]
    assert steps == ["initialize", "append", "finalize", "metadata"]
    assert fake_x.uploads[media_ids[0]]["alt_text"] == "A red square"


def test_publish_with_video_waits_for_processing(adapter, fake_x, video):
    adapter.sleep = lambda seconds: None
    published = adapter.publish(CREDS, OutgoingPost(text="Our national day", media=(video,)))
    assert fake_x.uploads[fake_x.posts[published.platform_id]["media_ids"][0]]["state"] == "succeeded"
    assert any(r.query.get("command") == ["STATUS"] for r in fake_x.requests)


def test_count_follows_twitter_text_v3(adapter):
    assert adapter.count("Hello 世界") == 10  # CJK weighs 2
    assert adapter.count(f"see {LINK}") == 4 + 23  # any URL is 23
    assert adapter.count("👨‍👩‍👧") == 2  # one emoji sequence
    assert adapter.count("Привет") == 6  # Cyrillic is in the weight-1 ranges


def test_too_long_refused_before_any_call(adapter, fake_x):
    with pytest.raises(PlatformError, match="limit is 280"):
        adapter.publish(CREDS, OutgoingPost(text="越" * 141))
    assert fake_x.requests == []


def test_duplicate_content(adapter, fake_x):
    adapter.publish(CREDS, OutgoingPost(text="Once only"))
    with pytest.raises(DuplicateContent, match="duplicate content"):
        adapter.publish(CREDS, OutgoingPost(text="Once only"))


def test_expired_token(adapter):
    with pytest.raises(TokenExpired) as caught:
        adapter.publish(Credentials(access_token="x-old-token", account_id="1"), OutgoingPost(text="Hi"))
    assert caught.value.status == 401


def test_rate_limit_reads_reset_header(adapter, fake_x):
    reset = int(time.time()) + 900
    fake_x.fail_next("POST", r"^/2/tweets$", Answer(429, {"title": "Too Many Requests", "detail": "Too Many Requests",
                                                          "type": "about:blank", "status": 429},
                                                     {"x-rate-limit-limit": "100", "x-rate-limit-remaining": "0",
                                                      "x-rate-limit-reset": str(reset)}))
    with pytest.raises(RateLimited) as caught:
        adapter.publish(CREDS, OutgoingPost(text="Hi"))
    assert 890 <= caught.value.retry_after <= 900


def test_media_refused(adapter, fake_x, image):
    fake_x.fail_next("POST", r"/finalize$", Answer(400, {"title": "Invalid Request", "type": "about:blank",
                                                        "detail": "Unsupported media type", "status": 400}))
    with pytest.raises(MediaRejected, match="Unsupported"):
        adapter.publish(CREDS, OutgoingPost(text="Hi", media=(image,)))


def test_server_error_is_temporary(adapter, fake_x):
    fake_x.fail_next("POST", r"^/2/tweets$", Answer(503, {"title": "Service Unavailable", "detail": "Service Unavailable"}))
    with pytest.raises(TemporaryFailure):
        adapter.publish(CREDS, OutgoingPost(text="Hi"))


def test_timeout_then_find_published_finds_the_post(adapter, fake_x):
    post = OutgoingPost(text="Lost answer", link=LINK, idempotency_key="post-42")
    fake_x.fail_next("POST", r"^/2/tweets$", hang_seconds=1.0)
    with pytest.raises(TemporaryFailure, match="did not answer in time"):
        adapter.publish(CREDS, post)
    wait_until(lambda: fake_x.posts)
    found = adapter.find_published(CREDS, post)
    assert found and found.platform_id in fake_x.posts
    assert adapter.find_published(CREDS, OutgoingPost(text="x", link=LINK, idempotency_key="post-43")) is None
    assert len(fake_x.posts) == 1


def test_connection_refused_is_temporary():
    with pytest.raises(TemporaryFailure, match="could not reach X"):
        XAdapter("http://127.0.0.1:9", timeout=0.5).publish(CREDS, OutgoingPost(text="Hi"))


def test_delete(adapter, fake_x):
    published = adapter.publish(CREDS, OutgoingPost(text="Short-lived"))
    adapter.delete(CREDS, published.platform_id)
    assert fake_x.posts == {}


def test_fetch_metrics(adapter):
    published = adapter.publish(CREDS, OutgoingPost(text="Counted"))
    metrics = adapter.fetch_metrics(CREDS, published.platform_id)
    assert (metrics.impressions, metrics.reactions, metrics.comments, metrics.shares, metrics.engagements) == (250, 10, 2, 4, 20)


def test_oauth_pkce_exchange_and_refresh(adapter, fake_x):
    verifier = "v" * 50
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    url = adapter.authorization_url(client_id="x-client", redirect_uri="https://hub.example/cb", state="s1",
                                    code_challenge=challenge)
    query = parse_qs(urlsplit(url).query)
    assert query["code_challenge_method"] == ["S256"] and "offline.access" in query["scope"][0]
    code = fake_x.issue_code(code_verifier=verifier, redirect_uri="https://hub.example/cb")
    tokens = adapter.exchange_code(client_id="x-client", client_secret="x-secret", redirect_uri="https://hub.example/cb",
                                   code=code, code_verifier=verifier)
    assert tokens.access_token in fake_x.tokens and tokens.expires_at
    renewed = adapter.refresh(Credentials(access_token=tokens.access_token, account_id="1",
                                          refresh_token=tokens.refresh_token), client_id="x-client", client_secret="x-secret")
    assert renewed.refresh_token != tokens.refresh_token
    with pytest.raises(TokenExpired):  # a used refresh token is revoked
        adapter.refresh(Credentials(access_token="", account_id="1", refresh_token=tokens.refresh_token),
                        client_id="x-client", client_secret="x-secret")


def test_wrong_verifier_refused(adapter, fake_x):
    code = fake_x.issue_code(code_verifier="right" * 10, redirect_uri="https://hub.example/cb")
    with pytest.raises(PlatformError, match="invalid"):
        adapter.exchange_code(client_id="x-client", client_secret="x-secret", redirect_uri="https://hub.example/cb",
                              code=code, code_verifier="wrong" * 10)


def test_no_token_in_errors_or_logs(adapter, fake_x, caplog):
    caplog.set_level(logging.DEBUG)
    messages = []
    for failure in (Answer(401, {"title": "Unauthorized", "detail": "Unauthorized"}), None):
        if failure:
            fake_x.fail_next("POST", r"^/2/tweets$", failure)
        else:
            fake_x.fail_next("POST", r"^/2/tweets$", hang_seconds=1.0, handle_after_hang=False)
        with pytest.raises(PlatformError) as caught:
            adapter.publish(CREDS, OutgoingPost(text=f"Secret test {len(messages)}"))
        messages.append(str(caught.value))
    assert_no_token(*messages, caplog.text)


def test_whoami_is_users_me(adapter, fake_x):
    assert adapter.whoami(CREDS) == AccountIdentity(account_id="2244994945", name="Vietnam in Hanoi",
                                                    details={"username": "VNinHanoi"})
    assert fake_x.requests[-1].path == "/2/users/me"
    with pytest.raises(TokenExpired, match="Unauthorized"):
        adapter.whoami(Credentials(access_token="revoked", account_id=""))
