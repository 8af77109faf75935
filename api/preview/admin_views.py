"""Admin view behind "Preview link for embassy site": issue a token for the page's latest revision."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from api.consumers.selectors import consumers_previewing
from embassies.models.pages import page_mission_id

from .services import preview_token_create


class PreviewLinkView(WagtailAdminTemplateMixin, TemplateView):
    """GET explains and offers the button; POST issues the token and shows the links (once, never cached)."""

    template_name = "api/preview_link.html"
    page_title = _("Preview link for embassy site")
    header_icon = "link"

    def dispatch(self, request, page_id: int, *args, **kwargs):
        self.page = get_object_or_404(Page, pk=page_id).specific
        if not self.page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, page_id, *args, **kwargs)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page=self.page,
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
            consumers=consumers_previewing(mission_id=page_mission_id(self.page)),
            max_age_minutes=settings.HUB_PREVIEW_TOKEN_MAX_AGE_SECONDS // 60,
            **kwargs,
        )

    def post(self, request, page_id: int):
        try:
            preview = preview_token_create(page=self.page, user=request.user)
        except ValueError as error:
            return self.render_to_response(self.get_context_data(error=str(error)))
        context = self.get_context_data(
            preview=preview,
            api_url=request.build_absolute_uri(reverse("preview-detail", kwargs={"token": preview.token})),
        )
        context["consumer_links"] = [(consumer, consumer.preview_link(preview.token)) for consumer in context["consumers"]]
        return self.render_to_response(context)
