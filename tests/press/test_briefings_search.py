"""Transcripts are searchable like other pages, on the database fallback and on the engine at 9201: a briefing is
found by words of its transcript, each matching question and answer comes back as a snippet of its own, and
questions still in the press office's queue are found nowhere."""

import pytest

from press import factories
from press.models import BriefingQuestion
from search.selectors import pages_search
from search.services import search_reindex
from tests.search.helpers import drain

TRANSCRIPT = [
    ("statement", "<p>Good morning. The minister travels to Hanoi next week.</p>"),
    ("exchange", {"question": "Will the mangrove agreement be signed in Hanoi?", "journalist": "A. Reporter",
                  "outlet": "Le Courrier", "answer": "<p>Yes, the mangrove agreement will be signed on Tuesday.</p>",
                  "spokesperson": ""}),
    ("exchange", {"question": "What about fisheries quotas?", "journalist": "B. Writer", "outlet": "Daily Tide",
                  "answer": "<p>Fisheries talks continue; no mangrove news there.</p>", "spokesperson": "Ana Silva"}),
    ("exchange", {"question": "And the embassy reopening?", "journalist": "C. Scribe", "outlet": "Radio Nord",
                  "answer": "<p>It reopens in May.</p>", "spokesperson": ""}),
]


@pytest.fixture
def briefing_with_transcript(backend, hq, briefings_people):
    page = factories.briefing(
        factories.briefings_section(hq, "en"), title="Regular briefing of 14 January", spokesperson="Claire Dubois",
        transcript=TRANSCRIPT,
    )
    BriefingQuestion.objects.create(
        briefing=page, journalist=briefings_people["accredited"].journalist, text="Zephyrmark unanswered question"
    )
    if backend is not None:
        search_reindex()
        drain(backend)
    return page


@pytest.mark.django_db
def test_transcript_words_find_the_briefing_with_one_snippet_per_exchange(backend, briefing_with_transcript):
    results = pages_search(q="mangrove")
    assert results.backend == ("database" if backend is None else "opensearch")
    [hit] = results.hits
    assert hit.page_id == briefing_with_transcript.pk and hit.page_type == "briefing"
    assert hit.highlights["passages"] == [
        "Will the <mark>mangrove</mark> agreement be signed in Hanoi? (Le Courrier) — Claire Dubois: "
        "Yes, the <mark>mangrove</mark> agreement will be signed on Tuesday.",
        "What about fisheries quotas? (Daily Tide) — Ana Silva: Fisheries talks continue; no <mark>mangrove</mark> news there.",
    ]


@pytest.mark.django_db
def test_statements_are_passages_too_and_unmatched_exchanges_are_left_out(backend, briefing_with_transcript):
    [hit] = pages_search(q="minister").hits
    assert hit.highlights["passages"] == ["Good morning. The <mark>minister</mark> travels to Hanoi next week."]


@pytest.mark.django_db
def test_queue_questions_and_drafts_are_not_searchable(backend, briefing_with_transcript, hq):
    factories.briefing(factories.briefings_section(hq, "en"), title="Zephyrmark draft briefing", live=False)
    if backend is not None:
        drain(backend)
    assert pages_search(q="Zephyrmark").hits == []


@pytest.mark.django_db
@pytest.mark.parametrize("filter_name", ["page_types", "kinds"])
def test_briefing_is_a_page_type_and_a_kind_the_filters_accept(backend, briefing_with_transcript, filter_name):
    """`briefing` is registered by the press app in its `ready()`; the filters must know it (a constant taken when
    the search package was imported did not, and answered 'not a valid choice')."""
    [hit] = pages_search(q="mangrove", **{filter_name: ["briefing"]}).hits
    assert hit.page_id == briefing_with_transcript.pk
    assert pages_search(q="mangrove", **{filter_name: ["event"]}).hits == []


@pytest.mark.django_db
def test_the_search_api_filters_briefings_by_type(client, backend, briefing_with_transcript):
    answer = client.get("/api/v1/search/", {"q": "mangrove", "type": "briefing"})
    assert answer.status_code == 200, answer.content
    assert [result["id"] for result in answer.json()["results"]] == [briefing_with_transcript.pk]
