"""Send webhook deliveries that are due: retries, and first attempts a task queue did not run."""

import time

from django.core.management.base import BaseCommand

from api.webhooks.services import deliveries_send_due


class Command(BaseCommand):
    help = "Send due webhook deliveries once, or keep doing so with --loop (run it as a worker)."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Keep running, checking every --interval seconds.")
        parser.add_argument("--interval", type=float, default=10.0)
        parser.add_argument("--limit", type=int, default=100, help="Most deliveries to attempt per round.")

    def handle(self, *args, loop: bool, interval: float, limit: int, **options):
        while True:
            attempted = deliveries_send_due(limit=limit)
            if attempted or not loop:
                succeeded = sum(1 for delivery in attempted if delivery.status == "succeeded")
                self.stdout.write(f"{len(attempted)} deliveries attempted, {succeeded} succeeded.")
            if not loop:
                return
            if not attempted:
                time.sleep(interval)
