"""Reads about the demo network, for the summary `seed_demo` prints."""

from django.db.models import Count

from embassies.models import ArticlePage, ConsularNoticePage, EventPage


def content_pages_by_language() -> dict[str, list[tuple[str, int, int]]]:
    """For each content page type: (language code, live pages, all pages), by language."""
    counts = {}
    for model in (ArticlePage, EventPage, ConsularNoticePage):
        totals = dict(model.objects.order_by().values_list("locale__language_code").annotate(Count("pk")))
        live = dict(model.objects.live().order_by().values_list("locale__language_code").annotate(Count("pk")))
        counts[str(model._meta.verbose_name_plural)] = [(code, live.get(code, 0), totals[code]) for code in sorted(totals)]
    return counts
