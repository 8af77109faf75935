"""Server-rendered SVG charts for the moderation report: geometry here, markup in moderation/includes/chart.html.

No JavaScript or CDN: the admin runs on networks that reach nothing outside, and a chart must print.
"""

import math
from dataclasses import dataclass, field
from datetime import date

from .selectors import WeeklyReviewStats

PALETTE = ["#2e6bb0", "#d0662a", "#3b8f5a", "#8a4fae", "#b8962e", "#c23b5a", "#4a9bb0", "#6b6b6b"]
WIDTH, HEIGHT = 760, 240
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 12, 40


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    title: str


@dataclass
class Line:
    name: str
    colour: str
    points: str
    dots: list[tuple[float, float, str]]


@dataclass
class Chart:
    """Everything the SVG template draws: axes, ticks, bars or lines, and a legend."""

    title: str
    unit: str
    width: int = WIDTH
    height: int = HEIGHT
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    x_labels: list[tuple[float, str]] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)
    plot_left: int = LEFT
    plot_right: int = WIDTH - RIGHT
    plot_bottom: int = HEIGHT - BOTTOM
    scale_top: float = 1
    slot: float = 0
    plot_height: float = HEIGHT - BOTTOM - TOP

    @property
    def is_empty(self) -> bool:
        return not (self.bars or self.lines)


def _nice_maximum(value: float) -> float:
    if value <= 0:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _frame(title: str, unit: str, weeks: list[date], regions: list[str], maximum: float) -> Chart:
    chart = Chart(title=title, unit=unit)
    top = _nice_maximum(maximum)
    plot_height = chart.plot_height
    for i in range(5):
        value = top * i / 4
        chart.y_ticks.append((chart.plot_bottom - plot_height * i / 4, f"{value:g}"))
    slot = (chart.plot_right - chart.plot_left) / max(len(weeks), 1)
    chart.x_labels = [(chart.plot_left + slot * (i + 0.5), week.strftime("%d %b")) for i, week in enumerate(weeks)]
    chart.legend = [(region, PALETTE[i % len(PALETTE)]) for i, region in enumerate(regions)]
    chart.scale_top, chart.slot = top, slot
    return chart


def review_charts(stats: list[WeeklyReviewStats]) -> tuple[Chart, Chart]:
    """Submissions per region per week (grouped bars) and median review time per region per week (lines)."""
    weeks = sorted({row.week for row in stats})
    regions = sorted({row.region for row in stats})
    colours = {region: PALETTE[i % len(PALETTE)] for i, region in enumerate(regions)}
    by_key = {(row.week, row.region): row for row in stats}

    submissions = _frame(
        "Submissions per week", "items", weeks, regions, max((row.submissions for row in stats), default=0)
    )
    bar_width = submissions.slot * 0.8 / max(len(regions), 1)
    for w, week in enumerate(weeks):
        for r, region in enumerate(regions):
            row = by_key.get((week, region))
            if not row or not row.submissions:
                continue
            height = submissions.plot_height * row.submissions / submissions.scale_top
            submissions.bars.append(
                Bar(
                    x=round(submissions.plot_left + submissions.slot * (w + 0.1) + bar_width * r, 1),
                    y=round(submissions.plot_bottom - height, 1),
                    width=round(bar_width, 1),
                    height=round(height, 1),
                    colour=colours[region],
                    title=f"{region}, week of {week:%d %b %Y}: {row.submissions} submitted",
                )
            )

    medians = [row.median_review_hours for row in stats if row.median_review_hours is not None]
    review_time = _frame("Median review time", "hours", weeks, regions, max(medians, default=0))
    for region in regions:
        dots = []
        for w, week in enumerate(weeks):
            row = by_key.get((week, region))
            if row is None or row.median_review_hours is None:
                continue
            x = review_time.plot_left + review_time.slot * (w + 0.5)
            y = review_time.plot_bottom - review_time.plot_height * row.median_review_hours / review_time.scale_top
            dots.append((round(x, 1), round(y, 1), f"{region}, week of {week:%d %b %Y}: median {row.median_review_hours} h"))
        if dots:
            review_time.lines.append(
                Line(name=region, colour=colours[region], points=" ".join(f"{x},{y}" for x, y, _ in dots), dots=dots)
            )
    return submissions, review_time
