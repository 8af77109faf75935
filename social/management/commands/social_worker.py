"""Send due social posts until stopped (SIGTERM/SIGINT); survives database and network errors (hub.workers)."""

from django.core.management.base import BaseCommand

from hub.workers import WorkerLoop
from social.delivery import deliver_due


class Command(BaseCommand):
    help = "Send the social posts that are due, with retries and backoff (docs/social.md)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run until nothing is due, then exit.")
        parser.add_argument("--poll", type=float, default=5.0, help="Seconds between rounds when idle.")

    def handle(self, *args, once=False, poll=5.0, **options):
        loop = WorkerLoop(name="social_worker", poll=poll)
        if not once:
            loop.handle_signals()
        loop.run(lambda: deliver_due() > 0, once=once)
