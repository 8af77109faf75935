"""Roll raw page hits up into per-page, per-day reads, then delete raw hits past HUB_ANALYTICS_RAW_DAYS.
Run it hourly (cron or a systemd timer): today's rollup is redone while hits come in, and a second run in a row
does nothing."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand

from analytics.services import raw_hits_prune, reads_rollup


class Command(BaseCommand):
    help = "Roll up page hits into daily reads and delete raw hits older than HUB_ANALYTICS_RAW_DAYS days."

    def handle(self, *args, **options):
        started = time.monotonic()

        def progress(done):
            rate = done.hits / done.seconds if done.seconds else 0
            self.stdout.write(
                f"{done.day}: {done.hits:,} hits, {done.pages:,} pages in {done.seconds:.2f} s ({rate:,.0f} hits/s)"
            )

        days = reads_rollup(progress=progress)
        seconds = time.monotonic() - started
        hits = sum(day.hits for day in days)
        rate = f" ({hits / seconds:,.0f} hits/s)" if seconds and hits else ""
        self.stdout.write(f"Rolled up {len(days)} day(s), {hits:,} hits in {seconds:.2f} s{rate}.")
        deleted = raw_hits_prune()
        self.stdout.write(f"Deleted {deleted:,} raw hits older than {settings.HUB_ANALYTICS_RAW_DAYS} days.")
