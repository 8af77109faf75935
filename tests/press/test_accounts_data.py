"""A journalist's data: the export of everything held about them, deletion on request, and the pruning of
registrations never verified."""

import base64
import json
import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from press import factories
from press.models import Journalist, JournalistToken
from press.selectors import journalist_pseudonym
from press.services import (
    briefing_question_answer,
    briefing_question_submit,
    briefing_transcript_draft,
    journalist_register,
    journalist_token_issue,
)

from .conftest import accounts_png_bytes

EXPORT, DELETE = "/en/press/my-data/", "/en/press/my-data/delete/"


def _registered(email="data@example.org", **changes):
    return journalist_register(
        full_name="Data Subject", outlet="Wire", outlet_country="FR", email=email, password="a-long-enough-passphrase-7",
        press_card=SimpleUploadedFile("c.png", accounts_png_bytes()), press_card_content_type="image/png", **changes,
    )


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("pending", 200), ("accredited", 200), ("expired", 200), ("rejected", 200),
     ("hq_press_office", 403), ("mission_editor", 403)],
)
@pytest.mark.django_db
def test_who_exports_their_data(accounts_client, accounts_people, who, status):
    if who != "anonymous":
        accounts_client.force_login(accounts_people[who])
    response = accounts_client.get(EXPORT)
    assert response.status_code == status
    if status == 200:
        data = json.loads(response.content)
        assert data["account"]["email"] == accounts_people[who].email
        assert "attachment" in response["Content-Disposition"] and "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_export_holds_everything_including_the_card_and_tokens_but_no_secret(accounts_client, hanoi):
    journalist = _registered(requested_missions=[hanoi], phone="+33 1 23")
    journalist.status = "pending"
    journalist.save()
    issued = journalist_token_issue(journalist=journalist, name="reader")
    accounts_client.force_login(journalist.user)
    data = json.loads(accounts_client.get(EXPORT).content)
    assert data["journalist"]["full_name"] == "Data Subject" and data["journalist"]["phone"] == "+33 1 23"
    assert data["journalist"]["requested_missions"] == ["hanoi"] and data["journalist"]["status"] == "pending"
    assert base64.b64decode(data["press_card"]["base64"]) == accounts_png_bytes()
    assert data["tokens"] == [
        {"name": "reader", "prefix": issued.record.prefix, "created_at": issued.record.created_at.isoformat(),
         "last_used_at": None, "revoked_at": None}
    ]
    text = json.dumps(data)
    assert issued.token not in text and issued.record.token_digest not in text and "pbkdf2" not in text.lower()
    assert journalist.user.password not in text


@pytest.mark.django_db
def test_deletion_needs_the_password_then_removes_account_card_and_tokens(accounts_client, accounts_private_files):
    journalist = _registered()
    journalist.status = "pending"
    journalist.save()
    journalist_token_issue(journalist=journalist, name="reader")
    card = accounts_private_files / journalist.press_card.name
    assert card.exists()
    accounts_client.force_login(journalist.user)
    wrong = accounts_client.post(DELETE, {"password": "not-my-password"})
    assert wrong.status_code == 400 and Journalist.objects.filter(pk=journalist.pk).exists()
    deleted = accounts_client.post(DELETE, {"password": "a-long-enough-passphrase-7"})
    assert deleted.status_code == 200 and "are deleted" in deleted.content.decode()
    assert not Journalist.objects.filter(pk=journalist.pk).exists()
    assert not get_user_model().objects.filter(email="data@example.org").exists()
    assert not JournalistToken.objects.filter(journalist_id=journalist.pk).exists()
    assert not card.exists()
    assert accounts_client.get("/en/press/").status_code == 302  # signed out


@pytest.mark.parametrize("who", ["anonymous", "hq_press_office", "mission_editor"])
@pytest.mark.django_db
def test_nobody_else_deletes_a_journalist_through_the_press_area(accounts_client, accounts_people, who):
    if who != "anonymous":
        accounts_client.force_login(accounts_people[who])
    assert accounts_client.post(DELETE, {"password": factories.PASSWORD}).status_code in (302, 403)
    assert Journalist.objects.count() == 5


def test_the_pseudonym_is_stable_and_keyed(settings):
    pseudonym = journalist_pseudonym(41)
    assert pseudonym == journalist_pseudonym(41) != journalist_pseudonym(42)
    assert re.fullmatch(r"journalist-[0-9a-f]{12}", pseudonym)
    settings.SECRET_KEY = "another-deployment-key-" * 3
    assert journalist_pseudonym(41) != pseudonym  # not guessable from the id alone


@pytest.mark.django_db
def test_prune_deletes_only_old_unverified_registrations_and_prints_the_count(
    accounts_people, accounts_private_files, capsys, django_capture_on_commit_callbacks
):
    with time_machine.travel(timezone.now() - timedelta(days=8)):
        old = _registered("old@example.org")
    recent = _registered("recent@example.org")
    old_card = accounts_private_files / old.press_card.name
    with django_capture_on_commit_callbacks(execute=True):
        call_command("press_accounts_prune")
    assert capsys.readouterr().out == "Deleted 1 unverified registration older than 7 days.\n"
    assert not Journalist.objects.filter(user__email="old@example.org").exists() and not old_card.exists()
    assert Journalist.objects.filter(pk=recent.pk).exists()
    assert Journalist.objects.filter(user__in=[accounts_people["unverified"], accounts_people["pending"]]).count() == 2


@pytest.mark.django_db
def test_the_export_holds_the_journalists_embargoed_reads_and_questions_with_their_transcript_state(
    client, briefings_paris, briefings_people, embargo_release
):
    journalist = briefings_people["accredited"].journalist
    token = journalist_token_issue(journalist=journalist, name="reader").token
    read = client.get(f"/api/v1/press/releases/{embargo_release.pk}/", HTTP_AUTHORIZATION=f"Journalist-Token {token}")
    assert read.status_code == 200
    answered = briefing_question_submit(briefing=briefings_paris, journalist=journalist, text="Will the summit move?")
    briefing_question_submit(briefing=briefings_paris, journalist=journalist, text="Who attends?")
    office = briefings_people["press_office"]
    briefing_question_answer(question=answered, user=office, answer="No, it stays in Paris.")
    briefing_transcript_draft(briefing=briefings_paris, user=office).publish()

    client.force_login(journalist.user)
    data = json.loads(client.get(EXPORT).content)

    [embargoed] = data["embargoed_reads"]
    assert embargoed["release"] == embargo_release.title and embargoed["page_id"] == embargo_release.pk
    assert embargoed["channel"] == "api" and embargoed["read_at"] and embargoed["embargoed_until"]
    first, second = data["briefing_questions"]
    assert first["briefing"] == briefings_paris.title and first["text"] == "Will the summit move?"
    assert first["status"] == "answered" and first["in_transcript_draft_at"] and first["in_published_transcript"]
    assert second["text"] == "Who attends?" and second["status"] == "submitted"
    assert second["in_transcript_draft_at"] is None and not second["in_published_transcript"]
