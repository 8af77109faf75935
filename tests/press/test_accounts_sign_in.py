"""Journalists' sign-in to the press area: who may, throttling, the second factor, password reset, the status page
with its tokens and renewal, and that a journalist never reaches the Wagtail admin."""

import re

import pyotp
import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from press import factories
from press.models import AccreditationStatus, Journalist
from press.selectors import journalist_token_active

LOGIN, STATUS = "/en/press/login/", "/en/press/"


def _sign_in(client, user, *, password=factories.PASSWORD, code="", address="10.0.0.1"):
    return client.post(LOGIN, {"email": user.email, "password": password, "code": code}, REMOTE_ADDR=address)


@pytest.mark.parametrize(
    ("who", "signs_in"),
    [
        ("unverified", False), ("pending", True), ("accredited", True), ("expired", True), ("rejected", True),
        ("hq_press_office", False), ("hanoi_attache", False), ("mission_editor", False),
    ],
)
@pytest.mark.django_db
def test_who_signs_in_to_the_press_area(accounts_client, accounts_people, who, signs_in):
    user = accounts_people[who]
    if not hasattr(user, "journalist"):
        user.set_password(factories.PASSWORD)
        user.save()
    response = _sign_in(accounts_client, user)
    if signs_in:
        assert response.status_code == 302 and response["Location"] == STATUS
        assert accounts_client.get(STATUS).status_code == 200
    else:
        assert response.status_code == 400
        assert "_auth_user_id" not in accounts_client.session
        message = "Confirm your e-mail address first" if who == "unverified" else "is not right"
        assert message in response.content.decode()


@pytest.mark.parametrize(
    ("who", "standing", "shown"),
    [
        ("pending", "pending", "Waiting for accreditation"),
        ("accredited", "accredited", "Embassy in Hanoi"),
        ("expired", "expired", "Expired on"),
        ("rejected", "rejected", "No outlet found."),
    ],
)
@pytest.mark.django_db
def test_the_status_page_shows_status_scope_and_expiry(accounts_client, accounts_people, who, standing, shown):
    accounts_client.force_login(accounts_people[who])
    page = accounts_client.get(STATUS)
    html = page.content.decode()
    assert page.status_code == 200 and f'data-standing="{standing}"' in html and shown in html
    assert "private" in page["Cache-Control"] and "no-store" in page["Cache-Control"]
    assert ("Create a token" in html) == (who == "accredited")
    assert ("Ask to renew" in html) == (who in ("accredited", "expired"))


@pytest.mark.django_db
def test_anonymous_visitors_and_staff_are_kept_out_of_the_status_page(accounts_client, accounts_people):
    assert accounts_client.get(STATUS)["Location"].startswith(LOGIN)
    accounts_client.force_login(accounts_people["hq_press_office"])
    assert accounts_client.get(STATUS).status_code == 403


@pytest.mark.parametrize("who", ["pending", "accredited", "expired", "rejected"])
@pytest.mark.django_db
def test_a_journalist_never_reaches_the_wagtail_admin(accounts_client, accounts_people, who):
    user = accounts_people[who]
    assert not user.is_staff and not user.has_perm("wagtailadmin.access_admin")
    _sign_in(accounts_client, user)
    response = accounts_client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert accounts_client.get("/admin/press/journalists/").status_code in (302, 403)
    admin_login = accounts_client.post("/admin/login/", {"username": user.username, "password": factories.PASSWORD})
    assert accounts_client.get("/admin/").status_code == 302 and admin_login.status_code in (200, 302)


@pytest.mark.django_db
def test_brute_force_on_one_account_is_throttled_with_a_429_page(accounts_client, accounts_people, settings):
    user = accounts_people["accredited"]
    for attempt in range(settings.HUB_PRESS_LOGIN_FAILURES_PER_ACCOUNT):
        assert _sign_in(accounts_client, user, password=f"wrong-{attempt}", address=f"10.0.1.{attempt}").status_code == 400
    refused = _sign_in(accounts_client, user, address="10.0.9.9")  # the right password, from yet another address
    assert refused.status_code == 429 and "Too many failed sign-ins" in refused.content.decode()
    assert "_auth_user_id" not in accounts_client.session
    other = accounts_people["pending"]
    assert _sign_in(accounts_client, other, address="10.0.9.9").status_code == 302  # other accounts are unaffected
    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=settings.HUB_PRESS_LOGIN_LOCKOUT_SECONDS + 1)):
        accounts_client.logout()
        assert _sign_in(accounts_client, user).status_code == 302


@pytest.mark.django_db
def test_one_address_trying_many_accounts_is_throttled(accounts_client, accounts_people, settings):
    settings.HUB_PRESS_LOGIN_FAILURES_PER_ADDRESS = 3
    for index in range(3):
        response = accounts_client.post(
            LOGIN, {"email": f"guess{index}@example.org", "password": "guess-password-1"}, REMOTE_ADDR="10.6.6.6"
        )
        assert response.status_code == 400
    assert _sign_in(accounts_client, accounts_people["accredited"], address="10.6.6.6").status_code == 429
    assert _sign_in(accounts_client, accounts_people["accredited"], address="10.7.7.7").status_code == 302


@pytest.mark.django_db
def test_a_malformed_sign_in_is_a_form_error_not_a_500(accounts_client):
    response = accounts_client.post(LOGIN, {"email": "x" * 500, "password": ""})
    assert response.status_code == 400


@pytest.mark.django_db
def test_the_second_factor_is_set_up_confirmed_then_required(accounts_client, accounts_people):
    user = accounts_people["accredited"]
    accounts_client.force_login(user)
    started = accounts_client.post("/en/press/two-factor/", {"action": "start"})
    assert started.status_code == 200 and "<svg" in started.content.decode()
    secret = re.search(r'data-totp-secret>(\w+)<', started.content.decode()).group(1)
    assert accounts_client.post("/en/press/two-factor/", {"code": "000000"}).status_code == 400
    assert Journalist.objects.get(user=user).totp_confirmed_at is None
    assert accounts_client.post("/en/press/two-factor/", {"code": pyotp.TOTP(secret).now()}).status_code == 302
    accounts_client.logout()
    without = _sign_in(accounts_client, user)
    assert without.status_code == 400 and "6-digit code" in without.content.decode()
    assert _sign_in(accounts_client, user, code="123456").status_code == 400
    assert _sign_in(accounts_client, user, code=pyotp.TOTP(secret).now()).status_code == 302


@pytest.mark.django_db
def test_password_reset_by_e_mail_for_journalists_only(accounts_client, accounts_people):
    staff_user = accounts_people["hq_press_office"]
    accounts_client.post("/en/press/password-reset/", {"email": staff_user.email})
    assert mail.outbox == []  # staff reset their passwords in the admin
    journalist = accounts_people["accredited"]
    assert accounts_client.post("/en/press/password-reset/", {"email": journalist.email}).status_code == 302
    (message,) = mail.outbox
    link = re.search(r"http://testserver(\S+)", message.body).group(1)
    form = accounts_client.get(link, follow=True)
    assert form.status_code == 200
    target = form.redirect_chain[-1][0]
    weak = accounts_client.post(target, {"new_password1": "short-pass", "new_password2": "short-pass"})
    assert weak.status_code == 200 and "at least 12 characters" in weak.content.decode()
    new = "a-new-long-passphrase-99"
    assert accounts_client.post(target, {"new_password1": new, "new_password2": new}).status_code == 302
    assert _sign_in(accounts_client, journalist, password=new).status_code == 302


@pytest.mark.django_db
def test_sign_out_ends_the_session(accounts_client, accounts_people):
    _sign_in(accounts_client, accounts_people["pending"])
    assert accounts_client.post("/en/press/logout/").status_code == 302
    assert accounts_client.get(STATUS).status_code == 302


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("pending", 403), ("accredited", 302), ("expired", 403), ("rejected", 403),
     ("hq_press_office", 403), ("mission_editor", 403)],
)
@pytest.mark.django_db
def test_who_creates_an_api_token(accounts_client, accounts_people, who, status):
    if who != "anonymous":
        accounts_client.force_login(accounts_people[who])
    response = accounts_client.post("/en/press/tokens/", {"name": "newsroom reader"})
    assert response.status_code == status
    created = who == "accredited"
    assert Journalist.objects.filter(tokens__name="newsroom reader").exists() == created
    if created:
        page = accounts_client.get(STATUS).content.decode()
        token = re.search(r"<code>(ejt_\w+_[\w-]+)</code>", page).group(1)
        assert journalist_token_active(token=token).journalist.user == accounts_people[who]
        assert token not in accounts_client.get(STATUS).content.decode()  # shown once


@pytest.mark.django_db
def test_a_journalist_revokes_only_their_own_token(accounts_client, accounts_people):
    from press.services import journalist_token_issue

    own = journalist_token_issue(journalist=accounts_people["accredited"].journalist, name="own")
    other = journalist_token_issue(journalist=accounts_people["expired"].journalist, name="other")
    accounts_client.force_login(accounts_people["accredited"])
    assert accounts_client.post(f"/en/press/tokens/{other.record.pk}/revoke/").status_code == 404
    assert accounts_client.post(f"/en/press/tokens/{own.record.pk}/revoke/").status_code == 302
    assert journalist_token_active(token=own.token) is None and journalist_token_active(token=other.token) is not None


@pytest.mark.parametrize(
    ("who", "renews"), [("pending", False), ("accredited", True), ("expired", True), ("rejected", False)]
)
@pytest.mark.django_db
def test_renewal_goes_back_to_pending_keeping_the_old_scope(accounts_client, accounts_people, hanoi, who, renews):
    accounts_client.force_login(accounts_people[who])
    response = accounts_client.post("/en/press/renew/")
    journalist = Journalist.objects.get(user=accounts_people[who])
    if renews:
        assert response.status_code == 302
        assert journalist.status == AccreditationStatus.PENDING and journalist.renewal_requested_at is not None
        assert list(journalist.missions.all()) == [hanoi] and journalist.accredited_until is not None
        assert sorted(address for message in mail.outbox for address in message.to) == sorted(
            [accounts_people["hq_press_office"].email, accounts_people["hanoi_attache"].email]
        )
        assert "Renewal requested" in mail.outbox[0].subject
    else:
        assert response.status_code == 403 and mail.outbox == []
