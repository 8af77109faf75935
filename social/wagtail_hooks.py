"""Social publishing in the Wagtail admin: a "Social" menu (accounts, failures, calendar, campaigns)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.permissions import register_permission_policy

from . import admin_access, admin_urls, composer_hooks
from .admin_campaigns import CampaignViewSet, HQAdministratorsOnly
from .models import Campaign

register_permission_policy(Campaign, HQAdministratorsOnly(Campaign))
campaign_viewset = CampaignViewSet("social_campaigns")
COMPOSER_HOOKS = composer_hooks  # its import registers the composer's screen, page button and review panel


def _asked_once(request, name: str, question) -> bool:
    """The menu asks for each of its items on every admin page: one query per question per request, not per item."""
    answers = request.__dict__.setdefault("_social_menu_answers", {})
    if name not in answers:
        answers[name] = question(user=request.user)
    return answers[name]


class SocialMenuItem(MenuItem):
    def is_shown(self, request):
        return _asked_once(request, "uses", admin_access.user_uses_social_admin)


class CampaignsMenuItem(MenuItem):
    def is_shown(self, request):
        return _asked_once(request, "hq", admin_access.user_is_hq_admin)


@hooks.register("register_admin_urls")
def register_social_admin_urls():
    return admin_urls.urlpatterns


@hooks.register("register_admin_viewset")
def register_campaign_viewset():
    return campaign_viewset


@hooks.register("register_admin_menu_item")
def register_social_menu():
    menu = Menu(items=[
        SocialMenuItem(_("Accounts"), reverse("social_accounts"), icon_name="link", order=100),
        SocialMenuItem(_("Failed posts"), reverse("social_failures"), icon_name="warning", order=200),
        SocialMenuItem(_("Calendar"), reverse("social_calendar"), icon_name="date", order=300),
        CampaignsMenuItem(_("Campaigns"), reverse(campaign_viewset.get_url_name("index")), icon_name="tag", order=400),
    ])
    return SubmenuMenuItem(_("Social"), menu, icon_name="link", name="social", order=180)
