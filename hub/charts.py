"""Charts for the admin's reports and dashboards: pygal draws them, configured here once, as inline SVG.

No JavaScript and nothing fetched from outside: the admin runs on networks that reach nothing beyond them,
and a chart must print. Templates show a chart with `hub/includes/chart.html`, which puts its numbers in a
table beside it.
"""

import math
from dataclasses import dataclass
from functools import cached_property

import pygal
from django.utils.safestring import SafeString, mark_safe
from pygal.etree import etree
from pygal.style import Style

PALETTE = ("#2e6bb0", "#d0662a", "#3b8f5a", "#8a4fae", "#b8962e", "#c23b5a", "#4a9bb0", "#6b6b6b")
FONTS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif'
WIDTH, HEIGHT = 760, 320
MOST_X_LABELS = 12
KINDS = {"bar": pygal.Bar, "line": pygal.Line}

STYLE = Style(
    colors=PALETTE,
    font_family=FONTS,
    background="transparent",
    plot_background="#ffffff",
    foreground="#333333",
    foreground_strong="#1a1a1a",
    foreground_subtle="#6b6b6b",
    guide_stroke_color="#dddddd",
    major_guide_stroke_color="#bbbbbb",
    title_font_size=15,
    legend_font_size=12,
    label_font_size=11,
    major_label_font_size=11,
    value_font_size=11,
    no_data_font_size=20,
    stroke_width="2",
    opacity=".9",
    opacity_hover="1",
    transition="0s",
)

Series = dict[str, list[float | None]]


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _for_inline_html(title: str, series_names: list[str], unit: str):
    """An xml filter: drop pygal's inline script and comments, name the chart for assistive technology, and
    give every bar and dot a native tooltip (pygal's own tooltips need its JavaScript)."""

    def apply(root):
        for parent in list(root.iter()):
            for child in list(parent):
                if callable(child.tag) or _local(child.tag) == "script":
                    parent.remove(child)
        root.set("role", "img")
        root.set("aria-label", title)
        root.set("style", f"max-width: {WIDTH}px")
        heading = next(child for child in root if _local(child.tag) == "title")
        root.remove(heading)
        root.insert(0, heading)
        for group in list(root.iter()):
            classes = (group.get("class") or "").split()
            index = next((int(name[6:]) for name in classes if name.startswith("serie-")), None)
            if index is None or "series" not in classes:
                continue
            for point in list(group.iter()):
                descs = {desc.get("class"): desc.text for desc in point if _local(desc.tag) == "desc"}
                if "value" in descs:
                    tip = etree.SubElement(point, "title")
                    tip.text = f"{series_names[index]}, {descs.get('x_label') or ''}: {descs['value']} {unit}".strip()
        return root

    return apply


def chart_svg(
    *,
    title: str,
    unit: str,
    x_labels: list[str],
    series: Series,
    kind: str = "bar",
    x_title: str = "",
    whole_numbers: bool = False,
) -> SafeString:
    """An accessible SVG (role="img", titled, in the hub's palette) of named series over x labels, for inlining
    in a page; pygal escapes every label and name, which is what makes it safe to mark safe here."""
    names = list(series)
    chart = KINDS[kind](
        style=STYLE,
        js=[],
        disable_xml_declaration=True,
        width=WIDTH,
        height=HEIGHT,
        title=title,
        x_title=x_title or None,
        y_title=unit,
        x_labels=x_labels,
        show_minor_x_labels=len(x_labels) <= MOST_X_LABELS,
        x_labels_major_every=max(1, math.ceil(len(x_labels) / MOST_X_LABELS)),
        legend_at_bottom=True,
        legend_at_bottom_columns=min(max(len(names), 1), 4),
        include_x_axis=True,
        order_min=0 if whole_numbers else None,
        value_formatter=lambda value: f"{value:g}",
        no_data_text="No data",
    )
    chart.add_xml_filter(_for_inline_html(title, names, unit))
    for name, values in series.items():
        chart.add(name, values)
    return mark_safe(chart.render(is_unicode=True))


@dataclass(frozen=True)
class Chart:
    """A chart with the numbers behind it, so a template can show the picture and a table of the same data."""

    title: str
    unit: str
    x_labels: list[str]
    series: Series
    kind: str = "bar"
    x_title: str = ""
    whole_numbers: bool = False

    @property
    def is_empty(self) -> bool:
        return all(value is None for values in self.series.values() for value in values)

    @property
    def rows(self) -> list[tuple[str, list[float | None]]]:
        """One row per x label, one cell per series: the table beside the chart."""
        return [(label, [values[i] for values in self.series.values()]) for i, label in enumerate(self.x_labels)]

    @cached_property
    def svg(self) -> SafeString:
        return chart_svg(
            title=self.title,
            unit=self.unit,
            x_labels=self.x_labels,
            series=self.series,
            kind=self.kind,
            x_title=self.x_title,
            whole_numbers=self.whole_numbers,
        )
