"""Role × action matrix through the admin over HTTP: who may approve, request changes and publish what.

Each item is submitted by its mission's editor with the editor's "Submit to …" button, then every role tries
Wagtail's own workflow action URL (the one the editor's Approve button posts to).
"""

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

from embassies import factories as content
from embassies.models import ArticlePage
from moderation import factories as moderation
from moderation.models import Route, WorkflowRule

from .conftest import article_form, refused, submit_over_http, workflow_action_url


@pytest.fixture
def people(staff, duty_officer, paris_head):
    return {**staff, "duty_officer": duty_officer, "paris_head": paris_head}


@pytest.fixture
def items(client, staff, hanoi, paris):
    """Three items in review: a Hanoi article, a Paris article, a Hanoi emergency notice (fast track)."""
    made = {
        "hanoi_article": (content.article(content.section(hanoi), title="Hanoi trade fair", live=False), "hanoi_editor"),
        "paris_article": (content.article(content.section(paris), title="Paris culture week", live=False), "paris_editor"),
        "hanoi_notice": (
            moderation.consular_notice(content.section(hanoi, "consular"), title="Typhoon warning"),
            "hanoi_editor",
        ),
    }
    for page, author in made.values():
        client.force_login(staff[author])
        submit_over_http(client, page)
    client.logout()
    return {name: page.specific_class.objects.get(pk=page.pk) for name, (page, _author) in made.items()}


MAY_APPROVE = {
    "hanoi_article": {"asia_reviewer", "hq_admin"},
    "paris_article": {"europe_reviewer", "hq_admin"},
    "hanoi_notice": {"hanoi_head", "duty_officer", "hq_admin"},
}
EVERYONE = [
    "hanoi_editor", "hanoi_head", "paris_editor", "paris_head", "asia_reviewer", "europe_reviewer", "duty_officer", "hq_admin"
]
MATRIX = [(item, username, username in allowed) for item, allowed in MAY_APPROVE.items() for username in EVERYONE]


@pytest.mark.parametrize(("item", "username", "allowed"), MATRIX)
def test_only_the_right_reviewers_approve(client, people, items, item, username, allowed):
    page = items[item]
    assert page.workflow_in_progress and not page.live
    task_state = page.current_workflow_task_state
    client.force_login(people[username])

    response = client.post(workflow_action_url(page, "approve", task_state), {"comment": ""})

    page.refresh_from_db()
    if allowed:
        assert response.status_code == 302
        assert page.live, f"{username} approved {item} but it is not live"
    else:
        assert refused(response), f"{username} approved {item}: {response.status_code}"
        assert not page.live and page.workflow_in_progress


@pytest.mark.parametrize(("item", "username", "allowed"), [case for case in MATRIX if case[0] != "hanoi_notice"])
def test_only_the_right_reviewers_request_changes(client, people, items, item, username, allowed):
    page = items[item]
    client.force_login(people[username])
    response = client.post(
        workflow_action_url(page, "reject", page.current_workflow_task_state), {"comment": "Please check the date."}
    )
    page.refresh_from_db()
    state = page.current_workflow_state
    assert (state.status == state.STATUS_NEEDS_CHANGES) is allowed, f"{username} on {item}: {response.status_code}"


def test_editor_sees_submit_to_the_regional_review_and_never_publish(client, staff, hanoi_news):
    page = content.article(hanoi_news, title="Embassy reception", live=False)
    client.force_login(staff["hanoi_editor"])
    form = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Submit to HQ review · Asia-Pacific" in form
    assert 'name="action-publish"' not in form


def test_mission_head_sees_submit_to_the_fast_track_for_a_notice(client, staff, hanoi_consular):
    notice = moderation.consular_notice(hanoi_consular, title="Flood advisory")
    client.force_login(staff["hanoi_head"])
    assert "Submit to Fast track · Embassy in Hanoi" in client.get(f"/admin/pages/{notice.pk}/edit/").content.decode()


def test_fast_track_cannot_be_configured_for_articles(client, staff, hanoi):
    client.force_login(staff["hq_admin"])
    article_type = ContentType.objects.get_for_model(ArticlePage)
    response = client.post(
        "/admin/snippets/moderation/workflowrule/add/",
        {"mission": hanoi.pk, "content_type": article_type.pk, "route": Route.FAST_TRACK},
    )
    assert response.status_code == 200
    assert "Only these page types can be fast-tracked" in response.content.decode()
    assert not WorkflowRule.objects.filter(mission=hanoi, content_type=article_type).exists()


def test_a_fast_track_rule_forced_onto_articles_still_sends_them_to_regional_review(client, staff, hanoi, hanoi_news):
    WorkflowRule.objects.create(mission=hanoi, content_type=ContentType.objects.get_for_model(ArticlePage), route=Route.FAST_TRACK)
    page = content.article(hanoi_news, title="Visit of the minister", live=False)
    client.force_login(staff["hanoi_editor"])
    submit_over_http(client, page)
    page.refresh_from_db()
    assert page.current_workflow_state.workflow.name == "HQ review · Asia-Pacific"

    client.force_login(staff["hanoi_head"])
    response = client.post(workflow_action_url(page, "approve", page.current_workflow_task_state), {"comment": ""})
    assert refused(response)
    page.refresh_from_db()
    assert not page.live


def test_mission_head_without_the_fast_track_permission_cannot_fast_track(client, staff, hanoi, items):
    hanoi.heads_group.permissions.remove(Permission.objects.get(codename="fast_track_mission_content"))
    page = items["hanoi_notice"]
    client.force_login(staff["hanoi_head"])
    response = client.post(workflow_action_url(page, "approve", page.current_workflow_task_state), {"comment": ""})
    assert refused(response)
    page.refresh_from_db()
    assert not page.live


def test_hq_administrator_publishes_over_a_pending_review(client, staff, items):
    page = items["paris_article"]
    client.force_login(staff["hq_admin"])
    response = client.post(f"/admin/pages/{page.pk}/edit/", article_form(page, action="action-publish"))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and not page.workflow_in_progress


@pytest.mark.parametrize("username", ["hanoi_editor", "hanoi_head"])
def test_mission_staff_cannot_publish_their_submitted_page(client, staff, items, username):
    page = items["hanoi_article"]
    client.force_login(staff[username])
    client.post(f"/admin/pages/{page.pk}/edit/", article_form(page, action="action-publish"))
    page.refresh_from_db()
    assert not page.live
