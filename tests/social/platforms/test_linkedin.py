"""The LinkedIn adapter against the local LinkedIn REST fake."""

from __future__ import annotations

import logging
from urllib.parse import parse_qs, urlsplit

import pytest

from social.platforms.base import (
    AccountIdentity, Credentials, DuplicateContent, MediaRejected, OutgoingPost, PlatformError, RateLimited, TemporaryFailure,
    TokenExpired,
)
from social.platforms.linkedin import LinkedInAdapter
from tests.social.fakes.linkedin import li_error, revoked_token, throttled
from tests.social.fakes.server import Answer

from .conftest import assert_no_token, wait_until

CREDS = Credentials(access_token="li-access-token", account_id="2414183", refresh_token="li-refresh-token")
LINK = "https://mofa.gov.vn/en/news/forum/?utm_source=linkedin&utm_id=post-9"


@pytest.fixture
def adapter(fake_linkedin):
    return LinkedInAdapter(fake_linkedin.url, timeout=0.5)


def test_publish_text_with_link_as_article(adapter, fake_linkedin):
    published = adapter.publish(CREDS, OutgoingPost(text="Economic forum (Hanoi) #VietNam", link=LINK, idempotency_key="post-9"))
    assert published.platform_id.startswith("urn:li:share:")
    post = fake_linkedin.posts[published.platform_id]
    assert post["commentary"] == r"Economic forum \(Hanoi\) {hashtag|\#|VietNam}"  # escaped, so LinkedIn does not cut it
    assert post["content"]["article"]["source"] == LINK
    headers = fake_linkedin.requests[0].headers
    assert headers["x-restli-protocol-version"] == "2.0.0" and len(headers["linkedin-version"]) == 6
    assert published.url == f"https://www.linkedin.com/feed/update/{published.platform_id}/"


def test_publish_with_image_initializes_then_uploads(adapter, fake_linkedin, image):
    published = adapter.publish(CREDS, OutgoingPost(text="Photo of the day", media=(image,)))
    media = fake_linkedin.posts[published.platform_id]["content"]["media"]
    assert fake_linkedin.images[media["id"]].startswith(b"\xff\xd8\xff") and media["altText"] == "A red square"
    assert [(r.method, r.path.split("/")[1]) for r in fake_linkedin.requests] == [
        ("POST", "rest"), ("PUT", "dms-uploads"), ("POST", "rest")]


def test_an_image_post_carries_its_link_in_the_commentary_and_is_found_by_it(adapter, fake_linkedin, image):
    """A post has an image or a link card, not both: with the image, the link (and its utm_id) is in the text."""
    post = OutgoingPost(text="Photo of the day", link=LINK, media=(image,), idempotency_key="post-9")
    published = adapter.publish(CREDS, post)
    sent = fake_linkedin.posts[published.platform_id]
    assert "article" not in sent["content"] and sent["content"]["media"]["id"]
    assert sent["commentary"].endswith(r"utm\_source=linkedin&utm\_id=post-9")  # escaped, so not cut
    assert adapter.find_published(CREDS, post).platform_id == published.platform_id


def test_too_long_refused_before_any_call(adapter, fake_linkedin):
    with pytest.raises(PlatformError, match="limit is 3000"):
        adapter.publish(CREDS, OutgoingPost(text="(" * 1501))  # 1,501 characters, 3,002 once escaped
    assert fake_linkedin.requests == []


def test_duplicate(adapter):
    adapter.publish(CREDS, OutgoingPost(text="Once"))
    with pytest.raises(DuplicateContent, match="duplicate of urn:li:share:"):
        adapter.publish(CREDS, OutgoingPost(text="Once"))


def test_revoked_token(adapter, fake_linkedin):
    fake_linkedin.fail_next("POST", r"^/rest/posts$", revoked_token())
    with pytest.raises(TokenExpired) as caught:
        adapter.publish(CREDS, OutgoingPost(text="Hi"))
    assert caught.value.code == "REVOKED_ACCESS_TOKEN"


def test_rate_limited_429(adapter, fake_linkedin):
    fake_linkedin.fail_next("POST", r"^/rest/posts$", throttled())
    with pytest.raises(RateLimited) as caught:
        adapter.publish(CREDS, OutgoingPost(text="Hi"))
    assert caught.value.retry_after == 60.0


def test_media_refused(adapter, fake_linkedin, image):
    fake_linkedin.fail_next("PUT", r"^/dms-uploads/", li_error(400, "Image format is not supported", "INVALID_IMAGE"))
    with pytest.raises(MediaRejected, match="not supported"):
        adapter.publish(CREDS, OutgoingPost(text="Hi", media=(image,)))


def test_server_error_is_temporary(adapter, fake_linkedin):
    fake_linkedin.fail_next("POST", r"^/rest/posts$", Answer(504, {"message": "Gateway timeout", "status": 504}))
    with pytest.raises(TemporaryFailure):
        adapter.publish(CREDS, OutgoingPost(text="Hi"))


def test_timeout_then_find_published_finds_the_post(adapter, fake_linkedin):
    post = OutgoingPost(text="Lost answer", link=LINK, idempotency_key="post-9")
    fake_linkedin.fail_next("POST", r"^/rest/posts$", hang_seconds=1.0)
    with pytest.raises(TemporaryFailure, match="did not answer in time"):
        adapter.publish(CREDS, post)
    wait_until(lambda: fake_linkedin.posts)
    found = adapter.find_published(CREDS, post)
    assert found and found.platform_id in fake_linkedin.posts and found.published_at
    assert adapter.find_published(CREDS, OutgoingPost(text="x", idempotency_key="post-10")) is None


def test_delete(adapter, fake_linkedin):
    published = adapter.publish(CREDS, OutgoingPost(text="Short-lived"))
    adapter.delete(CREDS, published.platform_id)
    assert fake_linkedin.posts == {}


def test_fetch_metrics(adapter):
    published = adapter.publish(CREDS, OutgoingPost(text="Counted"))
    metrics = adapter.fetch_metrics(CREDS, published.platform_id)
    assert (metrics.impressions, metrics.reach, metrics.clicks, metrics.reactions, metrics.comments, metrics.shares) == (
        1500, 800, 40, 25, 3, 6)


def test_oauth_exchange_and_refresh(adapter, fake_linkedin):
    url = adapter.authorization_url(client_id="li-client", redirect_uri="https://hub.example/cb", state="s1")
    assert "w_organization_social" in parse_qs(urlsplit(url).query)["scope"][0]
    code = fake_linkedin.issue_code(redirect_uri="https://hub.example/cb")
    tokens = adapter.exchange_code(client_id="li-client", client_secret="li-secret", redirect_uri="https://hub.example/cb", code=code)
    assert tokens.access_token in fake_linkedin.tokens and tokens.refresh_token and "w_organization_social" in tokens.scopes
    renewed = adapter.refresh(CREDS, client_id="li-client", client_secret="li-secret")
    assert renewed.access_token != tokens.access_token
    with pytest.raises(TokenExpired):
        adapter.refresh(Credentials(access_token="", account_id="1", refresh_token="gone"), client_id="li-client",
                        client_secret="li-secret")
    with pytest.raises(TokenExpired, match="reconnect"):
        adapter.refresh(Credentials(access_token="", account_id="1"), client_id="li-client", client_secret="li-secret")


def test_no_token_in_errors_or_logs(adapter, fake_linkedin, caplog):
    caplog.set_level(logging.DEBUG)
    messages = []
    for failure in (revoked_token(), Answer(500, "oops"), None):
        if failure is None:
            fake_linkedin.fail_next("POST", r"^/rest/posts$", hang_seconds=1.0, handle_after_hang=False)
        else:
            fake_linkedin.fail_next("POST", r"^/rest/posts$", failure)
        with pytest.raises(PlatformError) as caught:
            adapter.publish(CREDS, OutgoingPost(text=f"Secret test {len(messages)}"))
        messages.append(str(caught.value))
    assert_no_token(*messages, caplog.text)


def test_whoami_looks_the_organisation_up(adapter, fake_linkedin):
    assert adapter.whoami(CREDS) == AccountIdentity(account_id="2414183", name="Ministry of Foreign Affairs of Viet Nam",
                                                    details={"vanity_name": "mofa-vietnam"})
    assert fake_linkedin.requests[-1].headers["linkedin-version"] == "202511"
    with pytest.raises(PlatformError, match="Not enough permissions to access") as caught:
        adapter.whoami(Credentials(access_token="li-access-token", account_id="999"))
    assert caught.value.status == 403 and not isinstance(caught.value, TokenExpired)
    with pytest.raises(TokenExpired, match="revoked"):
        adapter.whoami(Credentials(access_token="revoked", account_id="2414183"))
