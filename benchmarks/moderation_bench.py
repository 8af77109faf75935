"""Benchmark: the HQ review queue next to Wagtail's own workflow report, for the same 1,000 pending items.

    .venv/bin/python benchmarks/moderation_bench.py [--missions 100] [--items 1000] [--runs 20] [--reuse]

Builds a throwaway SQLite database (BENCH_DATABASE, default /tmp/embassy-hub-moderation-bench.sqlite3):
migrations, 100 missions through the real provisioning service (about a second each), and 1,000 pages submitted
through Wagtail's own workflow API (so the hub's signal handlers fill the queue as they do in production).
Then it renders both admin pages as an HQ administrator and prints their timings and query counts side by side.
Numbers are printed, never asserted: timing depends on the machine.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = os.environ.get("BENCH_DATABASE", "/tmp/embassy-hub-moderation-bench.sqlite3")
os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
os.environ["DJANGO_SETTINGS_MODULE"] = "hub.settings.test"

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from tqdm import tqdm  # noqa: E402

from embassies import factories as content  # noqa: E402
from hub import factories  # noqa: E402
from embassies.models import ArticlePage, ConsularNoticePage  # noqa: E402
from moderation.models import Submission  # noqa: E402
from hub.roles import Role  # noqa: E402

REGIONS = [
    ("asia-pacific", "VN", "Asia/Ho_Chi_Minh", "vi"),
    ("europe", "FR", "Europe/Paris", "fr"),
    ("americas", "MX", "America/Mexico_City", "es"),
    ("africa-middle-east", "EG", "Africa/Cairo", "ar"),
]


def build(*, missions: int, items: int):
    """A fresh database with `missions` provisioned missions and `items` pages waiting for review."""
    Path(DATABASE).unlink(missing_ok=True)
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter()
    made = []
    for i in tqdm(range(missions), desc="Missions", unit="mission"):
        region, country, zone, language = REGIONS[i % len(REGIONS)]
        made.append(
            factories.mission(
                f"mission-{i:03d}", name=f"Embassy {i:03d}", country=country, city=f"City {i:03d}",
                region_slug=region, timezone=zone, default_language_code=language,
            )
        )
    provisioned = time.perf_counter()
    editors = [factories.staff_user(f"editor-{m.slug}", Role.MISSION_EDITOR, mission=m) for m in made]
    admin = factories.staff_user("hq-admin", Role.HQ_ADMINISTRATOR)
    now = timezone.now()
    sections = {m.pk: (content.section(m), content.section(m, "consular")) for m in made}
    progress = tqdm(total=items, desc="Submissions", unit="page")
    for batch_start in range(0, items, 50):
        # One transaction per batch: SQLite's per-statement commits would dominate otherwise.
        with transaction.atomic():
            for n in range(batch_start, min(batch_start + 50, items)):
                mission, editor = made[n % missions], editors[n % missions]
                news, consular = sections[mission.pk]
                if n % 5 == 4:
                    page = ConsularNoticePage(
                        title=f"Notice {n}", summary="Stay indoors.", notice_type="emergency", valid_from=now, live=False
                    )
                    consular.add_child(instance=page)
                else:
                    page = ArticlePage(title=f"Article {n}", summary="A short standfirst.", live=False)
                    news.add_child(instance=page)
                page.save_revision(user=editor)
                state = page.get_workflow().start(page, editor)
                waiting_since = now - timedelta(minutes=(n * 37) % (48 * 60))
                Submission.objects.filter(workflow_state=state).update(waiting_since=waiting_since)
                progress.update()
    progress.close()
    finished = time.perf_counter()
    print(
        f"\nSetup: migrate {migrated - started:.0f} s, {missions} missions {provisioned - migrated:.0f} s, "
        f"{items} submissions {finished - provisioned:.0f} s"
    )
    return admin


def measure(client: Client, urls: list[str], runs: int) -> dict[str, tuple[float, float, int, int]]:
    """Per URL: median and 95th-percentile render time (ms), queries per render, response size (bytes).

    The URLs are requested in turn, round after round, so load from elsewhere on the machine hits all alike.
    """
    timings = {url: [] for url in urls}
    for url in urls:
        for _ in range(2):
            assert client.get(url).status_code == 200, url
    for _ in range(runs):
        for url in urls:
            started = time.perf_counter()
            client.get(url)
            timings[url].append((time.perf_counter() - started) * 1000)
    results = {}
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        ordered = sorted(timings[url])
        p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
        results[url] = (statistics.median(ordered), p95, len(queries), len(response.content))
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--missions", type=int, default=100)
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--reuse", action="store_true", help="Measure the database an earlier run built.")
    options = parser.parse_args()

    if options.reuse and Path(DATABASE).exists():
        admin = get_user_model().objects.get(username="hq-admin")
    else:
        admin = build(missions=options.missions, items=options.items)
    pending = Submission.objects.filter(status="in_review").count()
    missions = Submission.objects.filter(status="in_review").values("mission").distinct().count()
    client = Client()
    client.force_login(admin)
    pages = [
        ("Review queue (hub), page 1", "/admin/moderation/queue/"),
        ("Workflow report (Wagtail), page 1", "/admin/reports/workflow/"),
        ("Review queue, page 10", "/admin/moderation/queue/?p=10"),
        ("Workflow report, page 10", "/admin/reports/workflow/?p=10"),
        ("Review queue, region + overdue filter", "/admin/moderation/queue/?region=1&waiting=overdue"),
        ("Workflow report, 'in progress' filter", "/admin/reports/workflow/?status=in_progress"),
    ]
    print(f"\n{pending} pending items across {missions} missions; {options.runs} renders each, as an HQ administrator\n")
    print(f"{'view':<42} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'KiB':>6}")
    results = measure(client, [url for _label, url in pages], options.runs)
    for label, url in pages:
        median, p95, queries, size = results[url]
        print(f"{label:<42} {median:>10.1f} {p95:>8.1f} {queries:>8} {size / 1024:>6.0f}")


if __name__ == "__main__":
    main()
