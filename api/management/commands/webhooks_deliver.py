"""Send webhook deliveries that are due: retries, and first attempts a task queue did not run."""

from django.core.management.base import BaseCommand

from api.webhooks.services import deliveries_send_due
from hub.workers import WorkerLoop


class Command(BaseCommand):
    help = (
        "Send due webhook deliveries once, or keep doing so with --loop (run it as a worker; it waits out database "
        "outages with backoff, hub/workers.py)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Keep running, checking every --interval seconds.")
        parser.add_argument("--interval", type=float, default=10.0)
        parser.add_argument("--max-backoff", type=float, default=60.0, help="Longest wait between tries during an outage.")
        parser.add_argument("--limit", type=int, default=100, help="Most deliveries to attempt per round.")

    def handle(self, *args, loop: bool, interval: float, max_backoff: float, limit: int, **options):
        def deliver_round() -> bool:
            attempted = deliveries_send_due(limit=limit)
            if attempted or not loop:
                succeeded = sum(1 for delivery in attempted if delivery.status == "succeeded")
                self.stdout.write(f"{len(attempted)} deliveries attempted, {succeeded} succeeded.")
            return bool(attempted)

        if not loop:
            deliver_round()
            return
        worker = WorkerLoop(name="webhook worker", poll=interval, max_backoff=max_backoff)
        worker.handle_signals()
        worker.run(deliver_round)
