"""Posts are approved with their page: drafts become approved (with the page) or scheduled (at their time)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from social.models import SocialPost
from social.services import approve_with_page

pytestmark = pytest.mark.django_db


def test_drafts_are_approved_with_the_page(paris_telegram, paris_page):
    with_page = SocialPost.objects.create(page=paris_page, account=paris_telegram, text="a")
    timed = SocialPost.objects.create(page=paris_page, account=paris_telegram, text="b",
                                      send_mode=SocialPost.SendMode.AT_TIME, send_at=timezone.now() + timedelta(days=1))
    failed = SocialPost.objects.create(page=paris_page, account=paris_telegram, text="c",
                                       status=SocialPost.Status.FAILED)
    assert approve_with_page(paris_page) == 2
    statuses = dict(SocialPost.objects.values_list("pk", "status"))
    assert statuses == {with_page.pk: "approved", timed.pk: "scheduled", failed.pk: "failed"}


def test_a_reviewer_approving_the_page_in_its_workflow_approves_its_posts(client, staff, paris_telegram, paris):
    """Through the admin's own approve action, as a reviewer does it (the handler of Wagtail's `workflow_approved`
    gets the WorkflowState, whose object is the page)."""
    from embassies import factories
    from tests.moderation.conftest import submit_over_http, workflow_action_url

    page = factories.article(factories.section(paris), title="Journée de la francophonie", live=False)
    post = SocialPost.objects.create(page=page, account=paris_telegram, text="La francophonie à l'ambassade")
    client.force_login(staff["paris_editor"])
    submit_over_http(client, page)
    client.logout()
    post.refresh_from_db()
    assert post.status == SocialPost.Status.DRAFT  # submitting is not approving

    client.force_login(staff["europe_reviewer"])
    page.refresh_from_db()
    answer = client.post(workflow_action_url(page, "approve", page.current_workflow_task_state), {"comment": ""})

    assert answer.status_code in (200, 302)
    post.refresh_from_db()
    page.refresh_from_db()
    assert page.live and post.status == SocialPost.Status.APPROVED
