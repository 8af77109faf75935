"""The audit: every transition recorded, shown per page and in the HQ report with its chart and CSV export."""

import csv
import io
from datetime import date, datetime, timedelta, timezone as dt_timezone

import pytest
from django.utils import timezone

from embassies import factories as content
from moderation.charts import review_charts
from moderation.models import ReviewStatus, Transition
from moderation.selectors import WeeklyReviewStats, weekly_review_stats

from .conftest import refused, submit_over_http, workflow_action_url

REPORT = "/admin/reports/moderation/"


@pytest.fixture
def reviewed_page(client, staff, hanoi_news):
    """Submitted, sent back with a comment, resubmitted and approved, all over HTTP."""
    page = content.article(hanoi_news, title="Cultural week", live=False)
    client.force_login(staff["hanoi_editor"])
    submit_over_http(client, page)
    page.refresh_from_db()
    client.force_login(staff["asia_reviewer"])
    client.post(workflow_action_url(page, "reject", page.current_workflow_task_state), {"comment": "Add the venue."})
    client.force_login(staff["hanoi_editor"])
    submit_over_http(client, page, summary="At the Opera House.")
    page.refresh_from_db()
    client.force_login(staff["asia_reviewer"])
    client.post(workflow_action_url(page, "approve", page.current_workflow_task_state), {"comment": "Thanks."})
    client.logout()
    return page


def test_every_transition_is_recorded_with_who_when_from_to_and_comment(staff, hanoi, reviewed_page):
    steps = list(Transition.objects.filter(page=reviewed_page).order_by("at", "pk"))
    assert [(t.from_status, t.to_status, t.actor.username, t.comment) for t in steps] == [
        (ReviewStatus.DRAFT, ReviewStatus.IN_REVIEW, "hanoi_editor", ""),
        (ReviewStatus.IN_REVIEW, ReviewStatus.CHANGES_REQUESTED, "asia_reviewer", "Add the venue."),
        (ReviewStatus.CHANGES_REQUESTED, ReviewStatus.IN_REVIEW, "hanoi_editor", ""),
        (ReviewStatus.IN_REVIEW, ReviewStatus.PUBLISHED, "asia_reviewer", "Thanks."),
    ]
    assert all(t.mission == hanoi and t.region == hanoi.region for t in steps)
    assert [t.review_seconds is not None for t in steps] == [False, True, False, True]


@pytest.mark.parametrize(
    ("username", "allowed"),
    [("hanoi_editor", True), ("asia_reviewer", True), ("hq_admin", True), ("paris_editor", False), ("europe_reviewer", False)],
)
def test_page_history_is_visible_to_those_who_work_on_the_page(client, staff, reviewed_page, username, allowed):
    client.force_login(staff[username])
    response = client.get(f"/admin/moderation/pages/{reviewed_page.pk}/")
    if allowed:
        assert response.status_code == 200 and "Add the venue." in response.content.decode()
    else:
        assert refused(response)


def charts_of(body: str) -> str:
    return body[body.index("data-moderation-charts"):body.index("</div>", body.index("data-moderation-charts"))]


def test_report_shows_transitions_and_two_charts_each_with_its_table(client, staff, reviewed_page):
    client.force_login(staff["hq_admin"])
    body = client.get(REPORT).content.decode()
    assert "Cultural week" in body and "Add the venue." in body
    charts = charts_of(body)
    assert charts.count('<svg xmlns="http://www.w3.org/2000/svg"') == 2 and charts.count('role="img"') == 2
    assert 'aria-label="Submissions per week"' in charts and 'aria-label="Median review time"' in charts
    assert "<caption>Submissions per week (items)</caption>" in charts
    assert "<caption>Median review time (hours)</caption>" in charts
    assert 'class="rect reactive tooltip-trigger"' in charts and 'class="dot reactive tooltip-trigger"' in charts
    week = f"{timezone.localdate() - timedelta(days=timezone.localdate().weekday()):%d %b}"
    assert f"Asia-Pacific, {week}: 2 items" in charts
    assert '<th scope="col">Asia-Pacific</th>' in charts and f'<th scope="row">{week}</th>' in charts
    assert "<script" not in charts and "pygal.js" not in body


def test_report_without_transitions_says_there_is_no_data(client, staff, reviewed_page, paris):
    client.force_login(staff["hq_admin"])
    charts = charts_of(client.get(f"{REPORT}?region={paris.region_id}").content.decode())
    assert charts.count("No data for these filters.") == 2 and "<svg" not in charts and "<table" not in charts
    assert "Submissions per week" in charts and "Median review time" in charts


def test_report_is_limited_to_the_reviewers_region_and_closed_to_editors(client, staff, reviewed_page):
    client.force_login(staff["europe_reviewer"])
    assert "Cultural week" not in client.get(REPORT).content.decode()
    client.force_login(staff["hanoi_editor"])
    assert refused(client.get(REPORT))


def test_report_exports_csv(client, staff, reviewed_page, paris):
    client.force_login(staff["hq_admin"])
    response = client.get(f"{REPORT}?export=csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    mine = [row for row in rows if row["Title"] == "Cultural week"]
    assert [(row["From"], row["To"], row["Who"]) for row in reversed(mine)] == [
        ("Draft", "In review", "hanoi_editor"),
        ("In review", "Changes requested", "asia_reviewer"),
        ("Changes requested", "In review", "hanoi_editor"),
        ("In review", "Published", "asia_reviewer"),
    ]
    assert {row["Region"] for row in mine} == {"Asia-Pacific"} and "Add the venue." in {row["Comment"] for row in mine}

    filtered = client.get(f"{REPORT}?export=csv&region={paris.region_id}")
    assert "Cultural week" not in b"".join(filtered.streaming_content).decode()


@pytest.mark.parametrize("query", ["region=abc", "to_status=lost", "at_from=yesterday", "mission=0"])
def test_report_bad_filters_are_form_errors(client, staff, query):
    client.force_login(staff["hq_admin"])
    response = client.get(f"{REPORT}?{query}")
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode() or "Enter a valid date" in response.content.decode()


def test_weekly_stats_count_submissions_and_take_the_median_review_time(hanoi, paris):
    monday = datetime(2026, 3, 2, 9, tzinfo=dt_timezone.utc)

    def record(region, at, to_status, seconds=None, from_status=ReviewStatus.IN_REVIEW):
        Transition.objects.create(
            page_title="x", region=region, at=at, from_status=from_status, to_status=to_status, review_seconds=seconds
        )

    asia, europe = hanoi.region, paris.region
    for day in range(3):
        record(asia, monday + timedelta(days=day), ReviewStatus.IN_REVIEW, from_status=ReviewStatus.DRAFT)
    for hours in (1, 2, 9):
        record(asia, monday + timedelta(days=4), ReviewStatus.PUBLISHED, hours * 3600)
    record(europe, monday + timedelta(days=8), ReviewStatus.IN_REVIEW, from_status=ReviewStatus.CHANGES_REQUESTED)

    stats = weekly_review_stats(transitions=Transition.objects.filter(at__gte=monday))
    assert [(s.week.isoformat(), s.region, s.submissions, s.median_review_hours) for s in stats] == [
        ("2026-03-02", "Asia-Pacific", 3, 2.0),
        ("2026-03-09", "Europe", 1, None),
    ]


def test_review_charts_map_weekly_stats_to_submission_bars_and_median_lines():
    first, second = date(2026, 3, 2), date(2026, 3, 9)
    submissions, review_time = review_charts([
        WeeklyReviewStats(first, "Asia-Pacific", 3, 2.0),
        WeeklyReviewStats(second, "Europe", 1, None),
        WeeklyReviewStats(second, "Asia-Pacific", 0, 4.5),
    ])
    assert (submissions.title, submissions.unit, submissions.kind) == ("Submissions per week", "items", "bar")
    assert (review_time.title, review_time.unit, review_time.kind) == ("Median review time", "hours", "line")
    assert submissions.x_labels == review_time.x_labels == ["02 Mar", "09 Mar"]
    assert submissions.series == {"Asia-Pacific": [3, 0], "Europe": [0, 1]}
    assert review_time.series == {"Asia-Pacific": [2.0, 4.5], "Europe": [None, None]}
    assert not submissions.is_empty and not review_time.is_empty
    assert "Asia-Pacific, 09 Mar: 4.5 hours" in review_time.svg


def test_review_charts_of_nothing_are_empty():
    assert all(chart.is_empty for chart in review_charts([]))
