"""The Facebook Pages adapter against the local Graph API fake."""

from __future__ import annotations

import logging
from urllib.parse import parse_qs, urlsplit

import pytest

from social.platforms.base import (
    AccountIdentity, Credentials, DuplicateContent, Media, MediaRejected, OutgoingPost, PlatformError, RateLimited, TemporaryFailure,
    TokenExpired,
)
from social.platforms.facebook import FacebookAdapter
from tests.social.fakes.facebook import expired_token, graph_error, page_rate_limited
from tests.social.fakes.server import Answer

from .conftest import assert_no_token, wait_until

CREDS = Credentials(access_token="fb-page-token", account_id="1234567890")
LINK = "https://mofa.gov.vn/vi/tin-tuc/chuyen-tham/?utm_source=facebook&utm_id=post-7"


@pytest.fixture
def adapter(fake_facebook):
    return FacebookAdapter(fake_facebook.url, timeout=0.5)


def test_publish_text_with_link(adapter, fake_facebook):
    published = adapter.publish(CREDS, OutgoingPost(text="Chuyến thăm Nhật Bản", link=LINK, idempotency_key="post-7"))
    assert fake_facebook.posts[published.platform_id] | {"created_time": ""} == {
        "message": "Chuyến thăm Nhật Bản", "link": LINK, "created_time": ""}
    assert published.url == f"https://www.facebook.com/{published.platform_id}"
    assert fake_facebook.requests[0].headers["authorization"] == "Bearer fb-page-token"
    assert "access_token" not in fake_facebook.requests[0].query


def test_publish_with_image_uploads_the_photo(adapter, fake_facebook, image):
    published = adapter.publish(CREDS, OutgoingPost(text="Ảnh trong ngày", link=LINK, media=(image,)))
    post = fake_facebook.posts[published.platform_id]
    assert post["photo_bytes"] > 0 and post["alt_text"] == "A red square"
    assert post["caption"] == f"Ảnh trong ngày\n\n{LINK}"
    assert fake_facebook.requests[0].path.endswith("/1234567890/photos")


def test_too_long_refused_before_any_call(adapter, fake_facebook):
    with pytest.raises(PlatformError, match="limit is 63206"):
        adapter.publish(CREDS, OutgoingPost(text="a" * 63207))
    assert fake_facebook.requests == []


def test_duplicate_is_code_506(adapter):
    adapter.publish(CREDS, OutgoingPost(text="Once"))
    with pytest.raises(DuplicateContent, match="Duplicate status message") as caught:
        adapter.publish(CREDS, OutgoingPost(text="Once"))
    assert caught.value.code == "506"


def test_expired_token_is_code_190(adapter, fake_facebook):
    fake_facebook.fail_next("POST", r"/feed$", expired_token())
    with pytest.raises(TokenExpired, match="Session has expired"):
        adapter.publish(CREDS, OutgoingPost(text="Hi"))


@pytest.mark.parametrize("code", [4, 17, 613])
def test_throttling_codes_are_rate_limits(adapter, fake_facebook, code):
    fake_facebook.fail_next("POST", r"/feed$", graph_error("(#%d) Calls limit reached" % code, code, status=400))
    with pytest.raises(RateLimited) as caught:
        adapter.publish(CREDS, OutgoingPost(text="Hi"))
    assert caught.value.retry_after == 60.0


def test_page_rate_limit_reads_business_use_case_header(adapter, fake_facebook):
    fake_facebook.fail_next("POST", r"/feed$", page_rate_limited(minutes=19))
    with pytest.raises(RateLimited) as caught:
        adapter.publish(CREDS, OutgoingPost(text="Hi"))
    assert caught.value.retry_after == 19 * 60 and caught.value.code == "32"


def test_media_refused(adapter, fake_facebook, tmp_path):
    not_an_image = tmp_path / "fake.jpg"
    not_an_image.write_bytes(b"GIF89a nope")
    with pytest.raises(MediaRejected, match="Requires upload file"):
        adapter.publish(CREDS, OutgoingPost(text="Hi", media=(Media("image", str(not_an_image), "image/jpeg"),)))


def test_server_error_is_temporary(adapter, fake_facebook):
    fake_facebook.fail_next("POST", r"/feed$", graph_error("An unexpected error has occurred.", 2, status=500))
    with pytest.raises(TemporaryFailure):
        adapter.publish(CREDS, OutgoingPost(text="Hi"))


def test_timeout_then_find_published_finds_the_post(adapter, fake_facebook):
    post = OutgoingPost(text="Mất câu trả lời", link=LINK, idempotency_key="post-7")
    fake_facebook.fail_next("POST", r"/feed$", hang_seconds=1.0)
    with pytest.raises(TemporaryFailure, match="did not answer in time"):
        adapter.publish(CREDS, post)
    wait_until(lambda: fake_facebook.posts)
    found = adapter.find_published(CREDS, post)
    assert found and found.platform_id in fake_facebook.posts and "/posts/" in found.url
    assert adapter.find_published(CREDS, OutgoingPost(text="x", idempotency_key="post-8")) is None


def test_delete(adapter, fake_facebook):
    published = adapter.publish(CREDS, OutgoingPost(text="Short-lived"))
    adapter.delete(CREDS, published.platform_id)
    assert fake_facebook.posts == {}


def test_fetch_metrics(adapter):
    published = adapter.publish(CREDS, OutgoingPost(text="Counted"))
    metrics = adapter.fetch_metrics(CREDS, published.platform_id)
    assert (metrics.impressions, metrics.reach, metrics.clicks, metrics.reactions) == (1200, 900, 45, 35)


def test_oauth_exchange_refresh_and_page_token(adapter, fake_facebook):
    url = adapter.authorization_url(client_id="fb-app", redirect_uri="https://hub.example/cb", state="s1")
    assert "/v23.0/dialog/oauth" in url and "pages_manage_posts" in parse_qs(urlsplit(url).query)["scope"][0]
    code = fake_facebook.issue_code(redirect_uri="https://hub.example/cb")
    user = adapter.exchange_code(client_id="fb-app", client_secret="fb-secret", redirect_uri="https://hub.example/cb", code=code)
    assert user.access_token in fake_facebook.user_tokens and user.expires_at
    kept = adapter.account_tokens(user, account_id="1234567890", client_id="fb-app", client_secret="fb-secret")
    assert kept.access_token == "fb-page-token"  # posts go out with the Page's token
    assert kept.refresh_token in fake_facebook.user_tokens and kept.refresh_token != user.access_token  # long-lived
    exchanges = [r.query for r in fake_facebook.requests if r.path.endswith("/oauth/access_token")]
    assert exchanges[-1]["grant_type"] == ["fb_exchange_token"] and exchanges[-1]["fb_exchange_token"] == [user.access_token]
    renewed = adapter.refresh(Credentials(access_token=kept.access_token, account_id="1234567890",
                                          refresh_token=kept.refresh_token), client_id="fb-app", client_secret="fb-secret")
    assert renewed.access_token == "fb-page-token" and renewed.refresh_token not in ("", kept.refresh_token)
    assert adapter.page_token(user_token=renewed.refresh_token, page_id="1234567890") == "fb-page-token"
    with pytest.raises(TokenExpired):
        adapter.refresh(Credentials(access_token="p", account_id="1", refresh_token="revoked"),
                        client_id="fb-app", client_secret="fb-secret")
    with pytest.raises(TokenExpired, match="reconnect"):
        adapter.refresh(Credentials(access_token="p", account_id="1"), client_id="fb-app", client_secret="fb-secret")


def test_a_page_the_user_does_not_manage_gives_no_page_token(adapter, fake_facebook):
    with pytest.raises(PlatformError, match="does not exist, cannot be loaded due to missing permissions"):
        adapter.page_token(user_token="fb-user-token", page_id="999")


def test_posting_with_a_user_token_is_refused_as_graph_does(adapter, fake_facebook, image):
    user = Credentials(access_token="fb-user-token", account_id="1234567890")
    for post in (OutgoingPost(text="Feed with the wrong token"), OutgoingPost(text="Photo", media=(image,))):
        with pytest.raises(TokenExpired, match=r"\(#200\) If posting to a page, requires both pages_read_engagement and "
                                               "pages_manage_posts") as caught:
            adapter.publish(user, post)
        assert caught.value.code == "200" and caught.value.status == 403
    assert fake_facebook.posts == {}


def test_no_token_in_errors_or_logs(adapter, fake_facebook, caplog):
    caplog.set_level(logging.DEBUG)
    messages = []
    for failure in (expired_token(), Answer(502, "Bad Gateway"), None):
        if failure is None:
            fake_facebook.fail_next("POST", r"/feed$", hang_seconds=1.0, handle_after_hang=False)
        else:
            fake_facebook.fail_next("POST", r"/feed$", failure)
        with pytest.raises(PlatformError) as caught:
            adapter.publish(CREDS, OutgoingPost(text=f"Secret test {len(messages)}"))
        messages.append(str(caught.value))
    assert_no_token(*messages, caplog.text)


def test_whoami_names_the_page(adapter, fake_facebook):
    assert adapter.whoami(CREDS) == AccountIdentity(account_id="1234567890", name="Đại sứ quán Việt Nam tại Pháp")
    assert fake_facebook.requests[-1].query["fields"] == ["id,name"]
    with pytest.raises(PlatformError, match="Object with ID '999' does not exist"):
        adapter.whoami(Credentials(access_token="fb-page-token", account_id="999"))
    with pytest.raises(TokenExpired, match="Session has expired"):
        adapter.whoami(Credentials(access_token="revoked", account_id="1234567890"))
