"""`manage.py seed_demo`: build (or find) the demo network and print the demo logins."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from demo.selectors import content_pages_by_language
from demo.content import DemoDataError
from demo.report import DemoSeedReport
from demo.services import demo_seed

KINDS = (
    "missions", "topics", "images", "documents", "pages", "translations", "accounts", "reviews", "API consumers",
    "API keys", "webhooks", "journalists", "briefings", "embargoed releases",
)


class Command(BaseCommand):
    help = (
        "Create a demo network: HQ and eight missions, topics, drawn images, about 150 pages in six languages "
        "and one login per role. Safe to run again: existing things are found, not duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="Do not draw progress bars.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Seed even with DEBUG off. The demo logins have published passwords: never on a real server.",
        )

    def handle(self, *args, verbosity: int = 1, no_progress: bool = False, force: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates logins with published passwords; it only runs with DEBUG on, or with --force "
                "on a database that will never be public."
            )
        show_progress = verbosity > 0 and not no_progress

        def progress(items, *, desc, unit):
            # The raw stream: Django's OutputWrapper ends every write with a newline, which breaks redrawing.
            return tqdm(
                items, desc=f"Seeding {desc.lower():<24}", unit=unit, file=self.stderr._out, disable=not show_progress,
                bar_format="{desc} {bar:20} {n_fmt:>3}/{total_fmt:<3} {rate_fmt:>12} {elapsed}",
            )

        started = time.monotonic()
        try:
            report = demo_seed(progress=progress)
        except DemoDataError as error:
            raise CommandError(f"The demo data files are not valid: {error}") from error
        elapsed = time.monotonic() - started
        if verbosity > 0:
            self._print_summary(report, elapsed)
        self._print_accounts(report)
        self._print_integration(report)

    def _print_summary(self, report: DemoSeedReport, elapsed: float) -> None:
        verdict = "Demo network created" if report.changed else "Demo network already in place; nothing changed"
        self.stdout.write(self.style.SUCCESS(f"{verdict} ({elapsed:.1f} s)."))
        self.stdout.write(f"\n  {'':<20}{'created':>9}{'found':>9}")
        for kind in KINDS:
            self.stdout.write(f"  {kind:<20}{report.created[kind]:>9}{report.found[kind]:>9}")
        self.stdout.write("\n  Content pages by language (live/all):")
        for page_type, rows in content_pages_by_language().items():
            counts = ", ".join(f"{code} {live}/{total}" for code, live, total in rows)
            self.stdout.write(f"  {page_type:<20}{counts}")

    def _print_accounts(self, report: DemoSeedReport) -> None:
        self.stdout.write("\nDemo logins (demo only: these passwords are public, never use them on a real server):\n")
        width = max(18, *(len(account.username) + 2 for account in report.accounts))
        self.stdout.write(f"  {'username':<{width}}{'password':<22}role")
        for account in report.accounts:
            marker = "" if account.created else " *"
            self.stdout.write(f"  {account.username:<{width}}{account.password:<22}{account.role}{marker}")
        if not all(account.created for account in report.accounts):
            self.stdout.write("  * existed before this run: it keeps its password, which may have been changed since.")
        self.stdout.write(
            "  Each lands on the admin dashboard: reviewers see what awaits their review, mission staff their pages\n"
            "  in review, changes requested and recent drafts (also under Mission content and Review queue).\n"
            "  Journalists sign in with their e-mail at /en/press/login/ (the press area), never the admin."
        )

    def _print_integration(self, report: DemoSeedReport) -> None:
        api_key = report.api_key
        self.stdout.write(f"\nAPI consumer: {api_key.consumer}")
        if api_key.key:
            self.stdout.write(self.style.WARNING(f"  API key (shown this once; only its digest is stored): {api_key.key}"))
            self.stdout.write("  Try it: curl -H 'Authorization: Api-Key <key>' http://127.0.0.1:8000/api/v1/pages/")
        else:
            self.stdout.write(
                f"  Its key {api_key.key_start} exists and cannot be shown again (only its digest is stored). "
                "For a new one: admin → API consumers → Keys → Add."
            )
        failed = report.webhook.deliveries.exclude(last_error="").count()
        self.stdout.write(
            f"  Webhook → {report.webhook.url} (nothing listens there): {failed} failed delivery(ies) in its log, "
            "retried with backoff; see admin → API consumers → Deliveries."
        )
