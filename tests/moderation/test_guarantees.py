"""Nothing submitted is public until approved; requesting changes keeps the author's edits; editing during review
follows Wagtail's rules (the author is locked out, reviewers may edit, the author may withdraw)."""

from wagtail.models import Revision

from embassies import factories as content
from embassies.selectors import pages_public
from moderation.models import ReviewStatus, Submission

from .conftest import article_form, submit_over_http, workflow_action_url


def _revisions(page) -> int:
    return Revision.page_revisions.filter(object_id=str(page.pk)).count()


def test_a_submitted_page_is_not_public_until_approved(client, staff, hanoi_news):
    page = content.article(hanoi_news, title="Embargoed statement", live=False)
    url = page.get_url()
    client.force_login(staff["hanoi_editor"])
    submit_over_http(client, page)
    client.logout()

    page.refresh_from_db()
    assert page.workflow_in_progress
    assert not pages_public().filter(pk=page.pk).exists()
    assert client.get(url).status_code == 404
    assert client.get(f"/api/v1/pages/{page.pk}/").status_code == 404

    client.force_login(staff["asia_reviewer"])
    client.post(workflow_action_url(page, "approve", page.current_workflow_task_state), {"comment": ""})
    client.logout()
    assert pages_public().filter(pk=page.pk).exists()
    response = client.get(url)
    assert response.status_code == 200 and "Embargoed statement" in response.content.decode()


def test_a_live_page_with_a_submitted_revision_still_shows_the_live_content(client, staff, hanoi_news):
    page = content.article(hanoi_news, title="Visa office hours", summary="Open 9 to 12.")
    client.force_login(staff["hanoi_editor"])
    submit_over_http(client, page, title="Visa office hours changed", summary="Open 8 to 16.")
    client.logout()

    live = pages_public().get(pk=page.pk).specific
    assert (live.title, live.summary) == ("Visa office hours", "Open 9 to 12.")
    body = client.get(page.get_url()).content.decode()
    assert "Open 9 to 12." in body and "Open 8 to 16." not in body
    api_body = client.get(f"/api/v1/pages/{page.pk}/").content.decode()
    assert "Open 9 to 12." in api_body and "Open 8 to 16." not in api_body


def test_requesting_changes_keeps_the_authors_edits_and_resubmission_resumes_review(client, staff, hanoi_news):
    page = content.article(hanoi_news, title="National day reception", live=False)
    client.force_login(staff["hanoi_editor"])
    submit_over_http(client, page, summary="Guests arrive at 18:00 at the residence.")
    page.refresh_from_db()
    workflow_state = page.current_workflow_state

    client.force_login(staff["asia_reviewer"])
    client.post(workflow_action_url(page, "reject", page.current_workflow_task_state), {"comment": "Add the dress code."})

    page.refresh_from_db()
    assert page.get_latest_revision_as_object().summary == "Guests arrive at 18:00 at the residence."
    submission = Submission.objects.get(workflow_state=workflow_state)
    assert (submission.status, submission.comment) == (ReviewStatus.CHANGES_REQUESTED, "Add the dress code.")

    client.force_login(staff["hanoi_editor"])
    assert "Guests arrive at 18:00 at the residence." in client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    submit_over_http(client, page, summary="Guests arrive at 18:00 at the residence. Dress code: lounge suit.")
    page.refresh_from_db()
    assert page.current_workflow_state.pk == workflow_state.pk
    assert page.current_workflow_state.status == workflow_state.STATUS_IN_PROGRESS
    submission.refresh_from_db()
    assert submission.status == ReviewStatus.IN_REVIEW


def test_the_author_cannot_edit_a_page_while_it_is_in_review(client, staff, hanoi_news):
    page = content.article(hanoi_news, title="Scholarship call", live=False)
    client.force_login(staff["hanoi_editor"])
    submit_over_http(client, page)
    before = _revisions(page)

    response = client.post(f"/admin/pages/{page.pk}/edit/", article_form(page, action="action-save", summary="Sneaky edit"))

    assert response.status_code == 200
    assert "locked" in response.content.decode()
    assert _revisions(page) == before


def test_a_reviewer_may_edit_during_review_and_approval_publishes_their_edit(client, staff, hanoi_news):
    page = content.article(hanoi_news, title="Trade mission", live=False)
    client.force_login(staff["hanoi_editor"])
    submit_over_http(client, page)

    client.force_login(staff["asia_reviewer"])
    response = client.post(f"/admin/pages/{page.pk}/edit/", article_form(page, action="action-save", summary="Fixed typo."))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.workflow_in_progress
    client.post(workflow_action_url(page, "approve", page.current_workflow_task_state), {"comment": ""})

    page.refresh_from_db()
    assert page.live and page.specific.summary == "Fixed typo."


def test_the_author_may_withdraw_a_submission(client, staff, hanoi_news):
    page = content.article(hanoi_news, title="Concert", live=False)
    client.force_login(staff["hanoi_editor"])
    submit_over_http(client, page)
    page.refresh_from_db()

    client.post(f"/admin/pages/{page.pk}/edit/", article_form(page, action="action-cancel-workflow"))

    page.refresh_from_db()
    assert not page.workflow_in_progress and not page.live
    assert Submission.objects.get(page=page).status == ReviewStatus.CANCELLED


def test_approval_with_a_go_live_date_schedules_instead_of_publishing(client, staff, hanoi_news):
    page = content.article(hanoi_news, title="Embargoed speech", live=False)
    client.force_login(staff["hanoi_editor"])
    submit_over_http(client, page, go_live_at="2099-01-01 09:00")
    page.refresh_from_db()

    client.force_login(staff["asia_reviewer"])
    client.post(workflow_action_url(page, "approve", page.current_workflow_task_state), {"comment": ""})

    page.refresh_from_db()
    assert not page.live
    assert page.get_latest_revision().approved_go_live_at is not None
    assert Submission.objects.get(page=page).status == ReviewStatus.SCHEDULED
    assert not pages_public().filter(pk=page.pk).exists()
