"""Relevance, measured (issue 15, item 6): the queries of `relevance_corpus.yaml`, each with the pages it must put in
its top 3, run on the live engine and on the database fallback over the same corpus; nDCG@10 and top-3 hit rate
per language and backend. The table in docs/search.md is this module's report:

    HUB_SEARCH_TEST_URL=http://127.0.0.1:9201 .venv/bin/python -m pytest tests/search/test_relevance.py -q -p no:cacheprovider -rA
"""

import math
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings

from hub import factories
from hub.models import Mission
from search.selectors import pages_search
from search.services import search_reindex

from .helpers import RUN_PREFIX, publish_article

# Marked so that pytest-django creates the test database; the corpus lives in the module fixture's own transaction.
pytestmark = pytest.mark.django_db

CORPUS = yaml.safe_load((Path(__file__).parent / "relevance_corpus.yaml").read_text(encoding="utf-8"))
LANGUAGES = ("vi", "vi-folded", "en", "fr", "ar", "ja")
BACKENDS = ("engine", "database")
DEPTH = 10


@dataclass(frozen=True)
class Outcome:
    """One query on one backend: the keys of the pages it returned, best first, and what it was expected to find."""

    language: str
    query: str
    expected: tuple[str, ...]
    returned: tuple[str, ...]

    @property
    def top3_hit(self) -> bool:
        return set(self.expected) <= set(self.returned[:3])

    @property
    def ndcg(self) -> float:
        """Binary-gain nDCG@10: every expected page counts 1, discounted by its rank."""
        gains = sum(1 / math.log2(rank + 2) for rank, key in enumerate(self.returned[:DEPTH]) if key in self.expected)
        ideal = sum(1 / math.log2(rank + 2) for rank in range(min(len(self.expected), DEPTH)))
        return gains / ideal


def _body_html(text: str) -> str:
    return "</p><p>".join(paragraph.strip() for paragraph in (text or "").split("\n\n") if paragraph.strip())


def _corpus_published() -> dict[int, str]:
    """The corpus published through the page models; page id → key."""
    for slug, fields in CORPUS["missions"].items():
        if not Mission.objects.filter(slug=slug).exists():
            factories.mission(slug, **fields)
    missions = {mission.slug: mission for mission in Mission.objects.all()}
    keys = {}
    for key, page in CORPUS["pages"].items():
        article = publish_article(
            missions[page["mission"]],
            title=page["title"],
            summary=page.get("summary"),
            body=_body_html(page.get("body", "")),
            language=page["language"],
            kind=page.get("kind", "news"),
            tags=page.get("tags", ()),
        )
        keys[article.pk] = key
    return keys


def _outcomes(keys: dict[int, str], backend: str) -> list[Outcome]:
    outcomes = []
    for row in CORPUS["queries"]:
        results = pages_search(q=row["query"], page_size=DEPTH)
        assert results.backend == ("database" if backend == "database" else "opensearch")
        returned = tuple(keys.get(hit.page_id, f"page-{hit.page_id}") for hit in results.hits)
        outcomes.append(Outcome(row["language"], row["query"], tuple(row["expect"]), returned))
    return outcomes


@pytest.fixture(scope="module")
def outcomes(engine_url, django_db_setup, django_db_blocker) -> dict[str, list[Outcome]]:
    """Every query on both backends, over the corpus built once in a transaction that is then rolled back.

    The pages are published with no engine configured (the word table is written, the outbox is not), then one
    `search_reindex` builds the engine's index from them, with no outbox entries to replay after it."""
    engine = {
        "HUB_SEARCH_ENGINE": "opensearch", "HUB_SEARCH_URL": engine_url,
        "HUB_SEARCH_INDEX_PREFIX": RUN_PREFIX, "HUB_SEARCH_TIMEOUT": 30,
    }
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(HUB_SEARCH_ENGINE=""):
            keys = _corpus_published()
            found = {"database": _outcomes(keys, "database")}
        with override_settings(**engine):
            cache.clear()
            search_reindex()
            found["engine"] = _outcomes(keys, "engine")
        transaction.set_rollback(True)
    cache.clear()
    return found


def _rates(outcomes: list[Outcome], language: str) -> tuple[float, float, list[Outcome]]:
    chosen = [outcome for outcome in outcomes if outcome.language == language]
    missed = [outcome for outcome in chosen if not outcome.top3_hit]
    return (
        sum(outcome.ndcg for outcome in chosen) / len(chosen),
        1 - len(missed) / len(chosen),
        missed,
    )


def _misses(missed: list[Outcome]) -> str:
    return "; ".join(f"{outcome.query!r} → {list(outcome.returned[:3])}, wanted {list(outcome.expected)}" for outcome in missed)


def test_the_relevance_set_has_forty_queries_in_five_languages():
    languages = {row["language"] for row in CORPUS["queries"]}

    assert len(CORPUS["queries"]) >= 40
    assert languages == set(LANGUAGES)
    assert all(key in CORPUS["pages"] for row in CORPUS["queries"] for key in row["expect"])


@pytest.mark.parametrize("language", ["vi", "vi-folded"])
def test_vietnamese_queries_find_their_pages_in_the_engines_top_3(outcomes, language):
    _ndcg, top3, missed = _rates(outcomes["engine"], language)

    assert top3 == 1.0, _misses(missed)


@pytest.mark.parametrize("language", ["vi", "vi-folded"])
def test_vietnamese_queries_find_their_pages_in_the_fallbacks_top_3_nine_times_in_ten(outcomes, language):
    _ndcg, top3, missed = _rates(outcomes["database"], language)

    assert top3 >= 0.9, _misses(missed)


def test_japanese_queries_find_their_pages_in_the_fallbacks_top_3(outcomes):
    """Without the engine a run of kanji or katakana is cut into character pairs, as the engine's bigrams do."""
    _ndcg, top3, missed = _rates(outcomes["database"], "ja")

    assert top3 == 1.0, _misses(missed)


def test_relevance_report(outcomes):
    """The table of docs/search.md, printed (shown with `-rA`)."""
    lines = [
        "",
        "| Language | Queries | Engine nDCG@10 | Engine top-3 | Fallback nDCG@10 | Fallback top-3 |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for language in LANGUAGES:
        figures = [_rates(outcomes[backend], language) for backend in BACKENDS]
        count = sum(1 for outcome in outcomes["engine"] if outcome.language == language)
        lines.append(
            f"| {language} | {count} | "
            + " | ".join(f"{ndcg:.3f} | {top3:.2f}" for ndcg, top3, _missed in figures)
            + " |"
        )
    for backend in BACKENDS:
        for language in LANGUAGES:
            missed = _rates(outcomes[backend], language)[2]
            if missed:
                lines.append(f"{backend} {language} misses: {_misses(missed)}")
            below = [
                outcome for outcome in outcomes[backend]
                if outcome.language == language and outcome.top3_hit and outcome.ndcg < 1
            ]
            if below:
                lines.append(f"{backend} {language} found, not best first: {_misses(below)}")
    print("\n".join(lines))

    assert all(0 <= outcome.ndcg <= 1 for backend in BACKENDS for outcome in outcomes[backend])
