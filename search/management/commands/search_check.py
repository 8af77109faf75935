"""manage.py search_check: compare the index with the database; --repair fixes the differences."""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search.gateway import SearchEngineError, SearchNotConfigured, SearchUnavailable
from search.selectors import outbox_pending_count
from search.services import search_check

SHOWN = 20


class Command(BaseCommand):
    help = "Report public pages missing from the search index, stale documents and documents that should not be there."

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help="Re-index missing and stale pages, delete extra documents.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, repair, no_progress, **options):
        bar = tqdm(unit="pages", desc="Checking", disable=no_progress, file=sys.stderr, dynamic_ncols=True)

        def total(count):
            bar.total = count
            bar.refresh()

        try:
            report = search_check(repair=repair, progress=bar.update, total=total)
        except (SearchNotConfigured, SearchUnavailable, SearchEngineError) as error:
            raise CommandError(str(error)) from error
        finally:
            bar.close()
        for label, ids in (("missing", report.missing), ("stale", report.stale), ("extra", report.extra)):
            shown = ", ".join(str(pk) for pk in ids[:SHOWN]) + (" …" if len(ids) > SHOWN else "")
            self.stdout.write(f"{label}: {len(ids)}" + (f" (page ids {shown})" if ids else ""))
        pending = outbox_pending_count()
        if pending:
            self.stdout.write(f"{pending} change(s) wait in the outbox; differences they cover will go once it drains.")
        if report.clean:
            self.stdout.write(self.style.SUCCESS(f"The index matches the database ({report.checked} pages)."))
        elif report.repaired is not None:
            failed = len(report.repaired.failed)
            message = f"Repaired: {report.repaired.indexed} indexed, {report.repaired.removed} removed, {failed} refused."
            self.stdout.write(self.style.SUCCESS(message) if not failed else self.style.ERROR(message))
            if failed:
                raise CommandError("The engine refused some documents; see the log.")
        else:
            raise CommandError("The index differs from the database; run again with --repair to fix it.")
