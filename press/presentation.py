"""Briefing JSON: the summary and detail the API, the iCalendar feed and the reference site share, built on
the page shapes of `embassies.presentation.pages` (embassies must not import press, so it lives here)."""

from django.urls import reverse
from django.utils import timezone
from icalendar import vRecur

from embassies.presentation.assets import document_json
from embassies.presentation.body import BodyRenderer
from embassies.presentation.pages import page_detail, page_summary

from .briefing_rules import live_stream_embed_url, live_stream_provider
from .models import BriefingPage

TYPE_NAME = "briefing"


def rrule_text(page: BriefingPage) -> str | None:
    """The recurrence as an RFC 5545 RRULE value, e.g. `FREQ=WEEKLY;BYDAY=TH;UNTIL=20270630T165959Z`."""
    rule = page.rrule()
    return vRecur(rule).to_ical().decode() if rule else None


def _moment(value) -> str | None:
    return value.isoformat() if value else None


def briefing_when(page: BriefingPage, *, at=None) -> dict:
    """Times in the mission's zone, the repeat rule, the next occurrence and whether the briefing is past."""
    at = at or timezone.now()
    upcoming = page.next_occurrence(at=at)
    return {
        "starts_at": _moment(timezone.localtime(page.starts_at, page.zone)),
        "ends_at": _moment(timezone.localtime(page.ends_at, page.zone)),
        "timezone": str(page.zone),
        "recurrence": None
        if not page.recurrence_frequency
        else {
            "rrule": rrule_text(page),
            "frequency": page.recurrence_frequency,
            "interval": page.recurrence_interval,
            "weekdays": list(page.recurrence_weekdays),
            "until": page.recurrence_until.isoformat() if page.recurrence_until else None,
            "count": page.recurrence_count,
        },
        "next_occurrence": {"starts_at": _moment(upcoming[0]), "ends_at": _moment(upcoming[1])} if upcoming else None,
        "status": "upcoming" if upcoming else "past",
    }


def briefing_summary(page: BriefingPage, *, request, at=None) -> dict:
    """The listing shape of a briefing: the page summary with when, how and who."""
    data = page_summary(page, request=request)
    data["type"] = TYPE_NAME
    data["detail_url"] = request.build_absolute_uri(f"/api/v1/press/briefings/{page.pk}/")
    data.update(briefing_when(page, at=at))
    data.update(
        format=page.briefing_format,
        venue=page.venue,
        live_stream={
            "url": page.live_stream_url,
            "provider": live_stream_provider(page.live_stream_url),
            "embed_url": live_stream_embed_url(page.live_stream_url),
        }
        if page.live_stream_url
        else None,
        language=page.language_code,
        interpretation_languages=list(page.interpretation_languages),
        spokesperson=page.spokesperson,
    )
    return data


def transcript_json(page: BriefingPage, *, request) -> list[dict]:
    """The published transcript: opening statements and each question with its outlet, answer and spokesperson."""
    renderer = BodyRenderer(request=request, public_page_ids=set())
    items = []
    for block in page.transcript:
        if block.block_type == "exchange":
            value = block.value
            items.append({
                "type": "exchange",
                "id": block.id,
                "question": value["question"],
                "journalist": value["journalist"],
                "outlet": value["outlet"],
                "answer": renderer.block_value("rich_text", value["answer"])["html"],
                "spokesperson": value["spokesperson"] or page.spokesperson,
            })
        else:
            items.append({"type": block.block_type, "id": block.id, "html": renderer.block_value("rich_text", block.value)["html"]})
    return items


def briefing_detail(page: BriefingPage, *, request, at=None) -> dict:
    """A briefing with its body, transcript, recording and captions (documents as the asset JSON)."""
    data = page_detail(page, request=request)
    data.update(briefing_summary(page, request=request, at=at))
    data["transcript"] = transcript_json(page, request=request)
    data["recording"] = {
        "url": page.recording_url or None,
        "document": document_json(page.recording_document, request=request) if page.recording_document_id else None,
        "captions": document_json(page.captions, request=request) if page.captions_id else None,
    }
    return data


def briefing_site_context(page: BriefingPage, *, request) -> dict:
    """What the reference site's briefing template shows beyond the page: when, the stream's embed, the transcript
    and the calendar feed of the mission's briefings (a `webcal:` address calendar clients subscribe to)."""
    feed_path = reverse("press_briefings_calendar", kwargs={"mission_slug": page.mission.slug}) if page.mission_id else None
    return {
        "briefing": briefing_when(page),
        "next_occurrence": page.next_occurrence(),
        "stream": {
            "provider": live_stream_provider(page.live_stream_url),
            "embed_url": live_stream_embed_url(page.live_stream_url),
        }
        if page.live_stream_url
        else None,
        "transcript": transcript_json(page, request=request),
        "calendar_url": "webcal://" + request.get_host() + feed_path if feed_path else None,
    }
