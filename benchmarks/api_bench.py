#!/usr/bin/env python
"""REST API benchmark (issue 4): the hub's /api/v1/ against Wagtail's own /api/v2/, side by side, in one run.

    .venv/bin/python benchmarks/api_bench.py                  # throwaway SQLite + media under a temp dir
    .venv/bin/python benchmarks/api_bench.py --data-dir /tmp/hub-bench   # keep the prepared data, reuse it next time
    .venv/bin/python benchmarks/api_bench.py --database-url postgres://user:pass@127.0.0.1/hub_bench

What it does, all against 127.0.0.1 and bounded in time:

1. prepares a dataset: migrate, `seed_demo --force` (HQ + 8 missions, 34 drawn images), then enough extra
   English articles (hero image, tags, topics and body copied from the demo's own articles, demo images reused)
   for a few hundred public pages; then generates every rendition the API serves, so no request draws images;
2. starts gunicorn with the deployment's `gunicorn.conf.py` (one gthread worker per core, 4 threads each,
   SO_REUSEPORT) and production settings (DEBUG off, `hub.settings.production`), with Wagtail's API v2 mounted
   beside v1 (`HUB_WAGTAIL_API_V2=1`) in the same server: same workers, same database, same middleware;
3. drives `wrk` at 50 connections for each scenario, v1 then v2 (a warm-up, then the measured run), and prints
   requests/s, p50 and p99 latency, errors, the v1/v2 ratio and PASS/FAIL against the issue's targets; then
   draws an SVG chart (docs/benchmarks/api_bench.svg).

Scenarios (the same pages on both sides, checked before the run):

* list   - v1 `/api/v1/pages/?page_size=20`: 20 items with the hero image's 8 renditions, tags, topics;
           v2 `/api/v2/pages/?type=embassies.ArticlePage&limit=20&order=-first_published_at&fields=...` with
           `api_fields` registered by this script only (summary, kind, hero image plus one ImageRenditionField per
           rendition the hub serves, tags, topics), so v2 renders the closest equivalent content.
* detail - `/api/v1/pages/<id>/` vs `/api/v2/pages/<id>/`, rotating over the list's 20 ids (Lua).
* 304    - the list URL with `If-None-Match` (and `If-Modified-Since`) from a previous response. v1 answers 304;
           v2 sends no validators, so it renders a 200 every time: that is the comparison.

Informational rows, not judged: v2's list without its rendition fields (what v2 costs when a consumer fetches
images separately), and v1's list and detail from a second server with the response cache off
(`HUB_API_RESPONSE_CACHE_SECONDS=0`), so that every request renders.

Wagtail's v2 is never mounted in production (api/urls.py); the `api_fields` registered here exist only in the
benchmark's gunicorn workers (`wsgi_app()` below). The anonymous throttle is lifted (all load comes from one
address) but still runs, for both APIs. Exit status: 0 when every target is met, 1 when one is missed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import runpy
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from statistics import median
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TARGET_THROUGHPUT_RATIO = 2.0  # v1 >= 2x v2 on list and detail
TARGET_P99_MS = 100.0
TARGET_304_RATIO = 10.0
EXTRA_PAGE_SLUG_PREFIX = "bench-article-"
MARKER = "prepared.json"

V2_RENDITION_FIELD_PREFIX = "hero_"


# --------------------------------------------------------------------------------------------------------------
# Inside Django (gunicorn workers and the preparation subprocess)
# --------------------------------------------------------------------------------------------------------------


def v2_rendition_field_name(spec: str) -> str:
    return V2_RENDITION_FIELD_PREFIX + spec.replace("-", "_")


def register_v2_api_fields() -> list[str]:
    """Give ArticlePage the `api_fields` Wagtail's v2 needs to serve what v1 serves (benchmark workers only).

    Returns the listing `fields=` names."""
    from wagtail.api import APIField
    from wagtail.images.api.fields import ImageRenditionField

    from embassies.models import ArticlePage
    from embassies.assets.sizes import all_filter_specs

    renditions = [
        APIField(v2_rendition_field_name(spec), serializer=ImageRenditionField(spec, source="hero_image"))
        for spec in all_filter_specs()
    ]
    listing = [
        APIField("summary"),
        APIField("kind"),
        APIField("last_published_at"),
        APIField("hero_image"),
        *renditions,
        APIField("tags"),
        APIField("topics"),
    ]
    detail_only = [
        APIField("body"),
        APIField("share_text_facebook"),
        APIField("share_text_x"),
        APIField("share_text_linkedin"),
    ]
    ArticlePage.api_fields = listing + detail_only
    return [field.name for field in listing]


def wsgi_app():
    """gunicorn entry point: `benchmarks.api_bench:wsgi_app()` (Django's WSGI app plus the v2 fields)."""
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
    register_v2_api_fields()
    return application


def _django_setup() -> None:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def prepare_extra_pages(minimum_public: int) -> dict:
    """Add English articles until at least `minimum_public` content pages are public; idempotent by slug."""
    _django_setup()
    from datetime import timedelta

    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page

    from embassies.models import ArticlePage, HubImage
    from embassies.selectors import pages_public

    content = pages_public(queryset=Page.objects.type(*_content_models()))
    missing = max(0, minimum_public - content.count())
    existing = ArticlePage.objects.filter(slug__startswith=EXTRA_PAGE_SLUG_PREFIX).count()
    sources = list(
        ArticlePage.objects.live()
        .filter(locale__language_code="en")
        .exclude(slug__startswith=EXTRA_PAGE_SLUG_PREFIX)
        .prefetch_related("tagged_items__tag", "topics")
        .order_by("pk")
    )
    parents = sorted({source.get_parent().specific for source in sources}, key=lambda page: page.pk)
    images = list(HubImage.objects.order_by("pk"))
    now = timezone.now()
    created = 0
    with transaction.atomic():
        for number in range(existing, existing + missing):
            source = sources[number % len(sources)]
            parent = parents[number % len(parents)]
            moment = now - timedelta(minutes=5 * (number + 1))
            page = ArticlePage(
                title=f"{source.title} ({number + 1})",
                slug=f"{EXTRA_PAGE_SLUG_PREFIX}{number + 1}",
                summary=source.summary,
                kind=source.kind,
                hero_image=images[number % len(images)],
                body=source.body.raw_data,
                share_text_facebook=source.share_text_facebook,
                share_text_x=source.share_text_x,
                share_text_linkedin=source.share_text_linkedin,
                live=True,
                has_unpublished_changes=False,
                first_published_at=moment,
                last_published_at=moment,
            )
            page.topics = list(source.topics.all())
            page.tags.set([item.tag.name for item in source.tagged_items.all()])
            parent.add_child(instance=page)
            created += 1
    return {
        "created": created,
        "public_pages": pages_public().count(),
        "public_content_pages": content.count(),
        "public_with_hero": sum(
            pages_public(queryset=model.objects.filter(hero_image__isnull=False)).count() for model in _content_models()
        ),
        "images": len(images),
    }


def _content_models():
    from embassies.models import ArticlePage, ConsularNoticePage, EventPage

    return (ArticlePage, EventPage, ConsularNoticePage)


def prepare_renditions() -> dict:
    """Generate every rendition the API serves, for every image, so that no benchmark request draws one."""
    _django_setup()
    from embassies.models import HubImage
    from embassies.assets.sizes import all_filter_specs

    count = 0
    for image in HubImage.objects.order_by("pk"):
        count += len(image.get_renditions(*all_filter_specs()))
    return {"renditions": count}


def _internal(argv: list[str]) -> None:
    command = argv[0]
    if command == "extra-pages":
        result = prepare_extra_pages(int(argv[1]))
    elif command == "renditions":
        result = prepare_renditions()
    else:
        raise SystemExit(f"unknown internal command {command}")
    print("RESULT " + json.dumps(result))


# --------------------------------------------------------------------------------------------------------------
# The driver
# --------------------------------------------------------------------------------------------------------------

WRK_LUA = r"""
-- Generated by benchmarks/api_bench.py: rotates paths, counts statuses, prints a JSON summary.
local paths = {PATHS}
local headers = {HEADERS}
local threads = {}
counter = 0
statuses = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counter = math.random(#paths) - 1
  statuses = {}
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], headers)
end

function response(status, hdrs, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local merged = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    for status, n in pairs(counts) do
      merged[status] = (merged[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(merged) do
    table.insert(parts, string.format('"%d": %d', status, n))
  end
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %d, "duration_us": %d, "bytes": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, ' ..
    '"max_us": %d, "mean_us": %.1f, "errors": {"connect": %d, "read": %d, "write": %d, "status": %d, ' ..
    '"timeout": %d}, "statuses": {%s}}\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, latency.mean, e.connect, e.read, e.write, e.status, e.timeout,
    table.concat(parts, ", ")))
end
"""


def lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string literal is a valid Lua string literal for these ASCII values


def write_lua(path: Path, paths: list[str], headers: dict[str, str]) -> None:
    lua_paths = ", ".join(lua_string(item) for item in paths)
    lua_headers = ", ".join(f"[{lua_string(name)}] = {lua_string(value)}" for name, value in headers.items())
    path.write_text(WRK_LUA.replace("{PATHS}", "{" + lua_paths + "}").replace("{HEADERS}", "{" + lua_headers + "}"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(command: list[str], *, env: dict, label: str, timeout: float) -> str:
    started = time.monotonic()
    print(f"  {label} ...", end="", flush=True)
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        print(" failed")
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise SystemExit(f"{label} failed (exit {result.returncode})")
    print(f" {time.monotonic() - started:.0f} s")
    return result.stdout


def internal_result(output: str) -> dict:
    for line in output.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT "):])
    raise SystemExit("no result from the preparation step")


def get(url: str, headers: dict | None = None, timeout: float = 30) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - 127.0.0.1 only
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class Server:
    """gunicorn in its own process group, always stopped by `stop()`."""

    def __init__(
        self, *, env: dict, port: int, workers: int, worker_class: str, threads: int, log: Path, root: Path = ROOT
    ):
        self.port = port
        self.log = log
        command = [
            PYTHON, "-m", "gunicorn",
            "--config", str(root / "gunicorn.conf.py"),  # the deployment's, with these overrides
            "--bind", f"127.0.0.1:{port}",
            "--workers", str(workers),
            "--worker-class", worker_class,
            "--threads", str(threads),
            "--log-level", "warning",
            "--chdir", str(root),
            "benchmarks.api_bench:wsgi_app()",
        ]  # fmt: skip
        self.log_file = log.open("w")
        self.process = subprocess.Popen(
            command, env={**env, "PYTHONPATH": str(root)}, cwd=root, stdout=self.log_file, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def worker_pids(self) -> list[int]:
        """The gunicorn workers (children of the master), from /proc."""
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == self.process.pid:
                    pids.append(int(stat.parent.name))
            except (OSError, ValueError, IndexError):
                continue
        return pids

    def wait_ready(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited early; see {self.log}:\n{self.log.read_text()[-3000:]}")
            try:
                status, _headers, _body = get(self.base + "/api/v1/missions/", timeout=5)
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise SystemExit(f"gunicorn did not answer within {timeout:.0f} s; see {self.log}")

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)  # the gunicorn master and its workers only
                self.process.wait(timeout=20)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.process.wait(timeout=10)
        self.log_file.close()


def wrk(base: str, lua: Path, *, connections: int, threads: int, duration: float, timeout: float = 10) -> dict:
    command = [
        "wrk", "-c", str(connections), "-t", str(threads), "-d", f"{duration:g}s", "--timeout", f"{timeout:g}s",
        "-s", str(lua), base,
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=duration + timeout + 30)
    for line in result.stdout.splitlines():
        if line.startswith("WRKJSON "):
            data = json.loads(line[len("WRKJSON "):])
            data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
            good = sum(n for status, n in data["statuses"].items() if 200 <= int(status) < 400)
            e = data["errors"]
            data["failed"] = (data["requests"] - good) + e["connect"] + e["read"] + e["write"] + e["timeout"]
            return data
    raise SystemExit(f"wrk gave no summary:\n{result.stdout}\n{result.stderr}")


def load_average() -> str:
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "n/a"


def check_same_pages(base: str, v1_list: str, v2_list: str) -> list[int]:
    """The ids both list scenarios return, in order; stop if the two APIs do not serve the same pages."""
    status1, _h, body1 = get(base + v1_list)
    status2, _h, body2 = get(base + v2_list)
    if status1 != 200 or status2 != 200:
        raise SystemExit(f"list requests failed: v1 {status1} {body1[:300]!r}, v2 {status2} {body2[:300]!r}")
    v1_items = json.loads(body1)["results"]
    v2_items = json.loads(body2)["items"]
    v1_ids = [item["id"] for item in v1_items]
    v2_ids = [item["id"] for item in v2_items]
    if v1_ids != v2_ids:
        raise SystemExit(f"v1 and v2 lists differ:\n v1 {v1_ids}\n v2 {v2_ids}")
    without_renditions = [item["id"] for item in v1_items if not (item.get("hero_image") or {}).get("web")]
    if without_renditions:
        raise SystemExit(f"v1 list items without hero renditions: {without_renditions}")
    return v1_ids


def describe_sizes(base: str, paths: dict[str, str]) -> dict[str, int]:
    return {name: len(get(base + path)[2]) for name, path in paths.items()}


def svg_chart(rows: list[dict], extra: list[dict], path: Path, title: str) -> None:
    """Two panels of grouped bars on log scales, requests/s and p99 latency: for each scenario the hub's v1,
    v1 with its response cache off, Wagtail's v2 and v2 without rendition fields (where measured), each bar
    labelled with its value."""
    import math

    sides = [("v1", "hub /api/v1/", "#1f6feb"), ("v1 off", "v1, response cache off", "#8cb8f5"),
             ("v2", "Wagtail /api/v2/", "#6e7781"), ("v2 plain", "v2 without renditions", "#c4cad0")]  # fmt: skip
    groups = []
    for row in rows:
        variants = {item["key"]: item["data"] for item in extra if item["scenario"] == row["scenario"]}
        bars = [("v1", row["v1"])]
        if "v1 off" in variants:
            bars.append(("v1 off", variants["v1 off"]))
        bars.append(("v2", row["v2"]))
        if "v2 plain" in variants:
            bars.append(("v2 plain", variants["v2 plain"]))
        groups.append((row["scenario"], row["ratio"], bars))
    colours = {key: colour for key, _label, colour in sides}
    width, panel_height, top, left, gap = 780, 250, 78, 70, 46
    height = top + 2 * panel_height + gap + 40
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{width / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">{title}</text>',
    ]
    x = left
    for key, label, colour in sides:
        out.append(f'<rect x="{x}" y="38" width="12" height="12" fill="{colour}"/>')
        out.append(f'<text x="{x + 17}" y="48">{label}</text>')
        x += 34 + 7 * len(label)

    def panel(y0: float, metric: str, label: str, target: float | None) -> None:
        values = [data[metric] for _name, _ratio, bars in groups for _key, data in bars if data[metric] > 0]
        values += [target] if target else []
        low = 10 ** math.floor(math.log10(min(values) / 1.5 if values else 1))
        high = 10 ** math.ceil(math.log10(max(values) * 1.5 if values else 10))
        span = math.log10(high) - math.log10(low)
        plot_h, plot_w = panel_height - 56, width - left - 20
        base_y = y0 + 22 + plot_h

        def y_of(value: float) -> float:
            return base_y - plot_h * (math.log10(max(value, low)) - math.log10(low)) / span

        out.append(f'<text x="{left}" y="{y0 + 6}" font-weight="bold">{label}</text>')
        decade = low
        while decade <= high:
            ty = y_of(decade)
            out.append(f'<line x1="{left}" y1="{ty:.1f}" x2="{left + plot_w}" y2="{ty:.1f}" stroke="#e6e6e6"/>')
            out.append(f'<text x="{left - 8}" y="{ty + 4:.1f}" text-anchor="end" fill="#555">{decade:,g}</text>')
            decade *= 10
        out.append(f'<line x1="{left}" y1="{base_y}" x2="{left + plot_w}" y2="{base_y}" stroke="#333"/>')
        group_w = plot_w / len(groups)
        bar_w = min(56, group_w / 4.5)
        for index, (name, ratio, bars) in enumerate(groups):
            start = left + group_w * index + (group_w - bar_w * len(bars)) / 2
            for position, (key, data) in enumerate(bars):
                value = data[metric]
                bx, by = start + position * bar_w, y_of(value)
                out.append(
                    f'<rect x="{bx:.1f}" y="{by:.1f}" width="{bar_w - 4:.1f}" height="{base_y - by:.1f}" '
                    f'fill="{colours[key]}"/>'
                )
                text = f"{value:,.0f}" if value >= 10 else f"{value:.1f}"
                out.append(
                    f'<text x="{bx + (bar_w - 4) / 2:.1f}" y="{by - 4:.1f}" text-anchor="middle" '
                    f'font-size="11">{text}</text>'
                )
            caption = f"{name}  (v1/v2 {ratio:,.1f}×)" if metric == "rps" else name
            out.append(
                f'<text x="{left + group_w * index + group_w / 2:.1f}" y="{base_y + 16}" '
                f'text-anchor="middle">{caption}</text>'
            )
        if target:
            ty = y_of(target)
            out.append(
                f'<line x1="{left}" y1="{ty:.1f}" x2="{left + plot_w}" y2="{ty:.1f}" stroke="#d1242f" '
                f'stroke-dasharray="5,4"/><text x="{left + 4}" y="{ty + 14:.1f}" text-anchor="start" '
                f'fill="#d1242f" stroke="white" stroke-width="3" paint-order="stroke">'
                f"target p99 &lt; {target:g} ms</text>"
            )

    panel(top, "rps", "Requests per second, log scale (higher is better)", None)
    panel(top + panel_height + gap, "p99_ms", "p99 latency in ms, log scale (lower is better)", TARGET_P99_MS)
    out.append(
        f'<text x="{width / 2}" y="{height - 10}" text-anchor="middle" fill="#555">'
        "wrk, 50 connections, same gunicorn server and pages for both APIs; see docs/benchmarks.md</text>"
    )
    out.append("</svg>")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(out) + "\n")


def ratio(a: float, b: float) -> float:
    """a ÷ b, or NaN (never a pass) when b had no answers in its run."""
    return a / b if b else float("nan")


def verdicts(row: dict) -> list[tuple[str, bool]]:
    ratio = row["ratio"]
    checks = []
    if row["scenario"] in ("list", "detail"):
        checks.append((f"throughput >= {TARGET_THROUGHPUT_RATIO:g}x v2", ratio >= TARGET_THROUGHPUT_RATIO))
        checks.append((f"p99 < {TARGET_P99_MS:g} ms", row["v1"]["p99_ms"] < TARGET_P99_MS))
    elif row["scenario"] == "304":
        checks.append((f"throughput >= {TARGET_304_RATIO:g}x v2", ratio >= TARGET_304_RATIO))
    checks.append(("no errors", row["v1"]["failed"] == 0 and row["v2"]["failed"] == 0))
    if not row["v2"]["requests"]:
        checks.append(("v2 answered within the run (make --duration longer)", False))
    return checks


def print_table(rows: list[dict], extra: list[dict]) -> str:
    lines = [
        "| scenario | API | req/s | p50 ms | p99 ms | failed | statuses | v1/v2 | targets |",
        "|---|---|---:|---:|---:|---:|---|---:|---|",
    ]
    for row in rows:
        checks = "; ".join(f"{name}: {'PASS' if ok else 'FAIL'}" for name, ok in verdicts(row))
        for side in ("v1", "v2"):
            data = row[side]
            statuses = ", ".join(f"{status}×{n}" for status, n in sorted(data["statuses"].items()))
            lines.append(
                f"| {row['scenario']} | {side} | {data['rps']:,.0f} | {data['p50_ms']:.1f} | {data['p99_ms']:.1f} | "
                f"{data['failed']} | {statuses} | {row['ratio']:.1f}× | {checks if side == 'v1' else ''} |"
            )
    for row in extra:
        data = row["data"]
        statuses = ", ".join(f"{status}×{n}" for status, n in sorted(data["statuses"].items()))
        lines.append(
            f"| {row['scenario']} | {row['api']} | {data['rps']:,.0f} | {data['p50_ms']:.1f} | {data['p99_ms']:.1f} | "
            f"{data['failed']} | {statuses} | {row['ratio']:.1f}× | informational ({row['note']}) |"
        )
    table = "\n".join(lines)
    print(table)
    return table


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv and argv[0] == "_internal":
        _internal(argv[1:])
        return 0
    cores = os.cpu_count() or 1
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        help="Use this database (e.g. an empty PostgreSQL one) instead of a throwaway SQLite file. It is migrated and "
        "seeded (both find what is already there) unless --data-dir holds a dataset prepared for it.",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="Keep the SQLite file and media here (not deleted); a prepared one is reused as it is.",
    )
    parser.add_argument("--min-pages", type=int, default=400, help="Public content pages to have (default 400).")
    deployment = runpy.run_path(str(ROOT / "gunicorn.conf.py"))  # what a deployment on this machine runs
    parser.add_argument(
        "--workers", type=int, default=deployment["workers"], help="gunicorn workers (default: gunicorn.conf.py's)."
    )
    parser.add_argument(
        "--worker-class", default=deployment["worker_class"], help="gunicorn worker class (default: gunicorn.conf.py's)."
    )
    parser.add_argument(
        "--threads", type=int, default=deployment["threads"], help="Threads per worker (default: gunicorn.conf.py's)."
    )
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--wrk-threads", type=int, default=max(1, min(cores, 4)))
    parser.add_argument("--duration", type=float, default=10, help="Seconds measured per scenario and API.")
    parser.add_argument("--warmup", type=float, default=5, help="Seconds of unmeasured load before each (default 5).")
    parser.add_argument(
        "--no-uncached",
        action="store_true",
        help="Skip the informational v1 rows rendered with the response cache off (a second gunicorn).",
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        help="Compare with the code in this directory (e.g. `git archive <commit> | tar -x -C DIR`): v1's list, detail "
        "and 304 from a second gunicorn started there on the same data, beside this tree's, in one run.",
    )
    parser.add_argument(
        "--response-cache-off",
        action="store_true",
        help="Serve every row with the response cache off (with --baseline: compare the uncached render path).",
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="With --baseline: measurements per side and scenario, alternating (median)."
    )
    parser.add_argument("--chart", type=Path, default=ROOT / "docs" / "benchmarks" / "api_bench.svg")
    parser.add_argument("--json", type=Path, help="Also write the figures as JSON here.")
    args = parser.parse_args(argv)

    if shutil.which("wrk") is None:
        print(
            "wrk is not installed: it is the load generator of this benchmark.\n"
            "Install it (Debian/Ubuntu: `apt-get install wrk`) and run again.",
            file=sys.stderr,
        )
        return 2

    started = time.monotonic()
    temp_dir = None
    if args.data_dir:
        data_dir = args.data_dir.resolve()
        data_dir.mkdir(parents=True, exist_ok=True)
    else:
        temp_dir = tempfile.mkdtemp(prefix="hub-api-bench-")
        data_dir = Path(temp_dir)
    database_url = args.database_url or f"sqlite:///{data_dir / 'db.sqlite3'}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hub.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "HUB_SOCIAL_TOKEN_KEYS": "Zm9yLXRoZS1kZXBsb3ktY2hlY2stb25seS0zMmJ5dGU=",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "HUB_WAGTAIL_API_V2": "1",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(data_dir / "media"),
        # The load comes from one address: lift the anonymous throttle (it still runs, on both APIs) so that
        # the benchmark measures serving, not the 60/min policy.
        "HUB_API_ANONYMOUS_RATE": "1000000/s",
        # Throttle counts in each worker's memory, as with one Redis round trip saved: the benchmark measures
        # serving; a deployment shares them (HUB_CACHE_URL=redis://… or the database cache).
        "HUB_CACHE_URL": "locmem",
        "PYTHONPATH": str(ROOT),
        "LOG_LEVEL": "WARNING",
    }
    # The demo app is installed by the development settings only; it seeds the same database.
    seed_env = {**env, "DJANGO_SETTINGS_MODULE": "hub.settings.dev"}
    server = None
    try:
        print(f"Embassy Hub API benchmark — {cores} cores, load average {load_average()}")
        print(f"  database {database_url.split('@')[-1]}, media {data_dir / 'media'}")
        marker = data_dir / MARKER
        prepared = json.loads(marker.read_text()) if marker.exists() else None
        database_key = hashlib.sha256(database_url.encode()).hexdigest()  # not the URL: it may hold a password
        manage = [PYTHON, str(ROOT / "manage.py")]
        run([*manage, "migrate", "--noinput", "--skip-checks"], env=env, label="migrate", timeout=600)  # new code, new columns
        if prepared and prepared.get("database") == database_key and prepared.get("min_pages") == args.min_pages:
            print(f"  reusing the prepared dataset in {data_dir}")
            dataset = prepared["dataset"]
        else:
            run([*manage, "seed_demo", "--force", "--no-progress", "-v", "0"], env=seed_env, label="seed_demo", timeout=900)
            dataset = internal_result(
                run([PYTHON, __file__, "_internal", "extra-pages", str(args.min_pages)], env=env,
                    label="extra articles", timeout=600)
            )  # fmt: skip
            dataset.update(
                internal_result(
                    run([PYTHON, __file__, "_internal", "renditions"], env=env, label="renditions", timeout=900)
                )
            )
            marker.write_text(json.dumps({"database": database_key, "min_pages": args.min_pages, "dataset": dataset}))
        print(
            f"  dataset: {dataset['public_pages']} public pages, {dataset['public_content_pages']} public articles/"
            f"events/notices ({dataset['public_with_hero']} with a hero image), {dataset['images']} images, "
            f"{dataset['renditions']} renditions"
        )

        cache_seconds = "0" if args.response_cache_off else os.environ.get("HUB_API_RESPONSE_CACHE_SECONDS", "600")
        server_env = {**env, "HUB_API_RESPONSE_CACHE_SECONDS": cache_seconds}
        server = Server(
            env=server_env, port=free_port(), workers=args.workers, worker_class=args.worker_class,
            threads=args.threads, log=data_dir / "gunicorn.log",
        )  # fmt: skip
        server.wait_ready()
        print(f"  gunicorn: {args.workers} {args.worker_class} workers × {args.threads} threads on {server.base}")

        sys.path.insert(0, str(ROOT))
        from embassies.assets.sizes import all_filter_specs  # plain constants: no Django set-up needed here

        v2_fields = ["summary", "kind", "last_published_at", "hero_image"]
        v2_fields += [v2_rendition_field_name(spec) for spec in all_filter_specs()] + ["tags", "topics"]
        v1_list = "/api/v1/pages/?page_size=20"
        v2_list = (
            "/api/v2/pages/?type=embassies.ArticlePage&limit=20&order=-first_published_at&fields=" + ",".join(v2_fields)
        )
        ids = check_same_pages(server.base, v1_list, v2_list)
        v1_details = [f"/api/v1/pages/{pk}/" for pk in ids]
        v2_details = [f"/api/v2/pages/{pk}/" for pk in ids]
        for path in v1_details + v2_details:  # warm every worker's first touch of each page a little
            status, _headers, body = get(server.base + path)
            if status != 200:
                raise SystemExit(f"{path}: {status} {body[:300]!r}")
        _status, v1_headers, _body = get(server.base + v1_list)
        _status, v2_headers, _body = get(server.base + v2_list)
        revalidate_v1 = {"If-None-Match": v1_headers["ETag"], "If-Modified-Since": v1_headers["Last-Modified"]}
        v2_validators = [("If-None-Match", v2_headers.get("ETag"))]
        v2_validators.append(("If-Modified-Since", v2_headers.get("Last-Modified")))
        # v2 sends neither validator: ask it with v1's date, which it ignores (a 200 every time).
        revalidate_v2 = {name: value for name, value in v2_validators if value} or {
            "If-Modified-Since": v1_headers["Last-Modified"]
        }
        if get(server.base + v1_list, headers=revalidate_v1)[0] != 304:
            raise SystemExit("v1 did not answer the revalidation with 304")
        sizes = describe_sizes(
            server.base,
            {"v1 list": v1_list, "v2 list": v2_list, "v1 detail": v1_details[0], "v2 detail": v2_details[0]},
        )
        print("  response sizes (bytes): " + ", ".join(f"{name} {size:,}" for name, size in sizes.items()))

        if args.baseline:
            return compare_with_baseline(
                server, args, env=server_env, data_dir=data_dir,
                scenarios=[("list", [v1_list], {}), ("detail", v1_details, {}), ("304", [v1_list], revalidate_v1)],
            )  # fmt: skip

        scenarios = [
            ("list", ([v1_list], {}), ([v2_list], {})),
            ("detail", (v1_details, {}), (v2_details, {})),
            ("304", ([v1_list], revalidate_v1), ([v2_list], revalidate_v2)),
        ]
        lua_dir = data_dir / "lua"
        lua_dir.mkdir(exist_ok=True)
        rows = []
        for name, *sides in scenarios:
            row = {"scenario": name}
            for side, (paths, headers) in zip(("v1", "v2"), sides, strict=True):
                lua = lua_dir / f"{name}-{side}.lua"
                write_lua(lua, paths, headers)
                row[side] = measure(server, lua, args, label=f"{name} {side}")
            row["ratio"] = ratio(row["v1"]["rps"], row["v2"]["rps"])
            rows.append(row)
        extra = []
        # v2 without its rendition fields: what Wagtail's API costs when a consumer fetches images separately.
        plain_fields = [name for name in v2_fields if not name.startswith(V2_RENDITION_FIELD_PREFIX)]
        v2_plain = v2_list.replace(",".join(v2_fields), ",".join(plain_fields))
        lua = lua_dir / "list-v2-plain.lua"
        write_lua(lua, [v2_plain], {})
        data = measure(server, lua, args, label="list v2, no rendition fields")
        extra.append({
            "scenario": "list", "api": "v2, no renditions", "key": "v2 plain", "data": data,
            "ratio": ratio(rows[0]["v1"]["rps"], data["rps"]), "note": "v1 ÷ this row",
        })  # fmt: skip
        server.stop()
        server = None

        if not args.no_uncached:
            # The same v1 requests with the response cache off: every request renders (informational rows).
            server = Server(
                env={**env, "HUB_API_RESPONSE_CACHE_SECONDS": "0"}, port=free_port(), workers=args.workers,
                worker_class=args.worker_class, threads=args.threads, log=data_dir / "gunicorn-uncached.log",
            )  # fmt: skip
            server.wait_ready()
            for name, (paths, headers) in (("list", ([v1_list], {})), ("detail", (v1_details, {}))):
                lua = lua_dir / f"{name}-v1-uncached.lua"
                write_lua(lua, paths, headers)
                data = measure(server, lua, args, label=f"{name} v1, response cache off")
                v2 = next(row["v2"] for row in rows if row["scenario"] == name)
                extra.append({
                    "scenario": name, "api": "v1, cache off", "key": "v1 off", "data": data,
                    "ratio": ratio(data["rps"], v2["rps"]), "note": "this row ÷ v2",
                })  # fmt: skip
            server.stop()
            server = None

        print()
        print(
            f"Results — {cores} cores, gunicorn {args.workers}×{args.worker_class}, "
            f"wrk {args.connections} connections "
            f"× {args.duration:g} s per row, load average {load_average()}"
        )
        table = print_table(rows, extra)
        failed = [f"{row['scenario']}: {name}" for row in rows for name, ok in verdicts(row) if not ok]
        print()
        print("All targets met." if not failed else "Targets missed: " + "; ".join(failed))
        svg_chart(rows, extra, args.chart, "Embassy Hub /api/v1/ vs Wagtail /api/v2/ (same server, same pages)")
        print(f"Chart: {args.chart}")
        if args.json:
            args.json.write_text(
                json.dumps(
                    {"rows": rows, "informational": extra, "dataset": dataset, "sizes": sizes, "cores": cores,
                     "load_average": load_average(), "table": table},
                    indent=2,
                )
            )  # fmt: skip
        print(f"Total time {time.monotonic() - started:.0f} s.")
        return 0 if not failed else 1
    finally:
        if server is not None:
            server.stop()
        if temp_dir is not None:
            shutil.rmtree(temp_dir, ignore_errors=True)


def compare_with_baseline(server: "Server", args, *, env: dict, data_dir: Path, scenarios) -> int:
    """v1 of this tree beside v1 of `args.baseline` (same data, same settings): each scenario measured `--rounds`
    times on each side, alternating which goes first, and the medians printed as a before/after table. Both servers
    run; only the one measured is loaded."""
    baseline = Server(
        env=env, port=free_port(), workers=args.workers, worker_class=args.worker_class, threads=args.threads,
        log=data_dir / "gunicorn-baseline.log", root=args.baseline.resolve(),
    )  # fmt: skip
    lua_dir = data_dir / "lua"
    lua_dir.mkdir(exist_ok=True)
    lines = [
        "| scenario | before req/s | p50 ms | p99 ms | after req/s | p50 ms | p99 ms | after/before (req/s) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    try:
        baseline.wait_ready()
        for name, paths, headers in scenarios:
            lua = lua_dir / f"{name}-v1-compare.lua"
            write_lua(lua, paths, headers)
            runs = {"before": [], "after": []}
            for round_number in range(args.rounds):
                order = [("before", baseline), ("after", server)]
                for side, target in order if round_number % 2 == 0 else order[::-1]:
                    runs[side].append(measure(target, lua, args, label=f"{name} v1, {side} ({round_number + 1})"))
            before, after = ({key: median(run[key] for run in runs[side]) for key in ("rps", "p50_ms", "p99_ms")}
                             for side in ("before", "after"))  # fmt: skip
            lines.append(
                f"| {name} | {before['rps']:,.0f} | {before['p50_ms']:.1f} | {before['p99_ms']:.1f} "
                f"| {after['rps']:,.0f} | {after['p50_ms']:.1f} | {after['p99_ms']:.1f} "
                f"| {after['rps'] / before['rps']:.2f}× |"
            )
    finally:
        baseline.stop()
    print()
    print(f"v1 before ({args.baseline}) and after (this tree), medians of {args.rounds}, load average {load_average()}")
    print("\n".join(lines))
    return 0


def _cpu_ticks(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime and stime, in clock ticks
    return total


def settle(server: "Server", timeout: float = 180) -> None:
    """Wait until the workers are idle: requests a finished wrk run left queued must not be served during the
    next measurement (gthread workers accept at once, so a probe request would not queue behind them)."""
    deadline = time.monotonic() + timeout
    quiet = 0
    before = _cpu_ticks(server.worker_pids())
    while quiet < 2 and time.monotonic() < deadline:
        time.sleep(0.3)
        now = _cpu_ticks(server.worker_pids())
        quiet = quiet + 1 if now - before <= 2 else 0
        before = now


def measure(server: "Server", lua: Path, args, *, label: str) -> dict:
    base = server.base
    settle(server)
    if args.warmup > 0:
        wrk(base, lua, connections=args.connections, threads=args.wrk_threads, duration=args.warmup)
        settle(server)
    data = wrk(base, lua, connections=args.connections, threads=args.wrk_threads, duration=args.duration)
    data["p50_ms"] = data["p50_us"] / 1000
    data["p99_ms"] = data["p99_us"] / 1000
    print(
        f"  {label:<34} {data['rps']:>8,.0f} req/s  p50 {data['p50_ms']:>7.1f} ms  p99 {data['p99_ms']:>7.1f} ms  "
        f"failed {data['failed']}  (load {load_average()})"
    )
    return data


if __name__ == "__main__":
    sys.exit(main())
