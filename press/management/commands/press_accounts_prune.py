"""Delete journalists' registrations whose e-mail was never verified (run daily)."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand

from press.services import journalists_unverified_prune


class Command(BaseCommand):
    help = "Delete unverified journalist registrations older than HUB_PRESS_UNVERIFIED_MAX_AGE_DAYS (default 7)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override the setting for this run.")

    def handle(self, *args, days=None, **options):
        days = settings.HUB_PRESS_UNVERIFIED_MAX_AGE_DAYS if days is None else days
        count = journalists_unverified_prune(older_than=timedelta(days=days))
        self.stdout.write(f"Deleted {count} unverified registration{'' if count == 1 else 's'} older than {days} days.")
