#!/usr/bin/env python
"""Profile the reference site's article page rendered uncached (pyinstrument), on api_bench.py's dataset.

    .venv/bin/python benchmarks/site_profile.py --data-dir /tmp/hub-site-bench [--path /en/hanoi/news/x/]

Renders the page 30 times through Django's full handler (middleware, Wagtail serve, templates) with kept pages
off, after 3 unmeasured renders, prints the median CPU time of a render (without the profiler), then
pyinstrument's call tree and writes it as text to `--out` (the HTML flame
graph of the same run is megabytes: `--html FILE` writes it where you want it, outside the repository).
"""

import argparse
import os
import secrets
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--path", default="/en/hanoi/news/bench-article-4/")
    parser.add_argument("--renders", type=int, default=30)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks" / "render-profiles" / "site-article.txt")
    parser.add_argument("--html", type=Path, help="Also write pyinstrument's HTML flame graph here.")
    args = parser.parse_args()
    data_dir = args.data_dir.resolve()
    os.environ.update({
        "DJANGO_SETTINGS_MODULE": "hub.settings.production", "SECRET_KEY": secrets.token_urlsafe(50), "HUB_SOCIAL_TOKEN_KEYS": "Zm9yLXRoZS1kZXBsb3ktY2hlY2stb25seS0zMmJ5dGU=",
        "ALLOWED_HOSTS": "testserver", "SECURE_SSL_REDIRECT": "0", "HUB_CACHE_URL": "locmem",
        "DATABASE_URL": f"sqlite:///{data_dir / 'db.sqlite3'}", "MEDIA_ROOT": str(data_dir / "media"),
        "STATIC_ROOT": str(data_dir / "static"), "HUB_SITE_PAGE_CACHE_SECONDS": "0",
    })  # fmt: skip
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test import Client
    from pyinstrument import Profiler

    client = Client()
    for _ in range(3):
        assert client.get(args.path).status_code == 200
    cpu_ms = []
    for _ in range(args.renders):
        started = time.process_time()
        client.get(args.path)
        cpu_ms.append((time.process_time() - started) * 1000)
    print(f"{args.path}: median CPU {statistics.median(cpu_ms):.1f} ms per render ({args.renders} renders)")
    profiler = Profiler(interval=0.002)
    profiler.start()
    for _ in range(args.renders):
        client.get(args.path)
    profiler.stop()
    tree = profiler.output_text(unicode=True, color=False, show_all=False)
    args.out.write_text(tree)
    if args.html:
        args.html.write_text(profiler.output_html())
    print(tree)
    print(f"call tree: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
