"""Workflow provisioning with each mission, and which workflow a page goes through (rules per type and mission)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test.utils import override_settings
from wagtail.models import Task, Workflow, WorkflowPage

from embassies import factories as content
from embassies.models import ConsularNoticePage
from hub import factories
from moderation import factories as moderation
from moderation.models import MissionWorkflows, ReviewTask, Route, WorkflowRule
from hub.roles import HQ_DUTY_OFFICERS_GROUP, HQ_PRESS_OFFICE_GROUP
from hub.services import mission_provision

from .conftest import refused, submit_over_http, workflow_action_url


def _groups(workflow) -> set[str]:
    task = ReviewTask.objects.get(workflow_tasks__workflow=workflow)
    return set(task.groups.values_list("name", flat=True))


def test_each_mission_is_provisioned_with_its_workflows(hanoi, paris, hq):
    hanoi_setup = MissionWorkflows.objects.get(mission=hanoi)
    assert hanoi_setup.review.name == "HQ review · Asia-Pacific"
    assert _groups(hanoi_setup.review) == {"HQ reviewers · Asia-Pacific"}
    assert hanoi_setup.fast_track.name == "Fast track · Embassy in Hanoi"
    assert _groups(hanoi_setup.fast_track) == {"Embassy in Hanoi · Heads", HQ_DUTY_OFFICERS_GROUP}
    assert ReviewTask.objects.get(workflow_tasks__workflow=hanoi_setup.fast_track).fast_track

    assert MissionWorkflows.objects.get(mission=paris).review.name == "HQ review · Europe"
    hq_setup = MissionWorkflows.objects.get(mission=hq)
    assert (hq_setup.review.name, hq_setup.fast_track) == ("HQ press office", None)
    assert _groups(hq_setup.review) == {HQ_PRESS_OFFICE_GROUP}

    for mission, setup in ((hanoi, hanoi_setup), (hq, hq_setup)):
        homes = mission.home_pages.all()
        assert {WorkflowPage.objects.get(page=home).workflow_id for home in homes} == {setup.review_id}


def test_provisioning_again_changes_nothing(hanoi):
    counts = (Workflow.objects.count(), Task.objects.count(), WorkflowPage.objects.count())
    mission_provision(mission=hanoi)
    assert (Workflow.objects.count(), Task.objects.count(), WorkflowPage.objects.count()) == counts


def test_a_mission_moving_region_moves_to_that_regions_review(hanoi):
    hanoi.region = factories.region("europe")
    hanoi.save()
    mission_provision(mission=hanoi)
    setup = MissionWorkflows.objects.get(mission=hanoi)
    assert setup.review.name == "HQ review · Europe"
    assert {WorkflowPage.objects.get(page=home).workflow_id for home in hanoi.home_pages.all()} == {setup.review_id}


def test_pages_go_through_the_workflow_their_rules_choose(hanoi, hanoi_news, hanoi_consular):
    article = content.article(hanoi_news, title="Article", live=False)
    notice = moderation.consular_notice(hanoi_consular, title="Notice")
    assert article.get_workflow().name == "HQ review · Asia-Pacific"
    assert notice.get_workflow().name == "Fast track · Embassy in Hanoi"

    notice_type = ContentType.objects.get_for_model(ConsularNoticePage)
    WorkflowRule.objects.create(mission=hanoi, content_type=notice_type, route=Route.REVIEW)
    assert notice.get_workflow().name == "HQ review · Asia-Pacific"


def test_a_mission_wide_rule_applies_to_every_type_of_that_mission_only(hanoi, paris, hanoi_consular):
    WorkflowRule.objects.create(mission=hanoi, content_type=None, route=Route.REVIEW)
    assert moderation.consular_notice(hanoi_consular, title="Notice").get_workflow().name == "HQ review · Asia-Pacific"
    paris_notice = moderation.consular_notice(content.section(paris, "consular"), title="Avis")
    assert paris_notice.get_workflow().name == "Fast track · Embassy in Paris"


def test_hq_content_goes_to_the_press_office_who_publish_it(client, staff, hq, press_officer):
    page = content.article(content.section(hq), title="Spokesperson statement", live=False)
    assert page.get_workflow().name == "HQ press office"
    client.force_login(staff["hq_admin"])
    submit_over_http(client, page)
    page.refresh_from_db()

    client.force_login(press_officer)
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    client.post(workflow_action_url(page, "approve", page.current_workflow_task_state), {"comment": ""})
    page.refresh_from_db()
    assert page.live


@override_settings(WAGTAIL_WORKFLOW_ENABLED=False)
def test_no_workflow_when_workflows_are_switched_off(hanoi_news):
    assert content.article(hanoi_news, title="Article", live=False).get_workflow() is None


@pytest.mark.parametrize("route", [Route.REVIEW, Route.FAST_TRACK])
def test_rules_admin_accepts_notices_on_either_route(client, staff, hanoi, route):
    client.force_login(staff["hq_admin"])
    notice_type = ContentType.objects.get_for_model(ConsularNoticePage)
    response = client.post(
        "/admin/snippets/moderation/workflowrule/add/", {"mission": hanoi.pk, "content_type": notice_type.pk, "route": route}
    )
    assert response.status_code == 302
    assert WorkflowRule.objects.get(mission=hanoi, content_type=notice_type).route == route


def test_rules_admin_refuses_duplicates_and_garbage_as_form_errors(client, staff):
    client.force_login(staff["hq_admin"])
    notice_type = ContentType.objects.get_for_model(ConsularNoticePage)
    response = client.post(
        "/admin/snippets/moderation/workflowrule/add/", {"mission": "", "content_type": notice_type.pk, "route": "fast_track"}
    )
    assert response.status_code == 200 and "exists already" in response.content.decode()
    response = client.post(
        "/admin/snippets/moderation/workflowrule/add/", {"mission": "x", "content_type": "y", "route": "sideways"}
    )
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()


def test_mission_staff_cannot_manage_rules(client, staff):
    client.force_login(staff["hanoi_head"])
    assert refused(client.get("/admin/snippets/moderation/workflowrule/"))
    notice_type = ContentType.objects.get_for_model(ConsularNoticePage)
    client.post(
        "/admin/snippets/moderation/workflowrule/add/", {"mission": "", "content_type": notice_type.pk, "route": "review"}
    )
    assert WorkflowRule.objects.get(mission=None, content_type=notice_type).route == Route.FAST_TRACK
