"""The press office's question queue in the Wagtail admin: every question of the briefings the user runs (the HQ
press office all of them, a mission's staff their mission's), to claim, merge into a duplicate, mark answered, and
turn into question-and-answer blocks of the briefing's next transcript draft.

One URL and no ids in it: the queue lists only what `briefing_questions_queue` gives the user, and every action
names its question in the form and goes through `press.services`, which checks the user again.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import QuestionStatus
from .selectors import briefing_questions_queue, briefings_manageable_by
from .services import (
    BriefingError,
    BriefingErrorCode,
    briefing_question_answer,
    briefing_question_claim,
    briefing_question_merge,
    briefing_transcript_draft,
)

QUEUE_URL_NAME = "press_question_queue"


def _int(value) -> int | None:
    value = str(value or "")
    return int(value) if value.isascii() and value.isdigit() else None  # "²".isdigit() is true, int("²") fails


class QuestionQueueView(WagtailAdminTemplateMixin, TemplateView):
    """The queue, by briefing (open questions first), and its actions as POSTs back to it."""

    template_name = "press/admin/question_queue.html"
    page_title = _("Briefing questions")
    header_icon = "help"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        briefing_id = _int(self.request.GET.get("briefing"))
        questions = list(briefing_questions_queue(user=self.request.user, briefing_id=briefing_id))
        by_briefing = {}
        for question in questions:
            by_briefing.setdefault(question.briefing_id, {"briefing": question.briefing, "questions": []})
            by_briefing[question.briefing_id]["questions"].append(question)
        for group in by_briefing.values():
            group["open"] = [q for q in group["questions"] if q.status in (QuestionStatus.SUBMITTED, QuestionStatus.CLAIMED)]
            group["waiting_for_transcript"] = sum(
                1 for q in group["questions"] if q.status == QuestionStatus.ANSWERED and q.in_transcript_at is None
            )
        context.update(groups=list(by_briefing.values()), briefing_id=briefing_id)
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        queue = briefing_questions_queue(user=request.user)
        try:
            if action == "transcript":
                briefing = briefings_manageable_by(user=request.user).filter(pk=_int(request.POST.get("briefing"))).first()
                if briefing is None:
                    raise Http404
                briefing_transcript_draft(briefing=briefing, user=request.user)
                messages.success(request, _("The answered questions are in a new transcript draft: review and publish it."))
            else:
                question = queue.filter(pk=_int(request.POST.get("question"))).first()
                if question is None:
                    raise Http404
                if action == "claim":
                    briefing_question_claim(question=question, user=request.user)
                elif action == "answer":
                    briefing_question_answer(question=question, user=request.user, answer=request.POST.get("answer", ""))
                elif action == "merge":
                    into = queue.filter(pk=_int(request.POST.get("into"))).first()
                    if into is None:
                        raise BriefingError(BriefingErrorCode.INVALID_MERGE, field="into")
                    briefing_question_merge(question=question, into=into, user=request.user)
                else:
                    raise BriefingError(BriefingErrorCode.UNKNOWN_ACTION, field="action")
                messages.success(request, _("Question updated."))
        except BriefingError as error:
            messages.error(request, str(error))
        target = reverse(QUEUE_URL_NAME)
        briefing_id = _int(request.GET.get("briefing"))
        return redirect(f"{target}?briefing={briefing_id}" if briefing_id else target)


class QuestionQueueMenuItem(MenuItem):
    def is_shown(self, request):
        return briefings_manageable_by(user=request.user).exists()
