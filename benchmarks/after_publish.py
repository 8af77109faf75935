#!/usr/bin/env python
"""The first reader after a publish (issue 24, item 4): how long the most requested site pages and API answers take
for the first reader once a publish has moved the content version, with popular answers re-rendered in the
background (hub/kept_answers.py) and without (`HUB_KEPT_ANSWERS_REWARM_TOP=0`), in one run.

    .venv/bin/python benchmarks/api_bench.py --data-dir /tmp/hub-bench --no-uncached   # prepare the dataset once
    .venv/bin/python benchmarks/after_publish.py --data-dir /tmp/hub-bench

For each side: gunicorn with the deployment's configuration and one worker (one process, so "the process that
noticed" is the one answering), the pages asked for a few times each so they are the most requested; then, in
`--rounds` rounds, another process publishes an article (the content version moves), one reader requests a short
page list (the first request to see the new version), and after `--pause` seconds each popular URL is requested
once: its time is what the first reader of that page waits. Medians over the rounds.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.api_bench import PYTHON, ROOT, Server, free_port, get, load_average  # noqa: E402
from benchmarks.site_bench import page_paths, prepared_env  # noqa: E402

PUBLISH = """
from embassies.models import ArticlePage
page = ArticlePage.objects.live().filter(mission__slug="cairo").order_by("pk").first()
page.save_revision().publish()
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, required=True, help="A dataset prepared by api_bench.py --data-dir.")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--pause", type=float, default=1.0, help="Seconds between the publish being seen and the readers.")
    args = parser.parse_args(argv)
    data_dir = args.data_dir.resolve()
    if not (data_dir / "db.sqlite3").exists():
        raise SystemExit(f"no dataset in {data_dir}: run benchmarks/api_bench.py --data-dir {data_dir} first")
    env = prepared_env(data_dir, "hub.settings.production")
    pages = page_paths(env)
    article_pk = pages["article"][1]
    urls = {
        "site home": pages["home"][0],
        "site listing": pages["listing"][0],
        "site article": pages["article"][0],
        "API list": "/api/v1/pages/?page_size=20",
        "API detail": f"/api/v1/pages/{article_pk}/",
    }
    print(f"First reader after a publish — {os.cpu_count()} cores, load average {load_average()}")
    results: dict[str, dict[str, float]] = {}
    for label, top in (("re-rendered in the background", "20"), ("not re-rendered", "0")):
        server = Server(
            env={**env, "HUB_KEPT_ANSWERS_REWARM_TOP": top}, port=free_port(), workers=1, worker_class="gthread",
            threads=4, log=data_dir / f"gunicorn-after-publish-{top}.log",
        )  # fmt: skip
        timings: dict[str, list[float]] = {name: [] for name in urls}
        try:
            server.wait_ready()
            for _ in range(3):
                for url in urls.values():
                    assert get(server.base + url)[0] == 200, url
            for _round in range(args.rounds):
                subprocess.run([PYTHON, str(ROOT / "manage.py"), "shell", "-c", PUBLISH], env=env, cwd=ROOT,
                               check=True, capture_output=True, timeout=120)  # fmt: skip
                assert get(server.base + "/api/v1/pages/?page_size=5")[0] == 200  # the first request to see the version
                time.sleep(args.pause)  # readers come a moment later; the benchmark's clock, not a test's
                for name, url in urls.items():
                    started = time.perf_counter()
                    status, _headers, _body = get(server.base + url)
                    timings[name].append((time.perf_counter() - started) * 1000)
                    assert status == 200, (url, status)
        finally:
            server.stop()
        results[label] = {name: median(values) for name, values in timings.items()}
    labels = list(results)
    print(f"\nmedian of {args.rounds} rounds, ms for the first reader of each page, {args.pause:g} s after the publish")
    print("| page | " + " | ".join(labels) + " |\n|---|" + "---:|" * len(labels))
    for name in urls:
        print(f"| {name} | " + " | ".join(f"{results[label][name]:.1f}" for label in labels) + " |")
    print(f"\nload average after the run: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
