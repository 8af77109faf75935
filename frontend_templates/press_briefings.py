"""The press area's briefings: an accredited journalist registers to attend and sends questions in advance or live
(`/<lang>/press/briefings/<id>/`), and anyone subscribes to a mission's upcoming briefings as a calendar feed
(`/<lang>/press/briefings/<mission>.ics`).

The journalist sees only their own questions; the press office handles all of them in the Wagtail admin queue.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, pgettext

from embassies.selectors import mission_home_for_page, missions_public
from press.calendar import briefings_calendar, calendar_response
from press.selectors import (
    briefing_attendance_of,
    briefing_public,
    briefing_questions_of,
    briefings_public,
)
from press.services import (
    BriefingError,
    BriefingErrorCode,
    briefing_attendance_cancel,
    briefing_attendance_register,
    briefing_question_submit,
)

from .caching import site_cache_exempt
from .context import layout_for
from .press_access import journalist_required


def _action(request, briefing) -> BriefingError | None:
    """Carry out the journalist's POST (register, cancel, question); the refusal, if any."""
    action = request.POST.get("action")
    try:
        if action == "register":
            briefing_attendance_register(
                briefing=briefing, journalist=request.journalist, in_person=request.POST.get("in_person") == "on"
            )
        elif action == "cancel":
            briefing_attendance_cancel(briefing=briefing, journalist=request.journalist)
        elif action == "question":
            briefing_question_submit(briefing=briefing, journalist=request.journalist, text=request.POST.get("text", ""))
        else:
            raise BriefingError(BriefingErrorCode.UNKNOWN_ACTION, field="action")
    except BriefingError as error:
        return error
    return None


@journalist_required(accredited=True)
def press_briefing(request, briefing_id: int):
    """A public briefing as the accredited journalist sees it: their registration and their own questions."""
    briefing = briefing_public(briefing_id=briefing_id)
    if briefing is None:
        raise Http404("No such briefing.")
    error = None
    if request.method == "POST":
        error = _action(request, briefing)
        if error is None:
            return redirect(request.path)
    home = mission_home_for_page(page=briefing)
    context = {
        "layout": layout_for(home=home, language_code=get_language(), alternates=[]),
        "briefing": briefing,
        "next_occurrence": briefing.next_occurrence(),
        "attendance": briefing_attendance_of(journalist=request.journalist, briefing=briefing),
        "questions": briefing_questions_of(journalist=request.journalist, briefing=briefing),
        "error": error,
        "meta": {"title": briefing.title, "url": request.build_absolute_uri(), "og_type": "website"},
    }
    status = 200 if error is None else 403 if error.code == BriefingErrorCode.NOT_ACCREDITED else 400
    return render(request, "frontend_templates/press/briefings/briefing.html", context, status=status)


@site_cache_exempt
def press_briefings_calendar(request, mission_slug: str):
    """A mission's (or HQ's) upcoming public briefings in the URL's language, as an iCalendar feed."""
    mission = get_object_or_404(missions_public(), slug=mission_slug)
    language_code = get_language()
    briefings = briefings_public(missions=[mission.pk], language_code=language_code, when="upcoming")
    name = pgettext("reference site", "Press briefings: %(mission)s") % {"mission": mission.name_in(language_code)}
    body = briefings_calendar(briefings=briefings, name=name, request=request)
    return calendar_response(request=request, body=body, filename=f"{mission.slug}-briefings.ics")
