"""The press centre in the Wagtail admin."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_accounts, permissions
from .admin_briefings import QUEUE_URL_NAME, QuestionQueueMenuItem, QuestionQueueView


# --- accounts ---
@hooks.register("register_admin_urls")
def register_press_accounts_urls():
    return [
        path("press/journalists/", admin_accounts.JournalistListView.as_view(), name="press_journalists"),
        path("press/journalists/<int:pk>/", admin_accounts.JournalistView.as_view(), name="press_journalist"),
        path("press/journalists/<int:pk>/card/", admin_accounts.press_card, name="press_journalist_card"),
    ]


class JournalistsMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.user_can_accredit(user=request.user)


@hooks.register("register_admin_menu_item")
def register_journalists_menu_item():
    return JournalistsMenuItem(_("Journalists"), reverse("press_journalists"), icon_name="user", order=170)



# --- briefings ---
@hooks.register("register_admin_urls")
def register_briefing_question_urls():
    return [path("press/questions/", QuestionQueueView.as_view(), name=QUEUE_URL_NAME)]


@hooks.register("register_admin_menu_item")
def register_briefing_question_menu_item():
    return QuestionQueueMenuItem(_("Briefing questions"), reverse(QUEUE_URL_NAME), icon_name="help", order=170)
"""The press centre in the Wagtail admin: each area registers its own views and menu items when imported here."""

from . import admin_embargo

__all__ = ["admin_embargo"]
