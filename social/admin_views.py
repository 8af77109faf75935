"""What every social admin listing shares: Wagtail's admin page frame, and a 404 for staff of no mission."""

from django.http import Http404
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import admin_access


class SocialAdminView(WagtailAdminTemplateMixin, TemplateView):
    """A page of the Social menu: only staff of some mission (or HQ administrators) reach it."""

    def dispatch(self, request, *args, **kwargs):
        if not admin_access.user_uses_social_admin(user=request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)
