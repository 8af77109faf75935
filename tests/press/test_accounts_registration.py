"""Registration in the press area: validation, the private press card, nothing half-saved, e-mail verification."""

import re

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from press import factories
from press.models import AccreditationStatus, Journalist

from .conftest import PDF, accounts_png_bytes

REGISTER = "/en/press/register/"
PASSWORD = "a-long-enough-passphrase-7"


def _form(**changes):
    data = {
        "full_name": "Mai Tran", "outlet": "Saigon Daily", "outlet_country": "VN", "role": "correspondent",
        "language_codes": ["vi", "en"], "email": "mai@saigon.example", "phone": "+84 28 1234",
        "password": PASSWORD, "requested_missions": ["hanoi"],
        "press_card": SimpleUploadedFile("card.png", accounts_png_bytes(), content_type="image/png"),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def _card_files(root):
    return sorted(path.name for path in (root / "press-cards").glob("*")) if (root / "press-cards").exists() else []


@pytest.mark.django_db
def test_registration_creates_an_unverified_plain_user_with_a_private_card(accounts_client, hanoi, accounts_private_files, settings):
    response = accounts_client.post(REGISTER, _form())
    assert response.status_code == 201
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    journalist = Journalist.objects.get(user__email="mai@saigon.example")
    assert journalist.status == AccreditationStatus.UNVERIFIED
    assert list(journalist.requested_missions.all()) == [hanoi]
    assert journalist.language_codes == ["vi", "en"]
    user = journalist.user
    assert not user.is_staff and not user.is_superuser and not user.groups.exists() and not user.user_permissions.exists()
    assert journalist.press_card_content_type == "image/png"
    assert len(_card_files(accounts_private_files)) == 1
    assert not str(settings.MEDIA_ROOT) in journalist.press_card.path
    assert [message.to for message in mail.outbox] == [["mai@saigon.example"]]


@pytest.mark.django_db
def test_a_pdf_card_is_accepted_by_its_bytes(accounts_client):
    card = SimpleUploadedFile("card.pdf", PDF, content_type="application/pdf")
    assert accounts_client.post(REGISTER, _form(press_card=card)).status_code == 201
    assert Journalist.objects.get().press_card_content_type == "application/pdf"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("card.png", b"MZ\x90\x00 this is a program, not a picture" * 10, "must be a JPEG or PNG image or a PDF"),
        ("card.jpg", b"<html><script>alert(1)</script></html>", "must be a JPEG or PNG image or a PDF"),
        ("card.pdf", b"%PDF-1.4\n<script>not really a pdf</script>", "not a readable PDF"),
        ("card.png", accounts_png_bytes()[:60], "must be a JPEG or PNG image or a PDF"),  # truncated
    ],
)
@pytest.mark.django_db
def test_a_disguised_or_broken_card_is_a_form_error_and_nothing_is_saved(accounts_client, accounts_private_files, name, content, message):
    response = accounts_client.post(REGISTER, _form(press_card=SimpleUploadedFile(name, content, content_type="image/png")))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Journalist.objects.exists() and not get_user_model().objects.filter(email="mai@saigon.example").exists()
    assert _card_files(accounts_private_files) == [] and mail.outbox == []


@pytest.mark.django_db
def test_an_oversized_card_is_refused_with_the_limit_named(accounts_client, settings, accounts_private_files):
    settings.HUB_PRESS_CARD_MAX_BYTES = 1024
    big = accounts_png_bytes(size=(800, 800))
    assert len(big) > 1024
    response = accounts_client.post(REGISTER, _form(press_card=SimpleUploadedFile("card.png", big, content_type="image/png")))
    assert response.status_code == 400
    assert "the limit is 1.0" in response.content.decode()
    assert not Journalist.objects.exists() and _card_files(accounts_private_files) == []


@pytest.mark.parametrize(
    ("changes", "field_message"),
    [
        ({"outlet_country": "XX"}, "not an ISO 3166-1 alpha-2 country code"),
        ({"password": "short-pw-1"}, "at least 12 characters"),
        ({"password": "mai@saigon.example1"}, "too similar"),
        ({"language_codes": ["tlh"]}, "Select a valid choice"),
        ({"email": "not-an-address"}, "Enter a valid email address"),
        ({"press_card": None}, "This field is required"),
        ({"requested_missions": ["atlantis"]}, "Select a valid choice"),
    ],
)
@pytest.mark.django_db
def test_bad_input_is_a_form_error_naming_it(accounts_client, changes, field_message):
    response = accounts_client.post(REGISTER, _form(**changes))
    assert response.status_code == 400
    assert field_message in response.content.decode()
    assert not Journalist.objects.exists()


class CountingHasher(MD5PasswordHasher):
    """The test settings' hasher, counting how often a password is hashed (the slow step of a registration)."""

    algorithm = "counting_md5"
    calls = 0

    def encode(self, password, salt):
        CountingHasher.calls += 1
        return super().encode(password, salt)


def _answer(response) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


@pytest.mark.django_db
def test_a_taken_e_mail_gets_a_new_registrations_answer_and_its_holder_a_mail(accounts_client, accounts_private_files, settings):
    settings.PASSWORD_HASHERS = ["tests.press.test_accounts_registration.CountingHasher"]
    taken = factories.journalist("taken", status=AccreditationStatus.PENDING)
    CountingHasher.calls = 0
    existing = accounts_client.post(REGISTER, _form(email="TAKEN@example.org"))
    hashed_for_existing = CountingHasher.calls
    existing_mail = list(mail.outbox)
    mail.outbox.clear()
    CountingHasher.calls = 0
    fresh = accounts_client.post(REGISTER, _form(email="fresh@example.org"))
    assert (existing.status_code, fresh.status_code) == (201, 201)
    assert _answer(existing).replace("taken@example.org", "X") == _answer(fresh).replace("fresh@example.org", "X")
    assert "already" not in _answer(existing)
    assert hashed_for_existing == CountingHasher.calls == 1  # the same slow work on both paths
    assert Journalist.objects.filter(user__email__iexact="taken@example.org").count() == 1
    assert get_user_model().objects.filter(email__iexact="taken@example.org").count() == 1
    assert len(_card_files(accounts_private_files)) == 1  # only the fresh registration's card
    taken.refresh_from_db()
    assert taken.full_name != "Mai Tran"
    [notice] = existing_mail
    assert notice.to == ["taken@example.org"] and "tried to register" in notice.subject
    assert "http://testserver/en/press/login/" in notice.body and "/en/press/password-reset/" in notice.body
    assert "verify" not in notice.body


@pytest.mark.django_db
def test_repeated_attempts_on_a_taken_e_mail_mail_its_holder_once_an_hour(accounts_client):
    factories.journalist("taken", status=AccreditationStatus.PENDING)
    for _attempt in range(3):
        assert accounts_client.post(REGISTER, _form(email="taken@example.org")).status_code == 201
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_staff_address_is_not_revealed_either(accounts_client, accounts_people):
    staff = get_user_model().objects.create_user("editor", email="editor@ministry.example", password="x", is_staff=True)
    response = accounts_client.post(REGISTER, _form(email="Editor@ministry.example"))
    assert response.status_code == 201
    staff.refresh_from_db()
    assert not hasattr(staff, "journalist") or not Journalist.objects.filter(user=staff).exists()
    [notice] = mail.outbox
    assert notice.to == ["editor@ministry.example"] and "/admin/login/" in notice.body


@pytest.mark.django_db
def test_a_duplicate_registered_meanwhile_rolls_back_and_removes_the_card(accounts_private_files):
    """The race the form cannot see: the service refuses inside its transaction and leaves no file."""
    from django.core.exceptions import ValidationError

    from press.services import journalist_register

    factories.journalist("racer", status=AccreditationStatus.PENDING)
    with pytest.raises(ValidationError) as error:
        journalist_register(
            full_name="Racer", outlet="Wire", outlet_country="FR", email="racer@example.org", password=PASSWORD,
            press_card=SimpleUploadedFile("card.png", accounts_png_bytes()), press_card_content_type="image/png",
        )
    assert "email" in error.value.message_dict
    assert Journalist.objects.count() == 1 and _card_files(accounts_private_files) == []


def _verification_link(message) -> str:
    return re.search(r"http://testserver(/\S+/press/verify/\S+/)", message.body).group(1)


@pytest.mark.django_db
def test_the_e_mailed_link_verifies_once_and_tells_the_press_office(accounts_client, accounts_people, hanoi):
    accounts_client.post(REGISTER, _form())
    link = _verification_link(mail.outbox[0])
    assert link.startswith("/vi/press/verify/")  # the journalist's first language
    page = accounts_client.get(link)
    assert page.status_code == 200 and Journalist.objects.get(user__email="mai@saigon.example").status == "unverified"
    mail.outbox.clear()
    assert accounts_client.post(link).status_code == 200
    journalist = Journalist.objects.get(user__email="mai@saigon.example")
    assert journalist.status == AccreditationStatus.PENDING and journalist.email_verified_at is not None
    notice = mail.outbox[0]
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([accounts_people["hq_press_office"].email, accounts_people["hanoi_attache"].email])
    assert "Mai Tran" in notice.subject and "/admin/press/journalists/" in notice.body
    mail.outbox.clear()
    assert accounts_client.post(link).status_code == 200  # again: nothing changes, nobody is told twice
    assert mail.outbox == [] and Journalist.objects.get(user__email="mai@saigon.example").status == AccreditationStatus.PENDING


@pytest.mark.django_db
def test_an_expired_or_forged_link_is_a_clear_400(accounts_client, settings):
    accounts_client.post(REGISTER, _form())
    link = _verification_link(mail.outbox[0])
    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=settings.HUB_PRESS_VERIFICATION_MAX_AGE_SECONDS + 5)):
        expired = accounts_client.post(link)
    assert expired.status_code == 400 and "expired" in expired.content.decode()
    forged = accounts_client.post(link[:-3] + "xx/")
    assert forged.status_code == 400 and "not valid" in forged.content.decode()
    assert Journalist.objects.get().status == AccreditationStatus.UNVERIFIED


@pytest.mark.django_db
def test_the_registration_page_renders_for_anonymous_visitors(accounts_client):
    page = accounts_client.get(REGISTER)
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.content.decode() and "private" in page["Cache-Control"]
