"""The HQ review queue over HTTP: who sees what, filters, ordering, overdue flags, claims and assignment,
comparison and preview, and a constant number of queries however many items it shows."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from embassies import factories as content
from hub import factories
from moderation import factories as moderation
from moderation.models import Submission
from hub.roles import Role

from .conftest import refused, workflow_action_url

QUEUE = "/admin/moderation/queue/"


def _listed(response) -> list[int]:
    assert response.status_code == 200, response.status_code
    return [int(pk) for pk in re.findall(r'data-submission="(\d+)"', response.content.decode())]


def _waiting(submission: Submission, hours: float) -> Submission:
    Submission.objects.filter(pk=submission.pk).update(waiting_since=timezone.now() - timedelta(hours=hours))
    submission.refresh_from_db()
    return submission


def _item(page, by, hours: float = 0) -> Submission:
    state = moderation.submitted(page, by=by)
    return _waiting(Submission.objects.get(workflow_state=state), hours)


@pytest.fixture
def queue(staff, hanoi, paris):
    """A Vietnamese and an English Hanoi article, a Paris press release, a Hanoi emergency notice."""
    editor = staff["hanoi_editor"]
    return {
        "hanoi_vi": _item(content.article(content.section(hanoi), title="Hội chợ", live=False), editor, hours=30),
        "hanoi_en": _item(
            content.article(content.section(hanoi, language_code="en"), title="Trade fair", live=False), editor, hours=2
        ),
        "paris_press": _item(
            content.article(content.section(paris), title="Communiqué", kind="press_release", live=False),
            staff["paris_editor"],
            hours=10,
        ),
        "hanoi_notice": _item(
            moderation.consular_notice(content.section(hanoi, "consular"), title="Typhoon warning"), editor, hours=5
        ),
    }


def test_hq_administrators_see_everything_the_longest_waiting_first(client, staff, queue):
    client.force_login(staff["hq_admin"])
    expected = [queue[name].pk for name in ("hanoi_vi", "paris_press", "hanoi_notice", "hanoi_en")]
    assert _listed(client.get(QUEUE)) == expected


@pytest.mark.parametrize(
    ("username", "visible"),
    [
        ("asia_reviewer", {"hanoi_vi", "hanoi_en"}),
        ("europe_reviewer", {"paris_press"}),
        ("duty_officer", {"hanoi_notice"}),
        ("hanoi_head", {"hanoi_notice"}),
    ],
)
def test_reviewers_see_only_the_items_they_can_review(client, staff, duty_officer, queue, username, visible):
    client.force_login({**staff, "duty_officer": duty_officer}[username])
    assert set(_listed(client.get(QUEUE))) == {queue[name].pk for name in visible}


@pytest.mark.parametrize("username", ["hanoi_editor", "paris_editor"])
def test_mission_editors_cannot_open_the_queue(client, staff, queue, username):
    client.force_login(staff[username])
    assert refused(client.get(QUEUE))
    client.post(f"{QUEUE}{queue['hanoi_vi'].pk}/claim/")
    assert Submission.objects.get(pk=queue["hanoi_vi"].pk).assignee is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("mission={paris}", {"paris_press"}),
        ("region={asia}", {"hanoi_vi", "hanoi_en", "hanoi_notice"}),
        ("locale=en", {"hanoi_en"}),
        ("locale=vi", {"hanoi_vi", "hanoi_notice"}),
        ("kind=press_release", {"paris_press"}),
        ("kind=emergency_notice", {"hanoi_notice"}),
        ("waiting=4", {"hanoi_vi", "paris_press", "hanoi_notice"}),
        ("waiting=24", {"hanoi_vi"}),
        ("waiting=overdue", {"hanoi_vi", "hanoi_notice"}),
        ("assignee=unassigned", {"hanoi_vi", "hanoi_en", "paris_press", "hanoi_notice"}),
        ("assignee=me", set()),
        ("region={asia}&kind=news&waiting=1", {"hanoi_vi", "hanoi_en"}),
    ],
)
def test_queue_filters(client, staff, hanoi, paris, queue, query, expected):
    client.force_login(staff["hq_admin"])
    url = f"{QUEUE}?" + query.format(paris=paris.pk, asia=hanoi.region_id)
    assert set(_listed(client.get(url))) == {queue[name].pk for name in expected}


def test_assignee_filter_finds_a_reviewers_items(client, staff, queue):
    client.force_login(staff["asia_reviewer"])
    client.post(f"{QUEUE}{queue['hanoi_en'].pk}/claim/")
    assert _listed(client.get(f"{QUEUE}?assignee=me")) == [queue["hanoi_en"].pk]
    client.force_login(staff["hq_admin"])
    assert _listed(client.get(f"{QUEUE}?assignee={staff['asia_reviewer'].pk}")) == [queue["hanoi_en"].pk]


@pytest.mark.parametrize(
    "query", ["mission=abc", "region=999999", "locale=xx", "kind=gossip", "waiting=forever", "assignee=999999", "p=zzz"]
)
def test_bad_filter_values_are_form_errors_not_server_errors(client, staff, queue, query):
    client.force_login(staff["hq_admin"])
    response = client.get(f"{QUEUE}?{query}")
    assert response.status_code == 200
    if not query.startswith("p="):
        assert "Select a valid choice" in response.content.decode()


def test_overdue_items_are_flagged_by_their_kinds_service_level(client, staff, queue):
    client.force_login(staff["hq_admin"])
    body = client.get(QUEUE).content.decode()
    rows = dict(re.findall(r'data-submission="(\d+)"(.*?)</tr>', body, flags=re.S))
    flagged = {int(pk) for pk, row in rows.items() if "data-overdue" in row}
    # News: 24 h; notices: 4 h. The 30-hour article and the 5-hour notice are overdue, the 10-hour release is not.
    assert flagged == {queue["hanoi_vi"].pk, queue["hanoi_notice"].pk}


@override_settings(HUB_MODERATION_SERVICE_LEVELS={"press_release": 8, "default": 48})
def test_service_levels_come_from_settings(client, staff, queue):
    client.force_login(staff["hq_admin"])
    assert set(_listed(client.get(f"{QUEUE}?waiting=overdue"))) == {queue["paris_press"].pk}


@pytest.fixture
def second_asia_reviewer(hanoi):
    return factories.staff_user("asia_reviewer_2", Role.HQ_REVIEWER, region=hanoi.region)


def test_a_claimed_item_is_reviewed_only_by_whoever_claimed_it(client, staff, queue, second_asia_reviewer):
    item = queue["hanoi_vi"]
    client.force_login(staff["asia_reviewer"])
    client.post(f"{QUEUE}{item.pk}/claim/")
    item.refresh_from_db()
    assert item.assignee == staff["asia_reviewer"]

    client.force_login(second_asia_reviewer)
    client.post(f"{QUEUE}{item.pk}/claim/")
    item.refresh_from_db()
    assert item.assignee == staff["asia_reviewer"]
    page = item.page.specific
    assert refused(client.post(workflow_action_url(page, "approve", item.task_state), {"comment": ""}))
    assert 'name="action-workflow-action"' not in client.get(f"/admin/pages/{page.pk}/edit/").content.decode()

    client.force_login(staff["asia_reviewer"])
    client.post(f"{QUEUE}{item.pk}/claim/", {"release": "1"})
    client.force_login(second_asia_reviewer)
    client.post(f"{QUEUE}{item.pk}/claim/")
    client.post(workflow_action_url(page, "approve", item.task_state), {"comment": ""})
    page.refresh_from_db()
    assert page.live


def test_hq_administrators_assign_items_to_a_reviewer_who_can_review_them(client, staff, queue):
    item = queue["hanoi_vi"]
    client.force_login(staff["hq_admin"])
    response = client.post(f"{QUEUE}{item.pk}/", {"assignee": staff["europe_reviewer"].pk})
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()
    assert client.post(f"{QUEUE}{item.pk}/", {"assignee": "x"}).status_code == 400

    response = client.post(f"{QUEUE}{item.pk}/", {"assignee": staff["asia_reviewer"].pk})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.assignee == staff["asia_reviewer"]

    client.force_login(staff["asia_reviewer"])
    assert refused(client.post(f"{QUEUE}{item.pk}/", {"assignee": staff["asia_reviewer"].pk}))


def test_each_item_opens_a_comparison_with_the_live_page_and_a_preview_in_its_language(
    client, staff, duty_officer, hanoi
):
    notice = moderation.consular_notice(content.section(hanoi, "consular"), title="Road closures", live=True)
    state = moderation.submitted(notice, by=staff["hanoi_editor"], title="Road closures and curfew")
    item = Submission.objects.get(workflow_state=state)

    client.force_login(duty_officer)
    review = client.get(f"{QUEUE}{item.pk}/")
    assert review.status_code == 200 and "Compare with live" in review.content.decode()
    compare = client.get(f"{QUEUE}{item.pk}/compare/")
    assert compare.status_code == 200 and "curfew" in compare.content.decode()
    preview = client.get(f"{QUEUE}{item.pk}/preview/")
    assert preview.status_code == 200
    assert preview["Content-Language"] == "vi"
    assert 'lang="vi"' in preview.content.decode()


def test_compare_and_preview_are_refused_to_reviewers_of_other_regions(client, staff, queue):
    client.force_login(staff["europe_reviewer"])
    for suffix in ("", "compare/", "preview/"):
        assert refused(client.get(f"{QUEUE}{queue['hanoi_vi'].pk}/{suffix}"))


def _queue_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_queue_renders_with_a_constant_number_of_queries(client, staff, hanoi, paris, django_assert_max_num_queries):
    client.force_login(staff["hq_admin"])
    sections = [content.section(hanoi), content.section(paris), content.section(hanoi, language_code="en")]
    authors = [staff["hanoi_editor"], staff["paris_editor"], staff["hanoi_editor"]]
    for i in range(3):
        _item(content.article(sections[i], title=f"Item {i}", live=False), authors[i], hours=i)
    client.get(QUEUE)  # warm per-process caches (content types, site root paths)
    few = _queue_queries(client, QUEUE)

    for i in range(3, 24):
        item = _item(content.article(sections[i % 3], title=f"Item {i}", live=False), authors[i % 3], hours=i)
        if i % 4 == 0:
            Submission.objects.filter(pk=item.pk).update(assignee=staff["asia_reviewer"])
    many = _queue_queries(client, QUEUE)

    assert many == few, f"{few} queries for 3 items, {many} for 24"
    with django_assert_max_num_queries(30):
        assert len(_listed(client.get(QUEUE))) == 24


def test_wagtails_awaiting_your_review_panel_follows_the_same_rules(client, staff, queue):
    client.force_login(staff["asia_reviewer"])
    body = client.get("/admin/").content.decode()
    assert "Hội chợ" in body and "Communiqué" not in body and "Typhoon warning" not in body
