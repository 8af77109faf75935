"""manage.py moderation_digest: e-mail each reviewer the items waiting past their service level (run daily)."""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from moderation.notifications import overdue_digest_send


class Command(BaseCommand):
    help = "E-mail every reviewer a digest of the overdue items waiting for them."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="Do not show a progress bar (e.g. in cron).")

    def handle(self, *args, no_progress=False, **options):
        def progress(recipients):
            return tqdm(recipients, desc="Digests", unit="reviewer", disable=no_progress, file=self.stderr._out)

        sent = overdue_digest_send(progress=progress)
        self.stdout.write(self.style.SUCCESS(f"Sent {sent} overdue digest{'s' if sent != 1 else ''}."))
