"""Briefings in the content index: their transcript's words in the body, and each question with its answer as a
passage of its own, shown as a separate snippet of a result (registered with `search.documents` in `ready()`).

Questions of the queue are never read here: only the transcript the page publishes."""

from search.documents import normalise_text, stream_text, strip_markup

from .models import BriefingPage

FIELDS = ("starts_at", "venue", "spokesperson", "transcript")


def briefing_texts(page: dict) -> list[str]:
    """Words a briefing's document adds to its body: venue, spokesperson and the whole transcript."""
    transcript = page["transcript"]
    words = stream_text(transcript.stream_block, list(transcript.raw_data)) if transcript is not None else []
    return [page["venue"], page["spokesperson"], *words]


def _passage(block: dict, spokesperson: str) -> str:
    value = block.get("value") or {}
    if block.get("type") != "exchange":
        return normalise_text(strip_markup(value if isinstance(value, str) else ""))
    asked = f"{value.get('question', '')} ({value['outlet']})" if value.get("outlet") else value.get("question", "")
    answer = strip_markup(value.get("answer") or "")
    return normalise_text(f"{asked} — {value.get('spokesperson') or spokesperson}: {answer}")


def briefing_passages(page_ids: list[int]) -> dict[int, list[str]]:
    """Each transcript block of these briefings as one passage: a question, its outlet, the answer and who gave it."""
    rows = BriefingPage.objects.filter(pk__in=page_ids).values_list("pk", "spokesperson", "transcript")
    return {pk: [_passage(block, spokesperson) for block in transcript.raw_data] for pk, spokesperson, transcript in rows}
