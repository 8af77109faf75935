"""The mission dashboard over HTTP: drafts, in review (and who has it), changes requested (with the comment),
scheduled and recently published; each mission sees only its own."""

import re

import pytest

from embassies import factories as content

from .conftest import refused, submit_over_http, workflow_action_url

DASHBOARD = "/admin/moderation/mission/"


def _section(body: str, name: str) -> str:
    match = re.search(rf'data-section="{name}">(.*?)</section>', body, flags=re.S)
    assert match, name
    return match.group(1)


@pytest.fixture
def hanoi_content(client, staff, hanoi_news):
    editor, reviewer = staff["hanoi_editor"], staff["asia_reviewer"]
    pages = {
        "draft": content.article(hanoi_news, title="Draft about rice exports", live=False),
        "claimed": content.article(hanoi_news, title="Claimed interview", live=False),
        "sent_back": content.article(hanoi_news, title="Sent back op-ed", live=False),
        "scheduled": content.article(hanoi_news, title="Scheduled speech", live=False),
        "published": content.article(hanoi_news, title="Published visit", live=False),
    }
    client.force_login(editor)
    for name in ("claimed", "sent_back", "scheduled", "published"):
        extra = {"go_live_at": "2099-05-01 08:00"} if name == "scheduled" else {}
        submit_over_http(client, pages[name], **extra)
    client.force_login(reviewer)
    for name in ("sent_back", "scheduled", "published"):
        page = pages[name]
        page.refresh_from_db()
        action = "reject" if name == "sent_back" else "approve"
        client.post(workflow_action_url(page, action, page.current_workflow_task_state), {"comment": "Shorten the intro."})
    submission_id = re.search(r"/admin/moderation/queue/(\d+)/", client.get("/admin/moderation/queue/").content.decode()).group(1)
    client.post(f"/admin/moderation/queue/{submission_id}/claim/")
    client.logout()
    return pages


def test_mission_staff_see_where_their_content_stands(client, staff, hanoi_content):
    client.force_login(staff["hanoi_editor"])
    body = client.get(DASHBOARD).content.decode()
    assert "Draft about rice exports" in _section(body, "drafts")
    in_review = _section(body, "in_review")
    assert "Claimed interview" in in_review and "with asia_reviewer" in in_review
    changes = _section(body, "changes_requested")
    assert "Sent back op-ed" in changes and "Shorten the intro." in changes and "asia_reviewer" in changes
    assert "Scheduled speech" in _section(body, "scheduled")
    assert "Published visit" in _section(body, "published")
    for name in ("drafts", "in_review", "changes_requested", "scheduled"):
        assert "Published visit" not in _section(body, name)
    for title in ("Claimed interview", "Sent back op-ed", "Scheduled speech"):
        assert title not in _section(body, "drafts")


def test_other_missions_see_none_of_it_and_cannot_choose_it(client, staff, hanoi, hanoi_content):
    client.force_login(staff["paris_editor"])
    body = client.get(DASHBOARD).content.decode()
    assert "Embassy in Paris" in body and "Claimed interview" not in body
    response = client.get(f"{DASHBOARD}?mission={hanoi.pk}")
    assert response.status_code == 400 and "Claimed interview" not in response.content.decode()
    assert client.get(f"{DASHBOARD}?mission=abc").status_code == 400


def test_regional_reviewers_open_their_regions_dashboards(client, staff, hanoi, hanoi_content):
    client.force_login(staff["asia_reviewer"])
    assert "Claimed interview" in client.get(f"{DASHBOARD}?mission={hanoi.pk}").content.decode()
    client.force_login(staff["europe_reviewer"])
    assert client.get(f"{DASHBOARD}?mission={hanoi.pk}").status_code == 400


def test_staff_without_a_mission_get_no_dashboard(client, duty_officer):
    client.force_login(duty_officer)
    assert refused(client.get(DASHBOARD))
