"""Settings of benchmarks/site_bench.py's gunicorn: production's, plus one URL serving a page the plain Wagtail way."""

from pathlib import Path

from hub.settings.production import *  # noqa: F403

ROOT_URLCONF = "benchmarks.site_bench_urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], Path(__file__).resolve().parent / "templates"]  # noqa: F405
