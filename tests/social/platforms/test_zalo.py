"""The Zalo OA adapter against the local Zalo fake."""

from __future__ import annotations

import base64
import hashlib
import logging
from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

import pytest

from social.platforms.base import (
    AccountIdentity, Credentials, MediaRejected, OutgoingPost, PlatformError, RateLimited, TemporaryFailure, TokenExpired,
)
from social.platforms.zalo import ZaloAdapter
from tests.social.fakes.server import Answer
from tests.social.fakes.zalo import rate_limited, token_expired, zalo_error

from .conftest import assert_no_token, wait_until

CREDS = Credentials(access_token="zalo-oa-token", account_id="579745863508352884", refresh_token="zalo-refresh-token",
                    extra={"author": "Đại sứ quán Việt Nam"})
LINK = "https://mofa.gov.vn/vi/tin-tuc/quoc-khanh/?utm_source=zalo&utm_id=post-5"


@pytest.fixture
def adapter(fake_zalo):
    return ZaloAdapter(fake_zalo.url, timeout=0.5)


def test_publish_article_with_cover_and_link(adapter, fake_zalo, image):
    published = adapter.publish(CREDS, OutgoingPost(text="Quốc khánh 2/9\nLễ kỷ niệm tại Tokyo.", link=LINK,
                                                    media=(image,), idempotency_key="post-5"))
    article = fake_zalo.posts[published.platform_id]
    assert article["title"] == "Quốc khánh 2/9" and article["author"] == "Đại sứ quán Việt Nam"
    assert article["cover"] == {"cover_type": "photo", "photo_url": "https://hub.example/media/photo.jpg", "status": "show"}
    assert LINK.replace("&", "&amp;") in article["body"][0]["content"]
    assert [r.path for r in fake_zalo.requests] == ["/v2.0/article/create", "/v2.0/article/verify"]
    assert fake_zalo.requests[0].headers["access_token"] == "zalo-oa-token"


def test_text_only_or_local_image_refused_before_any_call(adapter, fake_zalo, image):
    with pytest.raises(MediaRejected, match="cover image"):
        adapter.publish(CREDS, OutgoingPost(text="Text only"))
    with pytest.raises(MediaRejected, match="public URL"):
        adapter.publish(CREDS, OutgoingPost(text="Local file", media=(replace(image, url=""),)))
    assert fake_zalo.requests == []


def test_title_limit_refused_before_any_call(adapter, fake_zalo, image):
    assert adapter.count("t" * 150 + "\nbody") == 150
    with pytest.raises(PlatformError, match="at most 150"):
        adapter.publish(CREDS, OutgoingPost(text="t" * 151, media=(image,)))
    assert fake_zalo.requests == []


def test_long_description_is_shortened_not_refused(adapter, fake_zalo, image):
    published = adapter.publish(CREDS, OutgoingPost(text="Title\n" + "từ " * 200, media=(image,)))
    assert len(fake_zalo.posts[published.platform_id]["description"]) <= 300


@pytest.mark.parametrize("answer", [token_expired(), zalo_error(-216, "Access token is invalid")])
def test_expired_or_invalid_token(adapter, fake_zalo, image, answer):
    fake_zalo.fail_next("POST", r"/article/create$", answer)
    with pytest.raises(TokenExpired):
        adapter.publish(CREDS, OutgoingPost(text="Hi", media=(image,)))


def test_rate_limited(adapter, fake_zalo, image):
    fake_zalo.fail_next("POST", r"/article/create$", rate_limited())
    with pytest.raises(RateLimited) as caught:
        adapter.publish(CREDS, OutgoingPost(text="Hi", media=(image,)))
    assert caught.value.code == "-32" and caught.value.retry_after == 60.0


def test_cover_refused_by_zalo(adapter, fake_zalo, image):
    with pytest.raises(MediaRejected, match="photo_url"):
        adapter.publish(CREDS, OutgoingPost(text="Hi", media=(replace(image, url="http://insecure.example/a.jpg"),)))


def test_server_error_is_temporary(adapter, fake_zalo, image):
    fake_zalo.fail_next("POST", r"/article/create$", Answer(502, "Bad Gateway"))
    with pytest.raises(TemporaryFailure):
        adapter.publish(CREDS, OutgoingPost(text="Hi", media=(image,)))


def test_timeout_then_find_published_finds_the_article(adapter, fake_zalo, image):
    post = OutgoingPost(text="Mất câu trả lời", link=LINK, media=(image,), idempotency_key="post-5")
    fake_zalo.fail_next("POST", r"/article/create$", hang_seconds=1.0)
    with pytest.raises(TemporaryFailure, match="did not answer in time"):
        adapter.publish(CREDS, post)
    wait_until(lambda: fake_zalo.posts)
    found = adapter.find_published(CREDS, post)
    assert found and found.platform_id in fake_zalo.posts and found.published_at
    assert adapter.find_published(CREDS, OutgoingPost(text="x", idempotency_key="post-6")) is None


def test_delete(adapter, fake_zalo, image):
    published = adapter.publish(CREDS, OutgoingPost(text="Short-lived", media=(image,)))
    adapter.delete(CREDS, published.platform_id)
    assert fake_zalo.posts == {}


def test_fetch_metrics(adapter, image):
    published = adapter.publish(CREDS, OutgoingPost(text="Counted", media=(image,)))
    metrics = adapter.fetch_metrics(CREDS, published.platform_id)
    assert (metrics.impressions, metrics.shares, metrics.reactions) == (340, 12, None)


def test_oauth_v4_with_pkce_and_one_time_refresh(adapter, fake_zalo):
    verifier = "z" * 43
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    url = adapter.authorization_url(client_id="zalo-app", redirect_uri="https://hub.example/cb", state="s1",
                                    code_challenge=challenge)
    assert urlsplit(url).path == "/v4/oa/permission" and parse_qs(urlsplit(url).query)["code_challenge"] == [challenge]
    code = fake_zalo.issue_code(code_verifier=verifier)
    tokens = adapter.exchange_code(client_id="zalo-app", client_secret="zalo-secret", redirect_uri="https://hub.example/cb",
                                   code=code, code_verifier=verifier)
    assert tokens.access_token in fake_zalo.tokens and tokens.expires_at
    renewed = adapter.refresh(CREDS, client_id="zalo-app", client_secret="zalo-secret")
    assert renewed.refresh_token != CREDS.refresh_token
    with pytest.raises(TokenExpired, match="has been used"):
        adapter.refresh(CREDS, client_id="zalo-app", client_secret="zalo-secret")


def test_no_token_in_errors_or_logs(adapter, fake_zalo, image, caplog):
    caplog.set_level(logging.DEBUG)
    messages = []
    for failure in (token_expired(), Answer(500, "oops"), None):
        if failure is None:
            fake_zalo.fail_next("POST", r"/article/create$", hang_seconds=1.0, handle_after_hang=False)
        else:
            fake_zalo.fail_next("POST", r"/article/create$", failure)
        with pytest.raises(PlatformError) as caught:
            adapter.publish(CREDS, OutgoingPost(text=f"Secret test {len(messages)}", media=(image,)))
        messages.append(str(caught.value))
    assert_no_token(*messages, caplog.text)


def test_whoami_is_getoa(adapter, fake_zalo):
    assert adapter.whoami(Credentials(access_token="zalo-oa-token", account_id="")) == AccountIdentity(
        account_id="579745863508352884", name="Đại sứ quán Việt Nam tại Pháp",
        details={"author": "Đại sứ quán Việt Nam tại Pháp"})
    assert fake_zalo.requests[-1].headers["access_token"] == "zalo-oa-token"
    with pytest.raises(TokenExpired, match="Access token is invalid"):
        adapter.whoami(Credentials(access_token="revoked", account_id=""))
