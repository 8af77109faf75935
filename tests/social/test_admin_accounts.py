"""Connecting accounts in the admin, over HTTP: the OAuth 2 round trip with X's local fake (PKCE S256, signed
single-use state), bad state, denial and the platform's refusal as messages, the Telegram and Zalo token forms,
disconnecting, who may do what, and that no token reaches the database in clear or any page."""

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
import time_machine
from django.contrib.messages import get_messages
from django.db import connection as db
from django.utils import timezone

from embassies import factories
from hub.models import MissionSocialAccount
from tests.social.fakes.server import Answer
from social.delivery import deliver_due
from social.models import SocialConnection, SocialPost

from .conftest import header_title

pytestmark = pytest.mark.django_db


@pytest.fixture
def platforms(settings, fake_x, fake_zalo, telegram):
    settings.HUB_SOCIAL_API_BASES = {"x": fake_x.url, "zalo": fake_zalo.url, "telegram": telegram.url}
    settings.HUB_SOCIAL_OAUTH_CLIENTS = {"x": {"id": "x-client", "secret": "x-secret"},
                                         "zalo": {"id": "zalo-app", "secret": "zalo-secret"}}
    return settings


def account(mission, platform, handle="@embassy"):
    return MissionSocialAccount.objects.create(mission=mission, platform=platform, handle=handle,
                                               language_code="en", url=f"https://example.org/{platform}")


@pytest.fixture
def hanoi_x(hanoi, platforms):
    return account(hanoi, "x", "@VNinHanoi")


def connect_url(acc):
    return f"/admin/social/accounts/{acc.pk}/connect/"


def messages_of(response) -> str:
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def start_oauth(client, acc, external_id="2244994945"):
    """Press Connect: the hub answers with a redirect to the platform's consent page."""
    response = client.post(connect_url(acc), {"external_account_id": external_id})
    assert response.status_code == 302, response.content[:500]
    return response["Location"]


def consent(authorize_url):
    """The browser at the platform's consent page: where the platform sends it back (path + query on the hub)."""
    answer = requests.get(authorize_url, allow_redirects=False, timeout=5)
    assert answer.status_code == 302, answer.text
    back = urlsplit(answer.headers["Location"])
    assert back.netloc == "testserver"
    return f"{back.path}?{back.query}"


def raw_connection_rows() -> str:
    with db.cursor() as cursor:
        cursor.execute("SELECT * FROM social_socialconnection")
        return repr(cursor.fetchall())


def test_oauth_round_trip_with_x_stores_encrypted_tokens_and_shows_none(client, staff, hanoi_x, fake_x):
    client.force_login(staff["hanoi_head"])
    listing = client.get("/admin/social/accounts/")
    assert listing.status_code == 200 and b'data-standing="not connected"' in listing.content

    authorize = start_oauth(client, hanoi_x)
    query = parse_qs(urlsplit(authorize).query)
    assert authorize.startswith(f"{fake_x.url}/i/oauth2/authorize?")
    assert query["code_challenge_method"] == ["S256"] and len(query["code_challenge"][0]) == 43
    assert query["redirect_uri"] == ["http://testserver/admin/social/oauth/callback/"]
    assert "tweet.write" in query["scope"][0].split() and query["client_id"] == ["x-client"]

    response = client.get(consent(authorize))
    assert response.status_code == 302 and response["Location"] == "/admin/social/accounts/"
    assert "is connected" in messages_of(response)

    connection = SocialConnection.objects.get(account=hanoi_x)
    assert connection.status == "connected" and connection.external_account_id == "2244994945"  # from users/me
    assert connection.extra == {"name": "Vietnam in Hanoi", "username": "VNinHanoi"}
    assert "X says it is “Vietnam in Hanoi” (id 2244994945)" in messages_of(response)
    assert connection.access_token in fake_x.tokens and connection.refresh_token in fake_x.refresh_tokens
    assert connection.expires_at is not None and connection.connected_by == staff["hanoi_head"]
    token_request = [r for r in fake_x.requests if r.path == "/2/oauth2/token"][-1]
    assert token_request.form()["code_verifier"][0]  # the PKCE verifier went with the code

    secrets = (connection.access_token, connection.refresh_token)
    page = client.get("/admin/social/accounts/").content.decode()
    assert 'data-standing="connected"' in page and "Vietnam in Hanoi" in page
    for secret in secrets:
        assert secret not in raw_connection_rows() and secret not in page
        assert secret not in client.get(connect_url(hanoi_x)).content.decode()


def test_a_state_is_single_use(client, staff, hanoi_x):
    client.force_login(staff["hanoi_head"])
    back = consent(start_oauth(client, hanoi_x))
    assert client.get(back).status_code == 302
    SocialConnection.objects.filter(account=hanoi_x).delete()
    replay = client.get(back)
    assert replay.status_code == 302 and "already used" in messages_of(replay)
    assert not SocialConnection.objects.filter(account=hanoi_x).exists()


@pytest.mark.parametrize("tamper", ["altered", "missing", "other user", "too old"])
def test_a_bad_state_is_refused_with_a_message(client, staff, hanoi_x, tamper):
    client.force_login(staff["hanoi_head"])
    back = consent(start_oauth(client, hanoi_x))
    path, _, query = back.partition("?")
    params = {key: values[0] for key, values in parse_qs(query).items()}
    if tamper == "altered":
        params["state"] = params["state"][:-2] + ("AA" if not params["state"].endswith("AA") else "BB")
    elif tamper == "missing":
        del params["state"]
    elif tamper == "other user":
        client.force_login(staff["hq_admin"])  # a new session, a different user
    with time_machine.travel(timezone.now() + timedelta(minutes=11 if tamper == "too old" else 0)):
        response = client.get(path, params)
    assert response.status_code == 302 and response["Location"] == "/admin/social/accounts/"
    assert "could not be checked" in messages_of(response) or "not started by you" in messages_of(response)
    assert not SocialConnection.objects.filter(account=hanoi_x).exists()


def test_denied_consent_is_a_message(client, staff, hanoi_x, fake_x):
    client.force_login(staff["hanoi_head"])
    fake_x.deny_consent = True
    back = consent(start_oauth(client, hanoi_x))
    assert "error=access_denied" in back
    response = client.get(back)
    assert response.status_code == 302 and "did not connect the account: access_denied" in messages_of(response)
    assert not SocialConnection.objects.filter(account=hanoi_x).exists()


def test_the_platforms_refusal_of_the_code_is_a_message(client, staff, hanoi_x):
    client.force_login(staff["hanoi_head"])
    state = parse_qs(urlsplit(start_oauth(client, hanoi_x)).query)["state"][0]
    response = client.get("/admin/social/oauth/callback/", {"state": state, "code": "made-up"})
    assert response.status_code == 302
    assert "X refused the connection: Value passed for the authorization code was invalid." in messages_of(response)
    assert not SocialConnection.objects.filter(account=hanoi_x).exists()


def test_connect_without_a_configured_app_is_a_form_error(client, staff, hanoi_x, settings):
    settings.HUB_SOCIAL_OAUTH_CLIENTS = {}
    client.force_login(staff["hanoi_head"])
    response = client.post(connect_url(hanoi_x), {"external_account_id": "2244994945"})
    assert response.status_code == 400 and b"no X app configured" in response.content
    assert not client.session.get("social_oauth")


def test_telegram_token_form_is_write_only(client, staff, hanoi, platforms, telegram):
    acc = account(hanoi, "telegram", "@embassy_test")
    client.force_login(staff["hanoi_head"])
    form = client.get(connect_url(acc))
    assert form.status_code == 200 and b'type="password"' in form.content
    wrong = client.post(connect_url(acc), {"token": "123456789:AAHwrongTokenForTests_abcdefghijklmn", "chat": "@embassy_test"})
    assert wrong.status_code == 400 and b"Telegram refused: Unauthorized" in wrong.content
    other_chat = client.post(connect_url(acc), {"token": telegram.token, "chat": "@someone_else"})
    assert other_chat.status_code == 400 and b"Telegram refused: Bad Request: chat not found" in other_chat.content
    assert b"AAHwrongTokenForTests" not in wrong.content
    assert not SocialConnection.objects.filter(account=acc).exists()
    right = client.post(connect_url(acc), {"token": telegram.token, "chat": "@embassy_test"})
    assert right.status_code == 302
    connection = SocialConnection.objects.get(account=acc)
    assert connection.access_token == telegram.token and connection.external_account_id == str(telegram.chat["id"])
    assert connection.extra == {"chat_id": "@embassy_test", "bot": "embassy_test_bot", "name": "Embassy test"}
    assert '<td data-platform-name>Embassy test' in client.get("/admin/social/accounts/").content.decode()
    assert telegram.token not in raw_connection_rows()
    assert telegram.token not in client.get("/admin/social/accounts/").content.decode()
    assert telegram.token not in client.get(connect_url(acc)).content.decode()


def test_zalo_oa_tokens_are_proved_by_a_refresh(client, staff, hanoi, platforms, fake_zalo):
    acc = account(hanoi, "zalo", "Đại sứ quán")
    client.force_login(staff["hanoi_head"])
    used = client.post(connect_url(acc), {"access_token": "zalo-oa-token", "refresh_token": "spent-one"})
    assert used.status_code == 400 and b"Zalo refused" in used.content and b"spent-one" not in used.content
    response = client.post(connect_url(acc), {"access_token": "zalo-oa-token", "refresh_token": "zalo-refresh-token"})
    assert response.status_code == 302
    connection = SocialConnection.objects.get(account=acc)
    assert connection.external_account_id == fake_zalo.oa_id and connection.extra["name"] == fake_zalo.oa_name  # getoa
    assert connection.access_token in fake_zalo.tokens and connection.expires_at is not None
    assert "zalo-oa-token" not in raw_connection_rows() and connection.access_token not in raw_connection_rows()


def test_disconnect_asks_then_forgets_the_tokens(client, staff, hanoi_x):
    client.force_login(staff["hanoi_head"])
    client.get(consent(start_oauth(client, hanoi_x)))
    url = f"/admin/social/accounts/{hanoi_x.pk}/disconnect/"
    assert b"Yes, disconnect" in client.get(url).content
    assert SocialConnection.objects.get(account=hanoi_x).status == "connected"  # a GET changes nothing
    assert client.post(url).status_code == 302
    connection = SocialConnection.objects.get(account=hanoi_x)
    assert connection.status == "disconnected" and connection.access_token_encrypted == ""
    assert connection.refresh_token_encrypted == ""
    assert b'data-standing="not connected"' in client.get("/admin/social/accounts/").content


@pytest.mark.parametrize(("username", "listing", "connect", "shows_connect"), [
    ("hanoi_head", 200, 200, True),
    ("hq_admin", 200, 200, True),
    ("hanoi_editor", 200, 403, False),
    ("paris_editor", 200, 404, False),
    ("asia_reviewer", 404, 404, False),
])
def test_who_may_see_and_connect(client, staff, hanoi_x, username, listing, connect, shows_connect):
    client.force_login(staff[username])
    page = client.get("/admin/social/accounts/")
    assert page.status_code == listing
    assert (f'data-account="{hanoi_x.pk}"' in page.content.decode()) == (listing == 200 and username != "paris_editor")
    assert (connect_url(hanoi_x) in page.content.decode()) == shows_connect
    assert client.get(connect_url(hanoi_x)).status_code == connect
    assert client.post(connect_url(hanoi_x), {"external_account_id": "1"}).status_code == (302 if connect == 200 else connect)
    disconnect = client.post(f"/admin/social/accounts/{hanoi_x.pk}/disconnect/")
    assert disconnect.status_code == (302 if connect == 200 else connect)


def test_a_head_cannot_finish_a_connection_for_another_missions_account(client, staff, paris, platforms):
    paris_x = account(paris, "x", "@FRinParis")
    client.force_login(staff["hanoi_head"])
    assert client.get(connect_url(paris_x)).status_code == 404
    assert client.post(f"/admin/social/accounts/{paris_x.pk}/disconnect/").status_code == 404
    assert paris_x.handle.encode() not in client.get("/admin/social/accounts/").content


@pytest.mark.parametrize(("username", "items"), [
    ("hq_admin", {"/admin/social/accounts/", "/admin/social/failures/", "/admin/social/calendar/", "/admin/social/campaigns/"}),
    ("hanoi_editor", {"/admin/social/accounts/", "/admin/social/failures/", "/admin/social/calendar/"}),
    ("asia_reviewer", set()),
])
def test_the_social_menu_shows_what_the_user_may_open(client, staff, username, items):
    client.force_login(staff[username])
    page = client.get("/admin/").content.decode()
    shown = {url for url in ("/admin/social/accounts/", "/admin/social/failures/", "/admin/social/calendar/",
                             "/admin/social/campaigns/") if url in page}
    assert shown == items


def test_facebook_connects_with_the_pages_token_and_posts_with_it(client, staff, hanoi, settings, fake_facebook):
    """The OAuth callback keeps the Page's token (read with the long-lived user token), and a post goes out with it."""
    settings.HUB_SOCIAL_API_BASES = {"facebook": fake_facebook.url}
    settings.HUB_SOCIAL_OAUTH_CLIENTS = {"facebook": {"id": "fb-app", "secret": "fb-secret"}}
    acc = account(hanoi, "facebook", "VNEmbassyFR")
    client.force_login(staff["hanoi_head"])
    authorize = start_oauth(client, acc, external_id=fake_facebook.page_id)
    assert authorize.startswith(f"{fake_facebook.url}/v23.0/dialog/oauth?")
    query = parse_qs(urlsplit(authorize).query)
    code = fake_facebook.issue_code(redirect_uri=query["redirect_uri"][0])
    response = client.get("/admin/social/oauth/callback/", {"state": query["state"][0], "code": code})
    assert response.status_code == 302 and "is connected" in messages_of(response)

    connection = SocialConnection.objects.get(account=acc)
    assert connection.access_token == "fb-page-token" and connection.extra["name"] == fake_facebook.page_name
    user_token = connection.refresh_token
    assert user_token in fake_facebook.user_tokens and connection.expires_at is not None
    assert "fb-page-token" not in raw_connection_rows() and user_token not in raw_connection_rows()

    page = factories.article(factories.section(hanoi), title="Quốc khánh")
    post = SocialPost.objects.create(page=page, account=acc, text="Chúc mừng Quốc khánh", status=SocialPost.Status.APPROVED)
    deliver_due()
    post.refresh_from_db()
    assert post.status == "sent" and post.platform_id in fake_facebook.posts
    [feed] = [r for r in fake_facebook.requests if r.path.endswith("/feed")]
    assert feed.headers["authorization"] == "Bearer fb-page-token"


def test_a_token_the_platform_refuses_on_whoami_saves_nothing(client, staff, hanoi_x, fake_x):
    """The code exchange worked, but X refuses the token when asked whose it is: a message, and no connection."""
    client.force_login(staff["hanoi_head"])
    fake_x.fail_next("GET", r"/2/users/me$", Answer(403, {"title": "Forbidden", "type": "about:blank", "status": 403,
                                                          "detail": "This app is suspended."}))
    response = client.get(consent(start_oauth(client, hanoi_x)))
    assert response.status_code == 302 and "X refused the connection: This app is suspended." in messages_of(response)
    assert not SocialConnection.objects.filter(account=hanoi_x).exists()


def test_linkedin_asks_which_organisation_and_checks_it(client, staff, hanoi, settings, fake_linkedin):
    settings.HUB_SOCIAL_API_BASES = {"linkedin": fake_linkedin.url}
    settings.HUB_SOCIAL_OAUTH_CLIENTS = {"linkedin": {"id": "li-client", "secret": "li-secret"}}
    acc = account(hanoi, "linkedin", "mofa-vietnam")
    client.force_login(staff["hanoi_head"])
    assert b"LinkedIn organisation id" in client.get(connect_url(acc)).content
    for organisation, outcome in (("999", "LinkedIn refused the connection: Not enough permissions to access"),
                                  ("2414183", "LinkedIn says it is “Ministry of Foreign Affairs of Viet Nam” (id 2414183)")):
        query = parse_qs(urlsplit(start_oauth(client, acc, external_id=organisation)).query)
        code = fake_linkedin.issue_code(redirect_uri=query["redirect_uri"][0])
        response = client.get("/admin/social/oauth/callback/", {"state": query["state"][0], "code": code})
        assert outcome in messages_of(response)
    assert SocialConnection.objects.get(account=acc).extra["name"] == "Ministry of Foreign Affairs of Viet Nam"


def test_x_asks_for_no_account_id(client, staff, hanoi_x):
    client.force_login(staff["hanoi_head"])
    form = client.get(connect_url(hanoi_x)).content.decode()
    assert 'name="external_account_id"' not in form and "Continue to X" in form


@pytest.mark.parametrize(("path", "title"), [
    ("/admin/social/accounts/", "Social accounts"),
    ("/admin/social/failures/", "Failed social posts"),
    ("/admin/social/calendar/", "Social calendar"),
    ("connect", "Connect account"),
])
def test_each_social_screen_is_named_in_its_header(client, staff, hanoi_x, path, title):
    """Wagtail's header shows the last breadcrumb: every social screen read "Home" there (the social journey's
    screenshots showed it)."""
    client.force_login(staff["hanoi_head"])
    html = client.get(connect_url(hanoi_x) if path == "connect" else path).content.decode()
    assert header_title(html).startswith(title)
