"""manage.py search_worker: apply the index outbox continuously (or once, with --once)."""

import logging
import signal
import time

from django.core.management.base import BaseCommand, CommandError

from search.gateway import SearchNotConfigured
from search.services import DRAIN_BATCH, outbox_drain, outbox_purge

logger = logging.getLogger("search.worker")
PURGE_EVERY_SECONDS = 3600


class Command(BaseCommand):
    help = "Apply recorded index changes to the search engine, waiting out outages with backoff."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Drain what is due now and exit (non-zero if the engine is down).")
        parser.add_argument("--batch-size", type=int, default=DRAIN_BATCH)
        parser.add_argument("--poll", type=float, default=1.0, help="Seconds between looks at an empty outbox.")
        parser.add_argument("--max-backoff", type=float, default=60.0, help="Longest wait between tries during an outage.")

    def handle(self, *args, once, batch_size, poll, max_backoff, **options):
        self.stopping = False
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        backoff, last_purge, applied = poll, 0.0, 0
        while not self.stopping:
            try:
                report = outbox_drain(limit=batch_size)
            except SearchNotConfigured as error:
                raise CommandError(str(error)) from error
            applied += report.applied
            if report.unavailable:
                if once:
                    raise CommandError(f"The search engine is unreachable: {report.error}")
                logger.warning("Search engine unreachable (%s); retrying in %.0f s", report.error, backoff)
                self._sleep(backoff)
                backoff = min(backoff * 2, max_backoff)
                continue
            backoff = poll
            if report.applied or report.failed:
                logger.info("Applied %s outbox entries (%s refused, retried later)", report.applied, report.failed)
            if time.monotonic() - last_purge > PURGE_EVERY_SECONDS:
                outbox_purge()
                last_purge = time.monotonic()
            if report.applied + report.failed >= batch_size:
                continue
            if once:
                break
            self._sleep(poll)
        self.stdout.write(f"Applied {applied} outbox entries.")

    def _stop(self, *_args):
        self.stopping = True

    def _sleep(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while not self.stopping and time.monotonic() < deadline:
            time.sleep(min(0.2, seconds))
