"""Bring images stored before the upload checks up to date: a perceptual hash for each (so near-duplicate warnings
find them), and with --strip-location, no GPS in their originals or renditions."""

import sys
import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from embassies.assets.duplicates import perceptual_hashes_backfill
from embassies.assets.uploads import stored_originals_location_strip


class Command(BaseCommand):
    help = "Compute the perceptual hash of every image that has none; --strip-location also removes GPS from stored originals (safe to rerun)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=200, help="Images read per database query.")
        parser.add_argument(
            "--strip-location", action="store_true",
            help="First check every stored original for GPS metadata, strip it and drop its renditions.",
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bar (e.g. in cron logs).")

    def handle(self, *args, batch_size, strip_location, no_progress, **options):
        if strip_location:
            (stripped, checked), seconds = self._run(
                stored_originals_location_strip, "Checking location", batch_size, no_progress
            )
            self.stdout.write(
                f"Stripped location from {stripped} of {checked} originals in {seconds:.1f}s "
                f"({checked / seconds if seconds else 0:.1f} images/s)."
            )
        (hashed, unreadable), seconds = self._run(perceptual_hashes_backfill, "Hashing", batch_size, no_progress)
        rate = (hashed + unreadable) / seconds if seconds else 0
        self.stdout.write(f"Hashed {hashed} images, {unreadable} unreadable, in {seconds:.1f}s ({rate:.1f} images/s).")

    def _run(self, backfill, label, batch_size, no_progress):
        bar = tqdm(unit="images", desc=label, disable=no_progress, file=sys.stderr, dynamic_ncols=True)

        def total(count):
            bar.total = count
            bar.refresh()

        started = time.monotonic()
        try:
            result = backfill(batch_size=batch_size, total=total, progress=bar.update)
        finally:
            bar.close()
        return result, time.monotonic() - started
