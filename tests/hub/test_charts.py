"""The shared chart module: pygal's SVG, made accessible, in the hub's palette, self-contained and escaped."""

import re
import xml.etree.ElementTree as ET

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from hub.charts import PALETTE, Chart, chart_svg

SVG = "{http://www.w3.org/2000/svg}"
NAMESPACES = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}
ATTACK = "<script>alert(1)</script>"


def draw(**overrides) -> str:
    arguments = {
        "title": "Submissions per week",
        "unit": "items",
        "x_labels": ["02 Mar", "09 Mar"],
        "series": {"Asia-Pacific": [3, 0], "Europe": [None, 1]},
    }
    return chart_svg(**arguments | overrides)


def local(tag: str) -> str:
    return tag.removeprefix(SVG)


def test_chart_is_valid_svg_named_for_assistive_technology():
    svg = draw()
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img" and root.get("aria-label") == "Submissions per week"
    assert local(root[0].tag) == "title" and root[0].text == "Submissions per week"
    assert isinstance(svg, SafeString) and not svg.startswith("<?xml")


def test_chart_needs_nothing_from_outside_and_runs_no_script():
    svg = draw(kind="line")
    root = ET.fromstring(svg)
    assert not [element for element in root.iter() if local(element.tag) == "script"]
    assert not [element for element in root.iter() if any(name.endswith("href") for name in element.attrib)]
    assert set(re.findall(r"https?://[^\s\"'<>)]+", svg)) <= NAMESPACES
    assert "<!--" not in svg and "@import" not in svg and "url(" not in svg


def test_series_take_the_hubs_palette_in_order():
    series = {f"Region {i}": [i + 1] for i in range(len(PALETTE))}
    style = ET.fromstring(draw(x_labels=["02 Mar"], series=series)).find(f"{SVG}defs/{SVG}style").text
    for index, colour in enumerate(PALETTE):
        assert re.search(rf"\.color-{index}[ ,{{][^}}]*fill:{colour}", style), colour
    assert "#F44336" not in style


def test_bars_and_lines_are_drawn_with_a_native_tooltip_per_value():
    root = ET.fromstring(draw())
    bars = [element for element in root.iter() if "rect" in (element.get("class") or "").split()]
    assert len(bars) == 3
    tips = {element.text for element in root.iter() if local(element.tag) == "title"}
    assert {"Asia-Pacific, 02 Mar: 3 items", "Asia-Pacific, 09 Mar: 0 items", "Europe, 09 Mar: 1 items"} <= tips

    lines = ET.fromstring(draw(kind="line", unit="hours", series={"Asia-Pacific": [2.0, 4.5]}))
    assert len([element for element in lines.iter() if element.get("class") == "line reactive nofill"]) == 1
    assert "Asia-Pacific, 09 Mar: 4.5 hours" in {element.text for element in lines.iter() if local(element.tag) == "title"}


def test_labels_from_users_data_are_escaped():
    svg = draw(title=f"Missions {ATTACK}", x_labels=[ATTACK, "09 Mar"], series={ATTACK: [1, 2]})
    assert ATTACK not in svg and "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    root = ET.fromstring(svg)
    assert not [element for element in root.iter() if local(element.tag) == "script"]
    assert root.get("aria-label") == f"Missions {ATTACK}"
    assert ATTACK in {element.text for element in root.iter() if local(element.tag) == "title"}


def test_nothing_to_draw_says_no_data():
    for series in ({}, {"Asia-Pacific": [None, None]}):
        root = ET.fromstring(draw(series=series))
        assert [element.text for element in root.iter() if element.get("class") == "no_data"] == ["No data"]
        assert root.get("role") == "img"
    assert Chart(title="t", unit="u", x_labels=["02 Mar"], series={"A": [None]}).is_empty
    assert not Chart(title="t", unit="u", x_labels=["02 Mar"], series={"A": [0]}).is_empty


def test_template_shows_the_chart_with_a_table_of_the_same_numbers():
    chart = Chart(
        title="Median review time", unit="hours", x_title="Week", x_labels=["02 Mar", "09 Mar"],
        series={"Asia-Pacific": [2.0, None], ATTACK: [1.5, 3.0]}, kind="line",
    )
    html = render_to_string("hub/includes/chart.html", {"chart": chart})
    assert html.count("<svg") == 1 and 'role="img"' in html and ATTACK not in html
    table = html[html.index("<table"):]
    assert "<caption>Median review time (hours)</caption>" in table
    assert '<th scope="col">&lt;script&gt;alert(1)&lt;/script&gt;</th>' in table
    cells = re.findall(r"<t[hd][^>]*>([^<]*)</t[hd]>", table)
    assert cells == ["Week", "Asia-Pacific", "&lt;script&gt;alert(1)&lt;/script&gt;", "02 Mar", "2.0", "1.5", "09 Mar", "—", "3.0"]


def test_template_empty_state_draws_nothing():
    chart = Chart(title="Submissions per week", unit="items", x_labels=[], series={})
    html = render_to_string("hub/includes/chart.html", {"chart": chart})
    assert "No data for these filters." in html and "<svg" not in html and "<table" not in html
    assert "Submissions per week" in html
