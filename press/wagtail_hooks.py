from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_accounts, permissions


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
