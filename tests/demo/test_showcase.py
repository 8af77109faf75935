"""The demo shows every part of the product out of the box: content in every state of review (one of them overdue),
assets shared to the network, an API consumer whose key is printed once, a webhook whose failed deliveries are in
its log, and a dashboard with work on it for every demo account."""

import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision, TaskState, WorkflowState

from api.consumers.selectors import api_key_active
from api.webhooks.models import DeliveryStatus, WebhookDelivery
from demo.content import demo_content
from demo.scenarios import DEMO_WEBHOOK_URL
from embassies.assets.selectors import images_choosable_by
from embassies.models import HubDocument, HubImage
from moderation.models import ReviewStatus, Submission
from moderation.selectors import service_level, submissions_in_review, submissions_overdue

pytestmark = pytest.mark.django_db

KEY = re.compile(r"ehk_[0-9a-f]{8}_[A-Za-z0-9_-]{20,}")
CONTENT = demo_content()
PASSWORDS = {spec.username: spec.password for spec in CONTENT.staff}
# What each account's dashboard shows of its work: titles of the seeded reviews it is concerned with.
WORK = {
    "admin": ["Ambassador visits Can Tho", "Notre pavillon au salon VivaTech", "منتدى المياه في القاهرة"],
    "hq.admin": ["Ambassador visits Can Tho", "Notre pavillon au salon VivaTech", "منتدى المياه في القاهرة"],
    "reviewer.asia": ["Green jobs fair brings 40 employers", "Ambassador visits Can Tho"],
    "reviewer.europe": ["Notre pavillon au salon VivaTech"],
    "editor.hanoi": ["Green jobs fair brings 40 employers", "Scholarship results announced for 2027"],
    "head.hanoi": ["Ambassador visits Can Tho"],
    "editor.paris": ["Notre pavillon au salon VivaTech", "Visite de la ministre à Paris"],
    "editor.cairo": ["منتدى المياه في القاهرة", "Alumni evening at the residence"],
}


def _submission(title: str) -> Submission:
    return Submission.objects.select_related("page", "task_state").get(page__title__startswith=title)


def test_content_waits_in_review_in_a_running_workflow(demo_network):
    item = _submission("Green jobs fair")

    assert item.status == ReviewStatus.IN_REVIEW
    assert item.workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert item.task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not item.page.live


def test_one_item_is_overdue_past_its_service_level(demo_network):
    overdue = list(submissions_overdue())

    assert [item.page.title for item in overdue] == ["Ambassador visits Can Tho to see the climate adaptation project"]
    [item] = overdue
    assert item.task_state.started_at < timezone.now() - service_level(kind=item.kind)
    assert item.waiting_since == item.task_state.started_at


def test_one_item_was_sent_back_with_the_reviewers_comment(demo_network):
    item = _submission("Visite de la ministre")

    assert item.status == ReviewStatus.CHANGES_REQUESTED
    assert item.decided_by.username == "reviewer.europe"
    assert "minister's approval" in item.comment
    assert item.transitions.filter(to_status=ReviewStatus.CHANGES_REQUESTED, comment=item.comment).exists()


def test_one_item_was_approved_and_waits_for_its_go_live_date(demo_network):
    item = _submission("Scholarship results")

    assert item.status == ReviewStatus.SCHEDULED
    page = item.page.specific
    assert not page.live and page.go_live_at > timezone.now()
    assert Revision.objects.filter(pk=item.revision_id, approved_go_live_at=page.go_live_at).exists()


def test_one_item_was_approved_and_published(demo_network):
    item = _submission("Longer hours for the consular phone line")

    assert item.status == ReviewStatus.PUBLISHED and item.page.live


def test_a_few_assets_are_shared_to_the_network(demo_network, django_user_model):
    shared = HubImage.objects.filter(is_shared=True)

    assert shared.count() >= 3 and HubDocument.objects.filter(is_shared=True).exists()
    assert {image.source_mission.slug for image in shared} == {"hq"}
    paris_editor = django_user_model.objects.get(username="editor.paris")
    assert set(shared) <= set(images_choosable_by(user=paris_editor)), "any mission's editors may reuse them"


def test_the_api_key_is_printed_once_and_works(demo_network, client):
    [key] = KEY.findall(demo_network)

    assert api_key_active(key=key) is not None
    assert client.get("/api/v1/pages/", HTTP_AUTHORIZATION=f"Api-Key {key}").status_code == 200

    again = io.StringIO()
    call_command("seed_demo", verbosity=1, no_progress=True, force=True, stdout=again, stderr=io.StringIO())
    assert not KEY.search(again.getvalue())
    assert f"Its key {key[:12]}… exists and cannot be shown again" in again.getvalue()


def test_the_webhook_logs_its_failed_deliveries(demo_network, client):
    [delivery] = WebhookDelivery.objects.filter(webhook__url=DEMO_WEBHOOK_URL)

    assert delivery.attempts == 1 and delivery.last_status_code is None
    assert "ConnectionError" in delivery.last_error
    assert delivery.status == DeliveryStatus.PENDING and delivery.next_attempt_at > timezone.now()  # retried later
    assert "1 failed delivery(ies) in its log" in demo_network

    client.login(username="admin", password=PASSWORDS["admin"])
    log = client.get("/admin/snippets/api/webhookdelivery/")
    assert log.status_code == 200 and DEMO_WEBHOOK_URL in log.content.decode()


def test_a_reviewer_lands_on_a_dashboard_listing_what_awaits_review(demo_network, client):
    assert client.login(username="reviewer.asia", password=PASSWORDS["reviewer.asia"])

    response = client.get("/admin/")

    html = response.content.decode()
    assert response.status_code == 200 and "Awaiting your review" in html
    assert "Green jobs fair brings 40 employers to Hanoi students" in html
    assert "Ambassador visits Can Tho" in html
    assert "Notre pavillon" not in html, "Europe's items are not Asia-Pacific's to review"


@pytest.mark.parametrize("username", sorted(WORK))
def test_every_demo_account_lands_on_its_work(demo_network, client, username, django_user_model):
    assert username in demo_network
    assert client.login(username=username, password=PASSWORDS[username])

    response = client.get("/admin/")

    html = response.content.decode()
    assert response.status_code == 200
    missing = [title for title in WORK[username] if title not in html]
    assert not missing, f"{username}'s dashboard lacks {missing}"
    user = django_user_model.objects.get(username=username)
    if submissions_in_review(user=user).exists():
        assert "Awaiting your review" in html
