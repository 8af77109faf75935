"""The Telegram adapter against the local Bot API fake: sending, photos, limits and every documented error."""

import pytest

from social.platforms import adapter_for
from social.platforms.base import (
    AccountIdentity, Credentials, Media, MediaRejected, OutgoingPost, PlatformError, RateLimited, TemporaryFailure, TokenExpired,
)
from social.platforms.telegram import TelegramAdapter
from tests.social.fakes.telegram import FakeTelegram

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


@pytest.fixture
def fake():
    server = FakeTelegram().start()
    yield server
    server.stop()


@pytest.fixture
def adapter(fake):
    return TelegramAdapter(fake.url, timeout=2)


@pytest.fixture
def creds(fake):
    return Credentials(access_token=fake.token, account_id="@embassy_test")


def test_registered_and_bot_token_based(settings):
    settings.HUB_SOCIAL_API_BASES = {"telegram": "http://127.0.0.1:1"}
    adapter = adapter_for("telegram")
    assert isinstance(adapter, TelegramAdapter)
    assert adapter.base_url == "http://127.0.0.1:1"
    assert adapter.uses_oauth is False


def test_send_message_with_link(fake, adapter, creds):
    sent = adapter.publish(creds, OutgoingPost(text="Xin chào", link="https://vn.example/a?utm_id=k1"))
    assert list(fake.posts) == [sent.platform_id]
    message = fake.posts[sent.platform_id]
    assert message["text"] == "Xin chào\n\nhttps://vn.example/a?utm_id=k1"
    assert message["link_preview_options"]["url"] == "https://vn.example/a?utm_id=k1"
    assert sent.url == f"https://t.me/embassy_test/{message['message_id']}"
    assert sent.published_at is not None


def test_send_photo_multipart_with_caption(fake, adapter, creds, tmp_path):
    image = tmp_path / "og.png"
    image.write_bytes(PNG)
    sent = adapter.publish(creds, OutgoingPost(text="Caption", media=(Media("image", str(image), "image/png"),)))
    assert fake.posts[sent.platform_id]["caption"] == "Caption"
    assert fake.posts[sent.platform_id]["photo_bytes"] == PNG


def test_photo_that_is_not_an_image_is_rejected(adapter, creds, tmp_path):
    bogus = tmp_path / "x.txt"
    bogus.write_text("not an image")
    with pytest.raises(MediaRejected, match="IMAGE_PROCESS_FAILED"):
        adapter.publish(creds, OutgoingPost(text="c", media=(Media("image", str(bogus), "text/plain"),)))


def test_limits_checked_before_sending_and_by_the_fake(fake, adapter, creds, tmp_path):
    with pytest.raises(PlatformError, match="too long"):
        adapter.publish(creds, OutgoingPost(text="a" * 4097))
    image = tmp_path / "og.png"
    image.write_bytes(PNG)
    with pytest.raises(PlatformError, match="caption is too long"):
        adapter.publish(creds, OutgoingPost(text="a" * 1025, media=(Media("image", str(image), "image/png"),)))
    assert fake.posts == {}
    # the fake refuses what the adapter would have let through, as Telegram does
    assert adapter.count("😀" * 2048) == 4096  # UTF-16 code units, Telegram's own count
    with pytest.raises(PlatformError, match="message is too long"):
        adapter._call(fake.token, "sendMessage", data={"chat_id": "@embassy_test", "text": "😀" * 2049})


def test_wrong_token_is_token_expired(fake, adapter):
    with pytest.raises(TokenExpired, match="Unauthorized"):
        adapter.publish(Credentials(access_token="123456789:wrongwrongwrongwrongwrongwrongwrong", account_id="@x"),
                        OutgoingPost(text="hi"))
    with pytest.raises(TokenExpired):
        adapter.publish(Credentials(access_token="not-a-token", account_id="@x"), OutgoingPost(text="hi"))


def test_unknown_chat_is_refused(fake, adapter):
    with pytest.raises(TokenExpired, match="chat not found"):
        adapter.publish(Credentials(access_token=fake.token, account_id="@someone_else"), OutgoingPost(text="hi"))


def test_rate_limit_carries_retry_after(fake, adapter, creds):
    fake.rate_limit_next("sendMessage", 17)
    with pytest.raises(RateLimited) as caught:
        adapter.publish(creds, OutgoingPost(text="hi"))
    assert caught.value.retry_after == 17
    assert fake.posts == {}


def test_timeout_is_temporary_and_marked_as_a_lost_answer(fake, creds):
    adapter = TelegramAdapter(fake.url, timeout=0.3)
    fake.fail_next("POST", r"/sendMessage$", hang_seconds=0.8)
    with pytest.raises(TemporaryFailure) as caught:
        adapter.publish(creds, OutgoingPost(text="hi"))
    assert caught.value.code == "timeout"
    assert adapter.find_published(creds, OutgoingPost(text="hi")) is None  # the Bot API cannot read a channel


def test_unreachable_is_temporary_connection(creds):
    with pytest.raises(TemporaryFailure) as caught:
        TelegramAdapter("http://127.0.0.1:9", timeout=1).publish(creds, OutgoingPost(text="hi"))
    assert caught.value.code == "connection"


def test_delete(fake, adapter, creds):
    sent = adapter.publish(creds, OutgoingPost(text="bye"))
    adapter.delete(creds, sent.platform_id)
    assert fake.posts == {} and fake.deleted == [sent.platform_id]
    with pytest.raises(PlatformError, match="message to delete not found"):
        adapter.delete(creds, sent.platform_id)


def test_whoami_checks_the_bot_then_the_channel(fake, adapter, creds):
    assert adapter.whoami(creds) == AccountIdentity(account_id="-1001234567890", name="Embassy test",
                                                    details={"chat_id": "@embassy_test", "bot": "embassy_test_bot"})
    assert [request.path.rsplit("/", 1)[1] for request in fake.requests] == ["getMe", "getChat"]
    with pytest.raises(TokenExpired, match="chat not found"):
        adapter.whoami(Credentials(access_token=fake.token, account_id="@nope"))
    with pytest.raises(TokenExpired, match="Unauthorized"):
        adapter.whoami(Credentials(access_token="123456789:AAHwrongTokenForTests_abcdefghijklmn", account_id="@embassy_test"))
