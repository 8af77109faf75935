"""/api/v1/press/journalists/: registration with the form's checks and JSON errors naming fields, throttled; and
/me/ with the journalist's own token."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from press.models import AccreditationStatus, Journalist
from press.services import journalist_token_issue, journalist_token_revoke

from .conftest import accounts_png_bytes

REGISTER, ME = "/api/v1/press/journalists/", "/api/v1/press/journalists/me/"


def _body(**changes):
    body = {
        "full_name": "Lena Vogel", "outlet": "Tagesblatt", "outlet_country": "DE", "language_codes": ["de", "en"],
        "email": "lena@tagesblatt.example", "password": "a-long-enough-passphrase-7", "requested_missions": ["paris"],
        "press_card": SimpleUploadedFile("card.png", accounts_png_bytes(), content_type="image/png"),
    }
    body.update(changes)
    return {key: value for key, value in body.items() if value is not None}


@pytest.mark.django_db
def test_registration_answers_201_unverified_and_sends_the_link(accounts_client, paris):
    response = accounts_client.post(REGISTER, _body())
    assert response.status_code == 201, response.content
    assert response.json() == {
        "full_name": "Lena Vogel", "outlet": "Tagesblatt", "status": "unverified", "accredited_until": None,
        "accredited_for": [], "requested_missions": ["paris"],
    }
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    journalist = Journalist.objects.get(user__email="lena@tagesblatt.example")
    assert journalist.status == AccreditationStatus.UNVERIFIED and not journalist.user.is_staff
    assert [message.to for message in mail.outbox] == [["lena@tagesblatt.example"]]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"outlet_country": "ZZ"}, "outlet_country"),
        ({"password": "tooshort-1"}, "password"),
        ({"email": "journalist@"}, "email"),
        ({"language_codes": ["xx"]}, "language_codes"),
        ({"press_card": SimpleUploadedFile("card.png", b"GIF89a disguised", content_type="image/png")}, "press_card"),
        ({"full_name": None, "press_card": None}, "full_name"),
    ],
)
@pytest.mark.django_db
def test_bad_registrations_are_json_400s_naming_the_field(accounts_client, changes, field):
    response = accounts_client.post(REGISTER, _body(**changes))
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid" and field in body["details"] and body["details"][field][0]
    assert not Journalist.objects.filter(user__email="lena@tagesblatt.example").exists()


@pytest.mark.django_db
def test_an_oversized_card_is_a_json_400(accounts_client, settings):
    settings.HUB_PRESS_CARD_MAX_BYTES = 100
    big = SimpleUploadedFile("card.png", accounts_png_bytes(size=(400, 400)), content_type="image/png")
    oversized = accounts_client.post(REGISTER, _body(press_card=big))
    assert oversized.status_code == 400 and "limit" in oversized.json()["details"]["press_card"][0]


@pytest.mark.django_db
def test_a_taken_e_mail_answers_as_a_new_registration_and_mails_its_holder(accounts_client, accounts_people, paris):
    holder = accounts_people["pending"]
    existing = accounts_client.post(REGISTER, _body(email=holder.email.upper()))
    existing_mail = list(mail.outbox)
    mail.outbox.clear()
    fresh = accounts_client.post(REGISTER, _body())
    assert (existing.status_code, fresh.status_code) == (201, 201)
    assert existing.content == fresh.content
    assert existing["Cache-Control"] == fresh["Cache-Control"]
    assert Journalist.objects.filter(user__email__iexact=holder.email).count() == 1
    [notice] = existing_mail
    assert notice.to == [holder.email] and "tried to register" in notice.subject and "/press/login/" in notice.body


@pytest.mark.django_db
def test_a_json_body_is_a_415_not_a_500(accounts_client):
    response = accounts_client.post(REGISTER, {"email": "x@example.org"}, content_type="application/json")
    assert response.status_code == 415 and response.json()["code"]


@pytest.mark.django_db
def test_registrations_are_throttled_per_address(accounts_client, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
        **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "press_register": "2/hour"}}
    statuses = [
        accounts_client.post(REGISTER, _body(email=f"r{index}@example.org"), REMOTE_ADDR="10.9.9.9").status_code
        for index in range(3)
    ]
    assert statuses == [201, 201, 429]
    assert accounts_client.post(REGISTER, _body(email="r9@example.org"), REMOTE_ADDR="10.9.9.8").status_code == 201


@pytest.mark.parametrize(
    ("who", "status", "standing"),
    [("pending", 200, "pending"), ("accredited", 200, "accredited"), ("expired", 200, "expired"),
     ("rejected", 200, "rejected")],
)
@pytest.mark.django_db
def test_me_answers_the_token_holders_status_scope_and_expiry(accounts_client, accounts_people, who, status, standing):
    journalist = accounts_people[who].journalist
    issued = journalist_token_issue(journalist=journalist, name="cli")
    response = accounts_client.get(ME, HTTP_AUTHORIZATION=f"Journalist-Token {issued.token}")
    assert response.status_code == status
    body = response.json()
    assert body["status"] == standing and body["full_name"] == journalist.full_name
    assert body["accredited_for"] == (["hanoi"] if who in ("accredited", "expired") else [])
    assert (body["accredited_until"] is None) == (journalist.accredited_until is None)
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_me_refuses_anonymous_callers_wrong_revoked_tokens_and_sessions(accounts_client, accounts_people):
    assert accounts_client.get(ME).status_code == 401
    assert accounts_client.get(ME, HTTP_AUTHORIZATION="Journalist-Token ejt_nope_nope").status_code == 401
    issued = journalist_token_issue(journalist=accounts_people["accredited"].journalist, name="cli")
    journalist_token_revoke(record=issued.record)
    revoked = accounts_client.get(ME, HTTP_AUTHORIZATION=f"Journalist-Token {issued.token}")
    assert revoked.status_code == 401 and revoked.json()["code"] == "authentication_failed"
    accounts_client.force_login(accounts_people["accredited"])
    assert accounts_client.get(ME).status_code == 401  # a press-area session is not an API credential
