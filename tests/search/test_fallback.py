"""Without an engine (the embedded default), or with one that cannot be reached, the same service answers from
the database, in the same shape, saying so; nothing raises. No engine needed for these tests."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db.models import Count

from embassies.models import ArticlePage
from embassies.selectors import pages_public
from search.models import IndexOutbox
from search.selectors import pages_autocomplete, pages_related, pages_search
from search.services import outbox_drain

from .helpers import publish_article

pytestmark = pytest.mark.django_db
UTC = dt.timezone.utc


@pytest.fixture
def unreachable_engine(settings):
    """An engine is configured, but nothing listens there (the node is down, or the network is)."""
    settings.HUB_SEARCH_ENGINE = "opensearch"
    settings.HUB_SEARCH_URL = "http://127.0.0.1:9"
    settings.HUB_SEARCH_TIMEOUT = 2
    cache.clear()


def test_without_an_engine_the_database_answers_with_the_same_shape(hanoi, paris):
    page = publish_article(hanoi, title="Mekong delta rice harvest", language="en", tags=["rice"])
    publish_article(paris, title="Mekong exhibition", language="en")

    results = pages_search(q="mekong", missions=["hanoi"])

    assert (results.backend, results.degraded) == ("database", False)
    assert "language_analysis" in results.simplified
    hit = results.hits[0]
    assert (hit.page_id, hit.title, hit.mission, hit.locale, hit.tags) == (page.pk, page.title, "hanoi", "en", ("rice",))
    assert hit.highlights["title"] == ["<mark>Mekong</mark> delta rice harvest"]
    assert results.total == 1


def test_database_facets_equal_database_counts(hanoi, paris, hq):
    for n in range(3):
        publish_article(hanoi, title=f"Mekong report {n}", tags=["water"])
    publish_article(paris, title="Mekong coopération", kind="statement", tags=["water", "mekong"])
    publish_article(hq, title="Mekong statement", kind="statement", first_published_at=dt.datetime(2024, 5, 2, tzinfo=UTC))
    publish_article(hanoi, title="Mekong draft", live=False)

    facets = {name: {b.value: b.count for b in buckets} for name, buckets in pages_search(q="mekong").facets.items()}

    public = pages_public(queryset=ArticlePage.objects.filter(title__icontains="mekong")).order_by()
    assert facets["mission"] == dict(public.values_list("mission__slug").annotate(n=Count("pk")))
    assert facets["locale"] == dict(public.values_list("locale__language_code").annotate(n=Count("pk")))
    assert facets["kind"] == {"news": 3, "statement": 2}
    assert facets["year"] == {str(y): n for y, n in public.values_list("first_published_at__year").annotate(n=Count("pk"))}
    assert facets["tags"] == {"water": 4, "mekong": 1}


def test_database_search_filters_and_sorts_like_the_engine(hanoi, hq):
    older = publish_article(hq, title="Briefing on trade", first_published_at=dt.datetime(2024, 1, 1, tzinfo=UTC))
    newer = publish_article(hq, title="Briefing on climate", first_published_at=dt.datetime(2025, 1, 1, tzinfo=UTC), kind="press_briefing")
    publish_article(hanoi, title="Briefing in Hanoi", kind="press_briefing")

    def found(**params):
        return [hit.page_id for hit in pages_search(page_types=["article"], **params).hits]

    assert found(q="briefing", missions=["hq"], sort="date") == [newer.pk, older.pk]
    assert found(q="briefing", kinds=["press_briefing"], regions=["europe"]) == [newer.pk]
    assert found(missions=["hq"], published_to="2024-12-31") == [older.pk]


def test_unreachable_engine_degrades_every_search_to_the_database(unreachable_engine, hanoi, paris):
    page = publish_article(hanoi, title="Lotus festival", language="en", tags=["culture"])
    other = publish_article(paris, title="Fête du lotus", language="en", tags=["culture"])

    results = pages_search(q="lotus festival")
    assert (results.backend, results.degraded) == ("database", True)
    assert [hit.page_id for hit in results.hits] == [page.pk]
    completions = pages_autocomplete(prefix="Lotus")
    assert (completions.backend, completions.degraded) == ("database", True)
    assert {h.page_id for h in completions.hits} == {page.pk, other.pk}
    related = pages_related(page_id=page.pk)
    assert (related.backend, related.degraded, [h.page_id for h in related.hits]) == ("database", True, [other.pk])


def test_changes_wait_in_the_outbox_while_the_engine_is_unreachable(unreachable_engine, hanoi, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = publish_article(hanoi, title="Waiting change", language="en")
        page.unpublish()

    pending = IndexOutbox.objects.pending().filter(target_id=page.pk)
    reasons = list(pending.values_list("reason", flat=True))
    # The publish and the unpublish, and the saves beside them (for Wagtail's admin index, which holds drafts).
    assert {"publish", "unpublish"} <= set(reasons) and set(reasons) <= {"publish", "unpublish", "edit"}
    assert all("Connection" in entry.last_error or "refused" in entry.last_error for entry in pending)
    report = outbox_drain()
    assert report.unavailable and report.applied == 0
    assert pending.count() == len(reasons)
    with pytest.raises(CommandError, match="unreachable"):
        call_command("search_worker", "--once")


def test_no_outbox_entries_without_an_engine(hanoi):
    before = IndexOutbox.objects.count()
    page = publish_article(hanoi, title="No engine, no outbox", language="en")
    page.unpublish()
    assert IndexOutbox.objects.count() == before
