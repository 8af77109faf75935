"""Admin views for API keys: issue (the key is shown once, in the answer to the form), edit the label, revoke.

Wagtail sends every admin page with Cache-Control: no-store, so a key shown here stays on this one page.
"""

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets import Button
from wagtail.log_actions import log
from wagtail.snippets.views.snippets import CreateView, EditView, IndexView

from .models import ApiKey
from .services import api_key_create, api_key_revoke

REVOKE_LOG_ACTION = "api.revoke_key"


class ApiKeyIndexView(IndexView):
    revoke_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not instance.is_revoked and self.user_has_permission("change"):
            buttons.append(
                Button(_("Revoke"), url=reverse(self.revoke_url_name, args=[instance.pk]), icon_name="cross", priority=40)
            )
        return buttons


class ApiKeyCreateView(CreateView):
    """Issues the key through `api_key_create` and shows it on this one page; it is never shown again."""

    def save_instance(self):
        self.issued = api_key_create(
            consumer=self.form.cleaned_data["consumer"], name=self.form.cleaned_data["name"], created_by=self.request.user
        )
        log(instance=self.issued.api_key, action="wagtail.create", user=self.request.user)
        return self.issued.api_key

    def save_action(self):
        return TemplateResponse(
            self.request,
            "api/api_key_created.html",
            {"api_key": self.issued.api_key, "key": self.issued.key, "index_url": reverse(self.index_url_name)},
        )


class ApiKeyEditView(EditView):
    """Only the label changes; the consumer a key belongs to is fixed when it is issued."""

    revoke_url_name = None

    def get_panel(self):
        return ObjectList([FieldPanel("consumer", read_only=True), FieldPanel("name")]).bind_to_model(ApiKey)

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if not self.object.is_revoked:
            buttons.append(
                Button(_("Revoke"), url=reverse(self.revoke_url_name, args=[self.object.pk]), icon_name="cross", priority=30)
            )
        return buttons


class ApiKeyRevokeView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Confirm, then refuse the key from the next request on."""

    model = ApiKey
    permission_required = "change"
    template_name = "api/api_key_revoke.html"
    page_title = _("Revoke API key")
    header_icon = "key"
    index_url_name = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(ApiKey.objects.select_related("consumer"), pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(api_key=self.object, index_url=reverse(self.index_url_name), **kwargs)

    def post(self, request, *args, **kwargs):
        if not self.object.is_revoked:
            api_key_revoke(api_key=self.object, revoked_by=request.user)
            log(instance=self.object, action=REVOKE_LOG_ACTION, user=request.user)
        messages.success(request, _("The key %(key)s is revoked.") % {"key": self.object})
        return redirect(self.index_url_name)
