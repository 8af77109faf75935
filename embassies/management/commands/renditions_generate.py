"""manage.py renditions_generate: make every named rendition (all sizes, original format, WebP, AVIF) for images
that lack some, e.g. images uploaded before the rendition task existed, or after a task failed. Safe to rerun."""

import sys
import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from embassies.assets.renditions import image_renditions_generate
from embassies.models import HubImage


class Command(BaseCommand):
    help = "Generate every named rendition of every image that lacks one (the upload task's work, for older images)."

    def add_arguments(self, parser):
        parser.add_argument("--image", type=int, action="append", help="Only this image id (repeatable).")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar (e.g. in cron logs).")

    def handle(self, *args, image, no_progress, **options):
        images = HubImage.objects.order_by("pk")
        if image:
            images = images.filter(pk__in=image)
        ids = list(images.values_list("pk", flat=True))
        started, created, deleted, failed = time.perf_counter(), 0, 0, []
        for pk in tqdm(ids, unit="images", desc="Renditions", disable=no_progress, file=sys.stderr, dynamic_ncols=True):
            instance = HubImage.objects.filter(pk=pk).first()
            if instance is None:
                continue
            try:
                report = image_renditions_generate(image=instance)
            except (OSError, ValueError) as error:  # a missing or unreadable original: report it, carry on
                failed.append(f"{pk}: {error}")
                continue
            created, deleted = created + len(report.created), deleted + report.deleted
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"{len(ids)} images in {seconds:.1f} s ({len(ids) / seconds if seconds else 0:.1f} images/s): "
            f"{created} renditions made, {deleted} stale ones deleted, {len(failed)} failed."
        )
        for line in failed[:20]:
            self.stderr.write(f"  image {line}")
