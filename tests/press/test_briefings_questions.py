"""Attendance and questions over real HTTP, for every role: journalists (pending, accredited, expired) in the press
area, the press office and mission staff in the admin queue (claim, merge, answer, transcript draft); questions
are never shown publicly. The clock is stopped (time-machine) before, during and after the briefing."""

import pytest
from django.test import Client

from hub import factories as hub_factories
from hub.roles import Role
from press import factories
from press.models import BriefingAttendance, BriefingPage, BriefingQuestion, QuestionStatus

from .conftest import BRIEFINGS_AFTER, BRIEFINGS_DURING

QUEUE = "/admin/press/questions/"
SECRET_QUESTION = "Zephyrmark: will the minister resign over the summit?"


def press_url(briefing) -> str:
    return f"/en/press/briefings/{briefing.pk}/"


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def ask(user, briefing, text=SECRET_QUESTION):
    return client_for(user).post(press_url(briefing), {"action": "question", "text": text})


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_press_login(briefings_paris):
    response = Client().get(press_url(briefings_paris))
    assert response.status_code == 302 and response["Location"].startswith("/en/press/login/")
    assert ask(None, briefings_paris).status_code == 302
    assert not BriefingQuestion.objects.exists()


@pytest.mark.parametrize("role", ["pending", "expired"])
@pytest.mark.django_db
def test_journalists_not_accredited_may_neither_register_nor_ask(briefings_paris, briefings_people, role):
    client = client_for(briefings_people[role])
    assert client.get(press_url(briefings_paris)).status_code == 403
    assert client.post(press_url(briefings_paris), {"action": "register"}).status_code == 403
    assert ask(briefings_people[role], briefings_paris).status_code == 403
    assert not BriefingQuestion.objects.exists() and not BriefingAttendance.objects.exists()


@pytest.mark.parametrize("role", ["press_office"])
@pytest.mark.django_db
def test_staff_without_a_journalist_account_cannot_ask_in_the_press_area(briefings_paris, briefings_people, staff, role):
    for user in (briefings_people[role], staff["paris_editor"]):
        assert ask(user, briefings_paris).status_code == 403
    assert not BriefingQuestion.objects.exists()


@pytest.mark.django_db
def test_accredited_journalist_registers_and_asks_in_advance_then_live(briefings_paris, briefings_people, briefings_clock):
    reporter = briefings_people["accredited"]
    client = client_for(reporter)
    page = client.get(press_url(briefings_paris))
    assert page.status_code == 200 and "private" in page["Cache-Control"] and "no-store" in page["Cache-Control"]
    assert client.post(press_url(briefings_paris), {"action": "register", "in_person": "on"}).status_code == 302
    assert BriefingAttendance.objects.get(journalist__user=reporter).in_person
    assert ask(reporter, briefings_paris, "Advance question on the summit?").status_code == 302
    briefings_clock.move_to(BRIEFINGS_DURING)
    assert ask(reporter, briefings_paris, "Live follow-up?").status_code == 302
    asked = list(BriefingQuestion.objects.order_by("pk").values_list("text", "asked_live", "status"))
    assert asked == [("Advance question on the summit?", False, "submitted"), ("Live follow-up?", True, "submitted")]
    listed = client.get(press_url(briefings_paris)).content.decode()
    assert "Advance question on the summit?" in listed and "Live follow-up?" in listed


@pytest.mark.django_db
def test_journalists_see_only_their_own_questions(briefings_paris, briefings_people):
    ask(briefings_people["accredited"], briefings_paris)
    other = factories.journalist("other-reporter").user
    page = client_for(other).get(press_url(briefings_paris)).content.decode()
    assert "Zephyrmark" not in page


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "Write a question of 1 to 2000 characters."), ("x" * 2001, "Write a question of 1 to 2000 characters.")],
)
@pytest.mark.django_db
def test_bad_questions_are_a_clear_400_and_nothing_is_saved(briefings_paris, briefings_people, text, message):
    response = ask(briefings_people["accredited"], briefings_paris, text)
    assert response.status_code == 400 and message in response.content.decode()
    assert not BriefingQuestion.objects.exists()


@pytest.mark.django_db
def test_after_the_briefing_questions_are_refused(briefings_paris, briefings_people, briefings_clock):
    briefings_clock.move_to(BRIEFINGS_AFTER)
    response = ask(briefings_people["accredited"], briefings_paris)
    assert response.status_code == 400 and "This briefing is over." in response.content.decode()


@pytest.mark.django_db
def test_journalist_accredited_for_another_mission_only_is_refused(briefings_paris, hanoi):
    hanoi_only = factories.journalist("hanoi-reporter", missions=[hanoi]).user
    assert ask(hanoi_only, briefings_paris).status_code == 403
    assert not BriefingQuestion.objects.exists()


@pytest.mark.django_db
def test_draft_briefings_are_not_in_the_press_area(paris, briefings_people, briefings_clock):
    draft = factories.briefing(factories.briefings_section(paris, "en"), live=False)
    assert client_for(briefings_people["accredited"]).get(press_url(draft)).status_code == 404


@pytest.mark.django_db
def test_questions_are_never_on_the_public_site(briefings_paris, briefings_people):
    ask(briefings_people["accredited"], briefings_paris)
    response = Client().get(briefings_paris.url)
    assert response.status_code == 200 and "Zephyrmark" not in response.content.decode()


# --- the press office's queue ---


@pytest.fixture
def asked(briefings_paris, briefings_people):
    reporter = briefings_people["accredited"]
    for text in ("Will the summit be postponed?", "Is the summit postponed?"):
        assert ask(reporter, briefings_paris, text).status_code == 302
    return list(BriefingQuestion.objects.order_by("pk"))


def queue_post(user, **data):
    return client_for(user).post(QUEUE, data)


@pytest.mark.parametrize("who", ["press_office", "paris_editor", "paris_head"])
@pytest.mark.django_db
def test_press_office_and_the_missions_own_staff_run_the_queue(asked, briefings_people, staff, paris, who):
    if who == "paris_head":
        user = hub_factories.staff_user("paris-head", Role.MISSION_HEAD, mission=paris)
    else:
        user = briefings_people.get(who) or staff[who]
    first, duplicate = asked
    listing = client_for(user).get(QUEUE)
    assert listing.status_code == 200 and "Will the summit be postponed?" in listing.content.decode()
    assert queue_post(user, action="claim", question=first.pk).status_code == 302
    assert queue_post(user, action="merge", question=duplicate.pk, into=first.pk).status_code == 302
    assert queue_post(user, action="answer", question=first.pk, answer="No: it goes ahead in March.").status_code == 302
    first.refresh_from_db()
    duplicate.refresh_from_db()
    assert (first.status, first.claimed_by, first.answer) == (QuestionStatus.ANSWERED, user, "No: it goes ahead in March.")
    assert (duplicate.status, duplicate.merged_into) == (QuestionStatus.MERGED, first)


@pytest.mark.parametrize("who", ["hanoi_editor", "asia_reviewer", "accredited", "anonymous"])
@pytest.mark.django_db
def test_nobody_else_sees_or_touches_the_queue(asked, briefings_people, staff, who):
    user = None if who == "anonymous" else briefings_people.get(who) or staff[who]
    listing = client_for(user).get(QUEUE)
    assert "Will the summit be postponed?" not in listing.content.decode()
    if who in ("accredited", "anonymous"):  # journalists are not admin users: the admin login
        assert listing.status_code == 302 and "/admin/login/" in listing["Location"]
    response = queue_post(user, action="claim", question=asked[0].pk)
    assert response.status_code in (302, 404)
    assert BriefingQuestion.objects.get(pk=asked[0].pk).status == QuestionStatus.SUBMITTED


@pytest.mark.django_db
def test_merging_a_question_into_itself_or_another_briefing_is_refused(asked, briefings_people, paris):
    officer = briefings_people["press_office"]
    other = factories.briefing(factories.briefings_section(paris, "en"), title="Another briefing")
    elsewhere = BriefingQuestion.objects.create(briefing=other, journalist=asked[0].journalist, text="Elsewhere?")
    for into in (asked[0].pk, elsewhere.pk):
        response = client_for(officer).post(QUEUE, {"action": "merge", "question": asked[0].pk, "into": into}, follow=True)
        assert "Merge a question into another open question of the same briefing." in response.content.decode()
    assert BriefingQuestion.objects.get(pk=asked[0].pk).status == QuestionStatus.SUBMITTED


@pytest.mark.django_db
def test_answered_questions_become_transcript_blocks_of_a_draft(asked, briefings_people, briefings_paris):
    officer = briefings_people["press_office"]
    queue_post(officer, action="answer", question=asked[0].pk, answer="It goes ahead.\n\nIn March.")
    response = queue_post(officer, action="transcript", briefing=briefings_paris.pk)
    assert response.status_code == 302
    page = BriefingPage.objects.get(pk=briefings_paris.pk)
    assert len(page.transcript) == 0  # the live page is unchanged: the transcript waits in a draft
    draft = page.get_latest_revision_as_object()
    exchange = draft.transcript[0].value
    assert (exchange["question"], exchange["outlet"], exchange["spokesperson"]) == (
        "Will the summit be postponed?", "Le Courrier", "Claire Dubois"
    )
    assert exchange["answer"].source.replace("\n", "") == "<p>It goes ahead.</p><p>In March.</p>"
    assert page.has_unpublished_changes
    again = client_for(officer).post(QUEUE, {"action": "transcript", "briefing": briefings_paris.pk}, follow=True)
    assert "No answered question is waiting for the transcript." in again.content.decode()
    assert len(BriefingPage.objects.get(pk=briefings_paris.pk).get_latest_revision_as_object().transcript) == 1


@pytest.mark.django_db
def test_ids_written_in_other_digits_name_nothing_rather_than_a_500(asked, briefings_people):
    officer = briefings_people["press_office"]
    assert client_for(officer).get(QUEUE, {"briefing": "²"}).status_code == 200  # the whole queue
    assert client_for(officer).post(QUEUE, {"action": "claim", "question": "١"}).status_code == 404
