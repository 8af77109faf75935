"""Deleting a journalist keeps no name: after the deletion no row of any table holds their name, e-mail or phone.
Their embargoed reads stay (pseudonymous, no outlet), their questions and attendances lose the person, and the
asker's name leaves the published transcript, its old revisions and its translation's sources."""

import re

import pytest
from django.db import connection
from django.test import Client
from wagtail.models import Locale

from hub import factories as hub_factories
from hub.roles import Role
from press import factories
from press.models import BriefingAttendance, BriefingPage, BriefingQuestion, EmbargoRead
from press.selectors import journalist_pseudonym

from .conftest import embargoed_release

NAME, EMAIL, PHONE = "Zoltan Quixbury", "zoltan.quixbury@example.org", "+36 1 555 0199"
QUESTION = "Will the summit communique mention fisheries?"


# SQLite's FTS5 shadow tables (Wagtail's database search on the development backend) keep a deleted row's tokens
# in their binary segments until FTS5 merges them; the index entry itself is rewritten (checked: its table is dumped).
FTS5_SHADOW = re.compile(r"_fts_(data|idx|docsize|config|content)$")


def _database_dump() -> str:
    """Every row of every table, as text: what a backup of the database would hold."""
    rows = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if FTS5_SHADOW.search(table):
                continue
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            rows.extend(f"{table}: {row!r}" for row in cursor.fetchall())
    return "\n".join(rows)


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_after_deletion_no_table_holds_the_journalists_name_e_mail_or_phone(
    briefings_paris, paris, staff, briefings_clock, django_capture_on_commit_callbacks
):
    journalist = factories.journalist("zoltan", full_name=NAME, phone=PHONE, outlet="Budapest Courier", missions=[paris])
    journalist.user.email = EMAIL
    journalist.user.first_name = NAME
    journalist.user.save()
    reporter = _client(journalist.user)
    release = embargoed_release(paris, title="Fisheries agreement under embargo")
    assert reporter.get(f"/en/press/releases/{release.pk}/").status_code == 200
    briefing_url = f"/en/press/briefings/{briefings_paris.pk}/"
    assert reporter.post(briefing_url, {"action": "register", "in_person": "on"}).status_code == 302
    assert reporter.post(briefing_url, {"action": "question", "text": QUESTION}).status_code == 302
    # The press office answers and publishes the transcript (the name goes into its blocks), then a second revision.
    office = _client(hub_factories.staff_user("press-officer", Role.HQ_PRESS_OFFICER))
    question = BriefingQuestion.objects.get()
    assert office.post("/admin/press/questions/", {"action": "answer", "question": question.pk, "answer": "Yes."}).status_code == 302
    assert office.post("/admin/press/questions/", {"action": "transcript", "briefing": briefings_paris.pk}).status_code == 302
    page = BriefingPage.objects.get(pk=briefings_paris.pk)
    page.get_latest_revision().publish()
    page = BriefingPage.objects.get(pk=page.pk)
    page.summary = "Updated summary"
    page.save_revision().publish()
    # …and it is translated through wagtail-localize.
    admin = _client(staff["hq_admin"])
    french = Locale.objects.get(language_code="fr")
    assert page.get_parent().get_translation(french).live  # Paris's French briefings section, made by provisioning
    assert admin.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [french.pk]}).status_code == 302
    translated = page.get_translation(french).specific
    with django_capture_on_commit_callbacks(execute=True):
        assert admin.post(f"/admin/pages/{translated.pk}/edit/", {"action": "publish"}).status_code == 302
    before = _database_dump()
    assert NAME in before and EMAIL in before and PHONE in before  # the dump sees them while the account exists

    with django_capture_on_commit_callbacks(execute=True):
        response = reporter.post("/en/press/my-data/delete/", {"password": factories.PASSWORD})
    assert response.status_code == 200

    after = _database_dump()
    assert NAME not in after and EMAIL not in after and PHONE not in after
    assert "zoltan" not in after.lower()
    pseudonym = journalist_pseudonym(journalist.pk)
    [read] = EmbargoRead.objects.all()
    assert (read.journalist, read.outlet, read.journalist_pseudonym, read.page_id) == (None, "", pseudonym, release.pk)
    [question] = BriefingQuestion.objects.all()
    assert (question.journalist, question.journalist_pseudonym, question.text) == (None, pseudonym, QUESTION)
    [attendance] = BriefingAttendance.objects.all()
    assert (attendance.journalist, attendance.journalist_pseudonym, attendance.in_person) == (None, pseudonym, True)
    # The published transcript still quotes the question and the outlet, without the asker.
    for live in (BriefingPage.objects.get(pk=page.pk), BriefingPage.objects.get(pk=translated.pk)):
        [exchange] = [block.value for block in live.transcript if block.block_type == "exchange"]
        assert (exchange["journalist"], exchange["outlet"]) == ("", "Budapest Courier")
    html = Client().get(BriefingPage.objects.get(pk=page.pk).url).content.decode()
    assert QUESTION in html and NAME not in html


@pytest.mark.django_db
def test_an_admin_deletion_of_the_user_pseudonymises_too(client, hanoi, embargo_release, embargo_journalists):
    journalist = embargo_journalists["hanoi"]
    client.force_login(journalist.user)
    client.get(f"/en/press/releases/{embargo_release.pk}/")
    journalist.user.delete()
    [read] = EmbargoRead.objects.all()
    assert read.journalist is None and read.outlet == "" and read.journalist_pseudonym == journalist_pseudonym(journalist.pk)


@pytest.mark.django_db
def test_the_question_queue_shows_a_deleted_askers_pseudonym(briefings_paris, paris, briefings_clock):
    journalist = factories.journalist("asker", full_name=NAME, missions=[paris])
    _client(journalist.user).post(f"/en/press/briefings/{briefings_paris.pk}/", {"action": "question", "text": QUESTION})
    pk = journalist.pk
    journalist.user.delete()
    office = _client(hub_factories.staff_user("press-officer", Role.HQ_PRESS_OFFICER))
    html = office.get("/admin/press/questions/").content.decode()
    assert QUESTION in html and journalist_pseudonym(pk) in html and NAME not in html
    question = BriefingQuestion.objects.get()
    office.post("/admin/press/questions/", {"action": "answer", "question": question.pk, "answer": "Yes."})
    assert office.post("/admin/press/questions/", {"action": "transcript", "briefing": briefings_paris.pk}).status_code == 302
    draft = BriefingPage.objects.get(pk=briefings_paris.pk).get_latest_revision_as_object()
    assert draft.transcript[0].value["journalist"] == ""
