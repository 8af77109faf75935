"""The press centre in the Wagtail admin."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .admin_briefings import QUEUE_URL_NAME, QuestionQueueMenuItem, QuestionQueueView


# --- briefings ---
@hooks.register("register_admin_urls")
def register_briefing_question_urls():
    return [path("press/questions/", QuestionQueueView.as_view(), name=QUEUE_URL_NAME)]


@hooks.register("register_admin_menu_item")
def register_briefing_question_menu_item():
    return QuestionQueueMenuItem(_("Briefing questions"), reverse(QUEUE_URL_NAME), icon_name="help", order=170)
