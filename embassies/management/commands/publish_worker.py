"""manage.py publish_worker: Wagtail's scheduled publishing (`publish_scheduled`) every `--every` seconds, as a worker.

Scheduled pages go live, and expired ones go, within that time of their moment: an embargoed press release becomes
public within the minute of its embargo. Publishing takes Wagtail's normal path (`page_published`, log entries), so
the index outbox, the response cache, the site cache purge and webhooks follow as for any publish.
"""

import io

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from hub.workers import TRANSIENT_ERRORS, WorkerLoop


class Command(BaseCommand):
    help = "Publish and unpublish scheduled pages every --every seconds (hub/workers.py: waits out database outages)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run one round and exit.")
        parser.add_argument("--every", type=float, default=20.0, help="Seconds between rounds (default 20).")
        parser.add_argument("--max-backoff", type=float, default=60.0, help="Longest wait between tries during an outage.")

    def handle(self, *args, once, every, max_backoff, **options):
        loop = WorkerLoop(name="publish worker", poll=every, max_backoff=max_backoff)
        loop.handle_signals()

        def publish_round() -> bool:
            call_command("publish_scheduled", stdout=io.StringIO())
            return False  # Wagtail publishes everything due in one call: wait for the next moment

        try:
            loop.run(publish_round, once=once)
        except TRANSIENT_ERRORS as error:  # only with --once: the loop retries otherwise
            raise CommandError(str(error)) from error
