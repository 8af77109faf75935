"""What every social admin screen shares: Wagtail's admin page frame naming the screen, and for the listings a 404
for staff of no mission."""

from django.http import Http404
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import admin_access


class SocialScreen(WagtailAdminTemplateMixin):
    """Wagtail's admin frame whose header names the screen: Wagtail shows the last breadcrumb there, which is "Home"
    unless the view adds its own."""

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()}]


class SocialAdminView(SocialScreen, TemplateView):
    """A page of the Social menu: only staff of some mission (or HQ administrators) reach it."""

    def dispatch(self, request, *args, **kwargs):
        if not admin_access.user_uses_social_admin(user=request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)
