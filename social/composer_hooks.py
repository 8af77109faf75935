"""Wagtail hooks of the composer: its admin URLs, the "Social posts" button on a page, the reviewer's panel.

Imported by `social/wagtail_hooks.py` (Wagtail's autodiscovery finds that module, not this one).
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from embassies.models import MissionContentPage

from . import composer_views


@hooks.register("register_admin_urls")
def register_composer_urls():
    return [
        path("social/pages/<int:page_id>/posts/", composer_views.ComposerView.as_view(), name="social_composer"),
        path("social/pages/<int:page_id>/posts/count/", composer_views.count, name="social_composer_count"),
    ]


class PageSocialPostsButton(PageMenuItem):
    label = _("Social posts")
    icon_name = "globe"
    url_name = "social_composer"

    def is_shown(self, user):
        return isinstance(self.page.specific_deferred, MissionContentPage) and self.page.permissions_for_user(user).can_edit()


@hooks.register("register_page_header_buttons")
def page_social_posts_button(page, user, view_name, next_url=None):
    yield PageSocialPostsButton(page=page, priority=67)


@hooks.register("moderation_review_panels")
def social_posts_review_panel(page, request):
    return composer_views.review_panel(page=page, request=request)
