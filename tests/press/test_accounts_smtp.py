"""The verification e-mail through a real SMTP server (aiosmtpd on 127.0.0.1), not Django's test outbox."""

import re
import socket

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from django.core.files.uploadedfile import SimpleUploadedFile

from press.models import AccreditationStatus, Journalist

from .conftest import accounts_png_bytes


class Received(Message):
    def __init__(self):
        super().__init__()
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)


@pytest.fixture
def accounts_smtp(settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = Received()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    yield handler
    controller.stop()


@pytest.mark.django_db
def test_the_verification_link_arrives_over_smtp_and_verifies(accounts_client, accounts_smtp):
    card = SimpleUploadedFile("card.png", accounts_png_bytes(), content_type="image/png")
    response = accounts_client.post("/en/press/register/", {
        "full_name": "Omar Haddad", "outlet": "Al-Masry", "outlet_country": "EG", "language_codes": ["ar"],
        "email": "omar@masry.example", "password": "a-long-enough-passphrase-7", "press_card": card,
    })
    assert response.status_code == 201
    (message,) = accounts_smtp.messages
    assert message["To"] == "omar@masry.example" and "Confirm your e-mail" in message["Subject"]
    link = re.search(r"http://testserver(/ar/press/verify/\S+/)", message.get_payload(decode=True).decode()).group(1)
    assert accounts_client.post(link).status_code == 200
    assert Journalist.objects.get(user__email="omar@masry.example").status == AccreditationStatus.PENDING
