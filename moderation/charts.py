"""The moderation report's two charts, drawn through the hub's shared chart module (hub/charts.py)."""

from hub.charts import Chart

from .selectors import WeeklyReviewStats


def review_charts(stats: list[WeeklyReviewStats]) -> tuple[Chart, Chart]:
    """Submissions per region per week (grouped bars) and median review time per region per week (lines)."""
    weeks = sorted({row.week for row in stats})
    regions = sorted({row.region for row in stats})
    by_key = {(row.week, row.region): row for row in stats}
    labels = [f"{week:%d %b}" for week in weeks]

    def series(value) -> dict[str, list[float | None]]:
        return {region: [value(by_key.get((week, region))) for week in weeks] for region in regions}

    submissions = Chart(
        title="Submissions per week",
        unit="items",
        x_title="Week",
        x_labels=labels,
        series=series(lambda row: row.submissions if row else 0),
        kind="bar",
        whole_numbers=True,
    )
    review_time = Chart(
        title="Median review time",
        unit="hours",
        x_title="Week",
        x_labels=labels,
        series=series(lambda row: row.median_review_hours if row else None),
        kind="line",
    )
    return submissions, review_time
