"""Tokens are encrypted at rest with the configured keys, rotate to a new first key, and never show."""

import logging

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection as db

from social import crypto
from social.delivery import deliver_due
from social.models import SocialConnection, SocialPost
from social.platforms.base import TokenExpired

pytestmark = pytest.mark.django_db


def raw_row(pk):
    with db.cursor() as cursor:
        cursor.execute("SELECT * FROM social_socialconnection WHERE id = %s", [pk])
        return " ".join(str(value) for value in cursor.fetchone())


def test_database_row_holds_no_plaintext_token(paris_telegram, telegram):
    connection = paris_telegram.connection
    row = raw_row(connection.pk)
    assert telegram.token not in row
    assert telegram.token.split(":")[1] not in row
    assert connection.access_token == telegram.token
    assert telegram.token not in repr(connection) and telegram.token not in str(connection)
    assert connection.external_account_id == str(telegram.chat["id"])


def test_rotation_reencrypts_with_the_first_key(paris_telegram, telegram, settings):
    before = SocialConnection.objects.get(pk=paris_telegram.connection.pk).access_token_encrypted
    new_key = Fernet.generate_key().decode()
    old_keys = list(settings.HUB_SOCIAL_TOKEN_KEYS)
    settings.HUB_SOCIAL_TOKEN_KEYS = [new_key, *old_keys]
    crypto.reset_keys()
    call_command("social_rotate_keys", stdout=open("/dev/null", "w"))
    after = SocialConnection.objects.get(pk=paris_telegram.connection.pk)
    assert after.access_token_encrypted != before
    assert Fernet(new_key.encode()).decrypt(after.access_token_encrypted.encode()).decode() == telegram.token
    # the old key can go now: the new one alone reads every token
    settings.HUB_SOCIAL_TOKEN_KEYS = [new_key]
    crypto.reset_keys()
    assert SocialConnection.objects.get(pk=after.pk).access_token == telegram.token
    crypto.reset_keys()


def test_rotation_rewrites_all_or_none(paris, paris_telegram, settings):
    """A token no configured key reads stops the rotation with a clear error, and no row was rewritten."""
    from django.core.management.base import CommandError

    from hub.models import MissionSocialAccount

    readable_before = SocialConnection.objects.get(pk=paris_telegram.connection.pk).access_token_encrypted
    lost_key = Fernet.generate_key()
    orphan = SocialConnection.objects.create(
        account=MissionSocialAccount.objects.create(mission=paris, platform="zalo", handle="oa", url="https://oa.zalo.me/1"),
        access_token_encrypted=Fernet(lost_key).encrypt(b"zalo-token").decode(),
    )
    settings.HUB_SOCIAL_TOKEN_KEYS = [Fernet.generate_key().decode(), *settings.HUB_SOCIAL_TOKEN_KEYS]
    crypto.reset_keys()
    with pytest.raises(CommandError, match=f"connection {orphan.pk} .*nothing was re-encrypted"):
        call_command("social_rotate_keys", stdout=open("/dev/null", "w"))
    assert SocialConnection.objects.get(pk=paris_telegram.connection.pk).access_token_encrypted == readable_before
    crypto.reset_keys()


def test_wrong_key_cannot_read(paris_telegram, settings):
    settings.HUB_SOCIAL_TOKEN_KEYS = [Fernet.generate_key().decode()]
    crypto.reset_keys()
    with pytest.raises(crypto.InvalidToken):
        SocialConnection.objects.get(pk=paris_telegram.connection.pk).access_token
    crypto.reset_keys()


def test_token_never_in_logs(paris_telegram, paris_page, telegram, caplog):
    caplog.set_level(logging.DEBUG)
    SocialPost.objects.create(page=paris_page, account=paris_telegram, text="Bonjour",
                              status=SocialPost.Status.APPROVED)
    telegram.fail_next("POST", r"/sendMessage$", hang_seconds=1.0)  # logs of a failing round too
    deliver_due()
    assert telegram.token not in caplog.text
    assert telegram.token.split(":")[1] not in caplog.text


def test_disconnect_forgets_tokens(paris_telegram):
    from social.services import credentials_for, disconnect

    disconnect(paris_telegram)
    connection = SocialConnection.objects.get(account=paris_telegram)
    assert connection.access_token_encrypted == "" and connection.status == "disconnected"
    with pytest.raises(TokenExpired):
        credentials_for(connection)


def test_bad_token_is_not_saved(paris, telegram, hub_points_at):
    from hub.models import MissionSocialAccount
    from social.services import connect_with_token

    account = MissionSocialAccount.objects.create(mission=paris, platform="telegram", handle="@x", url="https://t.me/x")
    with pytest.raises(TokenExpired, match="Unauthorized"):
        connect_with_token(account, token="123456789:wrongwrongwrongwrongwrongwrongwrong", chat="@embassy_test")
    assert not SocialConnection.objects.filter(account=account).exists()


def test_a_facebook_page_connected_by_oauth_posts_with_its_page_token(paris, paris_page, fake_facebook, settings):
    """The code gives a user token, which the Graph API refuses for page posts: the connection keeps the page token
    (read with the long-lived user token), so the page's posts go out (the social browser journey found this)."""
    from hub.models import MissionSocialAccount
    from social.services import connect_with_code

    settings.HUB_SOCIAL_API_BASES = {"facebook": fake_facebook.url}
    settings.HUB_SOCIAL_OAUTH_CLIENTS = {"facebook": {"id": "fb-app", "secret": "fb-secret"}}
    account = MissionSocialAccount.objects.create(mission=paris, platform="facebook", handle="AmbassadeParis",
                                                  language_code="fr", url="https://www.facebook.com/ambassade")
    code = fake_facebook.issue_code(redirect_uri="https://hub.example/cb")
    connection = connect_with_code(account, code=code, redirect_uri="https://hub.example/cb",
                                   external_account_id=fake_facebook.page_id)
    assert connection.access_token == "fb-page-token"
    assert connection.refresh_token in fake_facebook.user_tokens and connection.expires_at is not None  # refresh by
    assert "fb-page-token" not in raw_row(connection.pk)
    post = SocialPost.objects.create(page=paris_page, account=account, text="Bonjour", status=SocialPost.Status.APPROVED)
    deliver_due()
    post.refresh_from_db()
    assert post.status == "sent", post.last_error
    assert [record["message"] for record in fake_facebook.posts.values()] == ["Bonjour"]
