"""manage.py search_reindex: rewrite the database fallback's page words, then build a fresh content index from the
database and swap the alias to it (the first step alone without an engine)."""

from django.core.management.base import BaseCommand, CommandError

from search.assets.services import assets_reindex
from search.gateway import SearchEngineError, SearchNotConfigured, SearchUnavailable, engine_settings
from search.management.progress import progress_bar
from search.services import REINDEX_BATCH, page_texts_rebuild, search_reindex


class Command(BaseCommand):
    help = (
        "Rewrite the database fallback's page words, then rebuild the search indices (pages, then assets) from the "
        "database; search keeps answering from the old indices until each swap."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=REINDEX_BATCH, help="Pages per bulk request.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar (e.g. in cron logs).")

    def handle(self, *args, batch_size, no_progress, **options):
        texts = page_texts_rebuild()
        self.stdout.write(f"Wrote the database fallback's words of {texts} pages.")
        if engine_settings() is None:
            self.stdout.write(self.style.SUCCESS("No search engine configured: the database answers searches."))
            return
        bar, total = progress_bar("Indexing", "pages", disable=no_progress)
        asset_bar, asset_total = progress_bar("Indexing assets", "assets", disable=no_progress)
        try:
            report = search_reindex(batch_size=batch_size, progress=bar.update, total=total)
            bar.close()
            assets = assets_reindex(progress=asset_bar.update, total=asset_total)
        except (SearchNotConfigured, SearchUnavailable, SearchEngineError) as error:
            raise CommandError(str(error)) from error
        finally:
            bar.close()
            asset_bar.close()
        rate = report.documents / report.seconds if report.seconds else 0
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {report.documents} pages into {report.index} in {report.seconds:.1f} s ({rate:.0f} pages/s); "
                f"re-applied {report.replayed} changes made meanwhile; removed {len(report.removed_indices)} old index(es)."
            )
        )
        asset_rate = assets.documents / assets.seconds if assets.seconds else 0
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {assets.documents} images and documents into {assets.index} in {assets.seconds:.1f} s "
                f"({asset_rate:.0f} assets/s); re-applied {assets.replayed} asset changes made meanwhile."
            )
        )
