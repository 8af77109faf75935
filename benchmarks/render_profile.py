#!/usr/bin/env python
"""Where an uncached API answer spends its time (issue 24): the WSGI app called in a loop, in one process, on the
dataset `benchmarks/api_bench.py --data-dir DIR` prepared, with the production settings and the response cache off.

    .venv/bin/python benchmarks/render_profile.py --data-dir /tmp/hub-api-bench                 # CPU ms per answer
    .venv/bin/python benchmarks/render_profile.py --data-dir /tmp/hub-api-bench --profile docs/benchmarks/

For each answer (list of 20, detail, search) it prints the median CPU time and the queries of one call; with
`--profile DIR` it also runs pyinstrument over the same loop and writes `DIR/profile-<name>.txt`, the call tree as
text (pyinstrument's HTML flame-graph page of the same loop is 3-18 MB, too big to keep in the repository).
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import secrets
import sys
import time
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent


def environment(data_dir: Path, database_url: str | None) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="hub.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        HUB_SOCIAL_TOKEN_KEYS="Zm9yLXRoZS1kZXBsb3ktY2hlY2stb25seS0zMmJ5dGU=",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=database_url or f"sqlite:///{data_dir / 'db.sqlite3'}",
        MEDIA_ROOT=str(data_dir / "media"),
        HUB_API_ANONYMOUS_RATE="1000000/s",
        HUB_CACHE_URL="locmem",
        HUB_API_RESPONSE_CACHE_SECONDS="0",
        LOG_LEVEL="WARNING",
    )
    sys.path.insert(0, str(ROOT))


def wsgi_call(application, path: str) -> tuple[int, bytes]:
    """One GET through the whole WSGI stack (middleware included), as gunicorn would make it."""
    route, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": route, "QUERY_STRING": query, "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000", "HTTP_HOST": "127.0.0.1:8000", "REMOTE_ADDR": "127.0.0.1", "HTTP_ACCEPT": "*/*",
        "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr, "wsgi.version": (1, 0),
        "wsgi.multithread": True, "wsgi.multiprocess": True, "wsgi.run_once": False,
    }  # fmt: skip
    status = []
    body = b"".join(application(environ, lambda line, headers, exc_info=None: status.append(line)))
    return int(status[0].split()[0]), body


def scenarios(application) -> dict[str, list[str]]:
    """The answers measured: the benchmark's list, the details of its 20 pages, and a search."""
    import json

    status, body = wsgi_call(application, "/api/v1/pages/?page_size=20")
    assert status == 200, body[:300]
    ids = [item["id"] for item in json.loads(body)["results"]]
    return {
        "list": ["/api/v1/pages/?page_size=20"],
        "detail": [f"/api/v1/pages/{pk}/" for pk in ids],
        "search": ["/api/v1/search/?q=embassy&page_size=20"],
    }


def cpu_per_answer(application, paths: list[str], calls: int) -> float:
    """Median CPU milliseconds per answer over `calls` calls, rotating through `paths`."""
    timings = []
    for number in range(calls):
        started = time.process_time()
        status, body = wsgi_call(application, paths[number % len(paths)])
        timings.append((time.process_time() - started) * 1000)
        assert status == 200, body[:300]
    return median(timings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, required=True, help="A dataset prepared by api_bench.py --data-dir.")
    parser.add_argument("--database-url", help="The dataset's database, when it is not the SQLite file in --data-dir.")
    parser.add_argument("--calls", type=int, default=200, help="Calls per answer (default 200).")
    parser.add_argument("--only", action="append", help="Measure only this answer (list, detail, search).")
    parser.add_argument("--profile", type=Path, help="Write pyinstrument's call trees into this directory.")
    args = parser.parse_args(argv)
    environment(args.data_dir.resolve(), args.database_url)

    import django
    from django.core.wsgi import get_wsgi_application
    from django.db import connection, reset_queries

    django.setup()
    application = get_wsgi_application()
    measured = scenarios(application)
    gc.freeze()  # as gunicorn.conf.py does before forking: the loaded application is out of the collector's reach
    for name, paths in measured.items():
        if args.only and name not in args.only:
            continue
        cpu_per_answer(application, paths, min(args.calls, 20))  # warm caches and imports
        connection.force_debug_cursor = True
        reset_queries()
        wsgi_call(application, paths[0])
        queries = len(connection.queries)
        connection.force_debug_cursor = False
        print(f"{name:<8} {cpu_per_answer(application, paths, args.calls):7.2f} ms CPU per answer, {queries} queries")
        if args.profile:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.0005)
            profiler.start()
            for number in range(args.calls):
                wsgi_call(application, paths[number % len(paths)])
            profiler.stop()
            args.profile.mkdir(parents=True, exist_ok=True)
            (args.profile / f"profile-{name}.txt").write_text(profiler.output_text(unicode=True, show_all=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
