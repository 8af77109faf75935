"""Give every stored image a perceptual hash, so near-duplicate warnings also find images uploaded before hashing."""

import sys
import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from embassies.assets.duplicates import perceptual_hashes_backfill


class Command(BaseCommand):
    help = "Compute the perceptual hash of every image that has none (safe to rerun)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=200, help="Images read per database query.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar (e.g. in cron logs).")

    def handle(self, *args, batch_size, no_progress, **options):
        bar = tqdm(unit="images", desc="Hashing", disable=no_progress, file=sys.stderr, dynamic_ncols=True)

        def total(count):
            bar.total = count
            bar.refresh()

        started = time.monotonic()
        try:
            hashed, unreadable = perceptual_hashes_backfill(batch_size=batch_size, total=total, progress=bar.update)
        finally:
            bar.close()
        seconds = time.monotonic() - started
        rate = (hashed + unreadable) / seconds if seconds else 0
        self.stdout.write(
            f"Hashed {hashed} images, {unreadable} unreadable, in {seconds:.1f}s ({rate:.1f} images/s)."
        )
