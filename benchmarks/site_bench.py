#!/usr/bin/env python
"""Reference-site benchmark (issue 24): the site's home, listing and article pages, rendered and kept, and their
304s, beside a plain Wagtail `Page.serve` of the same pages with a default-style template, in one run.

    .venv/bin/python benchmarks/api_bench.py --data-dir /tmp/hub-site-bench --no-uncached   # prepare the dataset once
    .venv/bin/python benchmarks/site_bench.py --data-dir /tmp/hub-site-bench

It reuses api_bench.py's dataset (seed_demo plus a few hundred articles, renditions made), its gunicorn runner
(the deployment's gunicorn.conf.py, production settings) and its wrk driver, with `benchmarks.site_bench_settings`
(production's plus `/bench-plain/<id>/`, see site_bench_urls.py). Two servers, one after the other so they never
share the cores: the first keeps pages (`HUB_SITE_PAGE_CACHE_SECONDS=600`) for the cached and 304 rows, the
second keeps none, for the uncached rows and the plain Wagtail render. Figures are for comparing the columns of
one run: the machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.api_bench import PYTHON, ROOT, Server, free_port, get, load_average, write_lua, wrk  # noqa: E402

FIND_PAGES = """
import json
from embassies.models import ArticlePage, MissionHomePage
home = MissionHomePage.objects.live().get(mission__slug="hanoi", locale__language_code="en")
news = home.get_children().live().get(slug="news")
article = ArticlePage.objects.live().public().descendant_of(news).order_by("-first_published_at").first()
print("PAGES " + json.dumps({kind: [page.url, page.pk] for kind, page in
      (("home", home), ("listing", news.specific), ("article", article))}))
"""


def prepared_env(data_dir: Path, settings_module: str) -> dict:
    """The production-like environment for gunicorn on api_bench.py's dataset, after `migrate` and `collectstatic`."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "HUB_SOCIAL_TOKEN_KEYS": "Zm9yLXRoZS1kZXBsb3ktY2hlY2stb25seS0zMmJ5dGU=",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"sqlite:///{data_dir / 'db.sqlite3'}",
        "MEDIA_ROOT": str(data_dir / "media"),
        "STATIC_ROOT": str(data_dir / "static"),
        "HUB_CACHE_URL": "locmem",
        "PYTHONPATH": str(ROOT),
        "LOG_LEVEL": "WARNING",
    }
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        subprocess.run([PYTHON, str(ROOT / "manage.py"), *command], env=env, cwd=ROOT, check=True,
                       capture_output=True, timeout=600)  # fmt: skip
    return env


def page_paths(env: dict) -> dict:
    result = subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), "shell", "-c", FIND_PAGES], env=env, cwd=ROOT,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    for line in result.stdout.splitlines():
        if line.startswith("PAGES "):
            return json.loads(line[len("PAGES "):])
    raise SystemExit(f"could not find the pages:\n{result.stdout}\n{result.stderr}")


def measure(server: Server, paths: list[str], headers: dict, args, lua: Path) -> dict:
    write_lua(lua, paths, headers)
    wrk(server.base, lua, connections=args.connections, threads=args.wrk_threads, duration=args.warmup)
    return wrk(server.base, lua, connections=args.connections, threads=args.wrk_threads, duration=args.duration)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, required=True, help="A dataset prepared by api_bench.py --data-dir.")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--duration", type=float, default=10)
    parser.add_argument("--warmup", type=float, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    data_dir = args.data_dir.resolve()
    if not (data_dir / "db.sqlite3").exists():
        raise SystemExit(f"no dataset in {data_dir}: run benchmarks/api_bench.py --data-dir {data_dir} first")
    env = prepared_env(data_dir, "benchmarks.site_bench_settings")
    pages = page_paths(env)
    print(f"Reference-site benchmark — {os.cpu_count()} cores, load average {load_average()}")
    print("  pages: " + ", ".join(f"{kind} {url}" for kind, (url, _pk) in pages.items()))
    rows: dict[str, dict] = {kind: {} for kind in pages}
    lua = Path(tempfile.mkstemp(suffix=".lua")[1])
    for keep_seconds in ("600", "0"):
        server = Server(
            env={**env, "HUB_SITE_PAGE_CACHE_SECONDS": keep_seconds}, port=free_port(), workers=args.workers,
            worker_class="gthread", threads=args.threads, log=data_dir / f"gunicorn-site-{keep_seconds}.log",
        )  # fmt: skip
        try:
            server.wait_ready()
            for kind, (url, pk) in pages.items():
                status, headers, _body = get(server.base + url)
                assert status == 200, (url, status)
                if keep_seconds != "0":
                    rows[kind]["cached"] = measure(server, [url], {}, args, lua)
                    rows[kind]["304"] = measure(server, [url], {"If-None-Match": headers["ETag"]}, args, lua)
                    assert get(server.base + url, {"If-None-Match": headers["ETag"]})[0] == 304
                else:
                    rows[kind]["uncached"] = measure(server, [url], {}, args, lua)
                    rows[kind]["plain Wagtail"] = measure(server, [f"/bench-plain/{pk}/"], {}, args, lua)
        finally:
            server.stop()
    lua.unlink()
    columns = ["uncached", "cached", "304", "plain Wagtail"]
    print("\n| page | " + " | ".join(columns) + " |\n|---|" + "---:|" * len(columns))
    for kind, row in rows.items():
        cells = [
            f"{row[c]['rps']:,.0f} req/s, p50 {row[c]['p50_us'] / 1000:.0f} ms, p99 {row[c]['p99_us'] / 1000:.0f} ms"
            + (f", {row[c]['failed']} failed" if row[c]["failed"] else "")
            for c in columns
        ]
        print(f"| {kind} | " + " | ".join(cells) + " |")
    print(f"\nload average after the run: {load_average()}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
