"""What every long-running worker (search index, webhook deliveries, tasks) shares: it stops cleanly on SIGTERM or
SIGINT, and it outlives the database and the network going away.

A round that fails on a database error (SQLite locked by a writer, PostgreSQL restarted, a connection cut) or a
network error is logged, its connections are dropped (Django would otherwise reuse a broken one) and the round is
tried again after a backoff that doubles up to a ceiling. A round's writes are one transaction, so a failed round
leaves its work where it was: it is redone, never lost, and what it redoes (an index write, a delivery with its
idempotency key) is safe to repeat.
"""

import logging
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import Error as DatabaseError
from django.db import close_old_connections, connections

logger = logging.getLogger("hub.workers")

# Errors a worker waits out: the database's (OperationalError, InterfaceError…) and the network's (OSError covers
# refused and reset connections, timeouts and DNS failures, and the HTTP clients' connection errors derive from it).
TRANSIENT_ERRORS = (DatabaseError, OSError)


class TryAgainLater(Exception):
    """Raised by a round that cannot do its work now (e.g. the search engine is unreachable): back off, retry."""


def connections_drop() -> None:
    """Close every database connection, broken ones included, so the next query opens a fresh one."""
    for connection in connections.all(initialized_only=True):
        try:
            connection.close()
        except DatabaseError:
            connection.connection = None  # closing a dead connection can fail too; forget it


def _in_transaction() -> bool:
    """A caller's transaction is open (the command called from a test or a script): its connection stays as it is."""
    return any(connection.in_atomic_block for connection in connections.all(initialized_only=True))


@dataclass
class WorkerLoop:
    """Run `round()` until told to stop: again at once while it reports work, after `poll` seconds when idle, and
    after a growing backoff when it fails on a transient error."""

    name: str
    poll: float = 1.0
    max_backoff: float = 60.0
    sleep: Callable[[float], None] | None = None  # tests pass a fake; the default waits, waking early on stop
    stopping: bool = False
    failures: int = field(default=0, init=False)

    def stop(self, *_args) -> None:
        self.stopping = True

    def handle_signals(self) -> None:
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)

    def wait(self, seconds: float) -> None:
        if self.sleep is not None:
            self.sleep(seconds)
            return
        deadline = time.monotonic() + seconds
        while not self.stopping and time.monotonic() < deadline:
            time.sleep(min(0.2, max(deadline - time.monotonic(), 0)))

    def backoff(self) -> float:
        return min(self.poll * 2 ** (self.failures - 1), self.max_backoff)

    def run(self, round: Callable[[], bool], *, once: bool = False) -> None:
        """`round()` returns True when it found work (run it again at once) and False when idle."""
        while not self.stopping:
            if not _in_transaction():
                close_old_connections()
            try:
                busy = round()
            except (*TRANSIENT_ERRORS, TryAgainLater) as error:
                if once:
                    raise
                self.failures += 1
                delay = self.backoff()
                logger.warning(
                    "%s: %s: %s; trying again in %.1f s (failure %s in a row)",
                    self.name, type(error).__name__, str(error).strip() or "no detail", delay, self.failures,
                )
                if not _in_transaction():
                    connections_drop()
                self.wait(delay)
                continue
            if self.failures:
                logger.info("%s: working again after %s failed rounds", self.name, self.failures)
                self.failures = 0
            if once and not busy:
                return
            if not busy:
                self.wait(self.poll)
