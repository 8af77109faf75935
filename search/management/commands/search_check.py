"""manage.py search_check: compare the index with the database; --repair fixes the differences."""

from django.core.management.base import BaseCommand, CommandError

from search.assets.services import assets_check
from search.gateway import SearchEngineError, SearchNotConfigured, SearchUnavailable, engine_settings
from search.management.progress import progress_bar
from search.selectors import outbox_pending_count
from search.services import admin_index_check, page_texts_check, search_check

SHOWN = 20


class Command(BaseCommand):
    help = (
        "Report public pages missing from the search index, stale documents and documents that should not be there;"
        " the database fallback's page words first (without an engine, only them), then the asset index and"
        " Wagtail's admin search index."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help="Re-index missing and stale pages, assets and admin documents, delete extra documents.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, repair, no_progress, **options):
        words_bar, words_total = progress_bar("Checking words", "pages", disable=no_progress)
        try:
            words = page_texts_check(repair=repair, progress=words_bar.update, total=words_total)
        finally:
            words_bar.close()
        self._report_words(words)
        words_differ = not (words.clean or words.repaired is not None)
        if engine_settings() is None:
            self.stdout.write("No search engine is configured: only the database fallback's words were checked.")
            if words_differ:
                raise CommandError("The fallback's words differ from the pages; run again with --repair to fix them.")
            return
        bar, total = progress_bar("Checking", "pages", disable=no_progress)
        asset_bar, asset_total = progress_bar("Checking assets", "assets", disable=no_progress)
        try:
            report = search_check(repair=repair, progress=bar.update, total=total)
            bar.close()
            assets = assets_check(repair=repair, progress=asset_bar.update, total=asset_total)
            admin = admin_index_check(repair=repair)
        except (SearchNotConfigured, SearchUnavailable, SearchEngineError) as error:
            raise CommandError(str(error)) from error
        finally:
            bar.close()
            asset_bar.close()
        self._list_differences(report, prefix="", named="page ids ")
        pending = outbox_pending_count()
        if pending:
            self.stdout.write(f"{pending} change(s) wait in the outbox; differences they cover will go once it drains.")
        # Every index is reported before the command fails, so one difference does not hide another.
        differing = [name for name in (self._report_assets(assets), self._report_admin(admin)) if name]
        if words_differ:
            differing.insert(0, "the fallback's words")
        if differing and report.clean:
            raise CommandError(_differ_message(differing))
        if report.clean:
            self.stdout.write(self.style.SUCCESS(f"The index matches the database ({report.checked} pages)."))
        elif report.repaired is not None:
            failed = len(report.repaired.failed)
            message = f"Repaired: {report.repaired.indexed} indexed, {report.repaired.removed} removed, {failed} refused."
            self.stdout.write(self.style.SUCCESS(message) if not failed else self.style.ERROR(message))
            if failed:
                raise CommandError("The engine refused some documents; see the log.")
        else:
            raise CommandError(_differ_message(["the page index", *differing]))

    def _list_differences(self, report, *, prefix: str, named: str) -> None:
        """`missing: 2 (page ids 4, 9)` and the like: each kind of difference, counted, with the first keys."""
        for label, keys in (("missing", report.missing), ("stale", report.stale), ("extra", report.extra)):
            shown = ", ".join(str(key) for key in keys[:SHOWN]) + (" …" if len(keys) > SHOWN else "")
            self.stdout.write(f"{prefix}{label}: {len(keys)}" + (f" ({named}{shown})" if keys else ""))

    def _report_words(self, report) -> None:
        self._list_differences(report, prefix="words ", named="page ids ")
        if report.clean:
            self.stdout.write(self.style.SUCCESS(f"The fallback's words match the pages ({report.checked} pages)."))
        elif report.repaired is not None:
            self.stdout.write(self.style.SUCCESS(f"Words repaired: {report.repaired} pages rewritten."))

    def _report_admin(self, report) -> str:
        """Wagtail's admin search index (pages, drafts too, images, documents); its name if differences are left."""
        if report.checked is None:
            self.stdout.write("Wagtail's admin search runs on the database: its index is written with each change.")
            return ""
        self._list_differences(report, prefix="admin ", named="")
        if report.clean:
            self.stdout.write(self.style.SUCCESS(f"Wagtail's admin index matches the database ({report.checked} objects)."))
        elif report.repaired is not None:
            self.stdout.write(self.style.SUCCESS(f"Admin index repaired: {report.repaired} documents written or deleted."))
        else:
            return "Wagtail's admin index"
        return ""

    def _report_assets(self, report) -> str:
        """The asset index's differences; its name if any are left unrepaired (they fail the command too)."""
        self._list_differences(report, prefix="assets ", named="")
        if report.clean:
            self.stdout.write(self.style.SUCCESS(f"The asset index matches the database ({report.checked} assets)."))
        elif report.repaired is not None:
            failed = len(report.repaired.failed)
            message = f"Assets repaired: {report.repaired.indexed} indexed, {report.repaired.removed} removed, {failed} refused."
            self.stdout.write(self.style.SUCCESS(message) if not failed else self.style.ERROR(message))
            if failed:
                raise CommandError("The engine refused some asset documents; see the log.")
        else:
            return "the asset index"
        return ""


def _differ_message(names: list[str]) -> str:
    """One failure naming every index left different, e.g. 'Differences from the database in the asset index and
    Wagtail's admin index; …'."""
    return f"Differences from the database in {' and '.join(names)}; run again with --repair to fix them."
