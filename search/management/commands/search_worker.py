"""manage.py search_worker: apply the index outbox continuously (or once, with --once)."""

import logging
import time

from django.core.management.base import BaseCommand, CommandError

from hub.workers import TRANSIENT_ERRORS, TryAgainLater, WorkerLoop
from search.gateway import SearchNotConfigured
from search.services import DRAIN_BATCH, outbox_drain, outbox_purge

logger = logging.getLogger("search.worker")
PURGE_EVERY_SECONDS = 3600


class Command(BaseCommand):
    help = (
        "Apply recorded index changes to the search engine, waiting out engine and database outages with backoff "
        "(hub/workers.py)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Drain what is due now and exit (non-zero if the engine is down).")
        parser.add_argument("--batch-size", type=int, default=DRAIN_BATCH)
        parser.add_argument("--poll", type=float, default=1.0, help="Seconds between looks at an empty outbox.")
        parser.add_argument("--max-backoff", type=float, default=60.0, help="Longest wait between tries during an outage.")

    def handle(self, *args, once, batch_size, poll, max_backoff, **options):
        loop = WorkerLoop(name="search worker", poll=poll, max_backoff=max_backoff)
        loop.handle_signals()
        totals = {"applied": 0, "purged_at": 0.0}

        def drain_round() -> bool:
            report = outbox_drain(limit=batch_size)
            if report.unavailable:
                raise TryAgainLater(f"the search engine is unreachable: {report.error}")
            totals["applied"] += report.applied
            if report.applied or report.failed:
                logger.info("Applied %s outbox entries (%s refused, retried later)", report.applied, report.failed)
            if time.monotonic() - totals["purged_at"] > PURGE_EVERY_SECONDS:
                outbox_purge()
                totals["purged_at"] = time.monotonic()
            return report.applied + report.failed >= batch_size

        try:
            loop.run(drain_round, once=once)
        except SearchNotConfigured as error:
            raise CommandError(str(error)) from error
        except (*TRANSIENT_ERRORS, TryAgainLater) as error:  # only with --once: the loop retries otherwise
            raise CommandError(str(error)) from error
        self.stdout.write(f"Applied {totals['applied']} outbox entries.")
