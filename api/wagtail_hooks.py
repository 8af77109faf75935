"""Admin registration for API consumers (HQ administrators only, through their model permissions),
and the "Preview link for embassy site" action on pages."""

from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .consumers.admin_views import REVOKE_LOG_ACTION, ApiKeyCreateView, ApiKeyEditView, ApiKeyIndexView, ApiKeyRevokeView
from .consumers.models import ApiConsumer, ApiKey
from .consumers.permissions import ModelPermissionPolicyWithout
from .preview.admin_views import PreviewLinkView
from .preview.services import PREVIEW_LOG_ACTION
from .webhooks.admin_views import WebhookCreateView
from .webhooks.forms import WebhookAdminForm
from .webhooks.models import Webhook, WebhookDelivery

# Keys are revoked, never deleted (the record is the audit trail); the delivery log is written by the hub alone.
register_permission_policy(ApiKey, ModelPermissionPolicyWithout(ApiKey, refused={"delete"}))
register_permission_policy(WebhookDelivery, ModelPermissionPolicyWithout(WebhookDelivery, refused={"add", "change", "delete"}))


class ApiConsumerViewSet(SnippetViewSet):
    model = ApiConsumer
    icon = "site"
    menu_label = _("Consumers")
    list_display = ["name", "throttle_rate", "is_active", "updated_at"]
    list_filter = ["is_active", "missions"]
    search_fields = ["name", "contact_email"]
    copy_view_enabled = False
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("contact_email")]),
        FieldPanel("missions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("throttle_rate"),
        MultiFieldPanel([FieldPanel("allowed_origins"), FieldPanel("preview_url")], heading=_("Their site")),
        FieldPanel("is_active"),
    ]


class ApiKeyViewSet(SnippetViewSet):
    model = ApiKey
    icon = "key"
    menu_label = _("Keys")
    index_view_class = ApiKeyIndexView
    add_view_class = ApiKeyCreateView
    edit_view_class = ApiKeyEditView
    list_display = ["name", "consumer", "key_start", "status", "created_at", "last_used_at"]
    list_filter = ["consumer"]
    copy_view_enabled = False
    panels = [FieldPanel("consumer"), FieldPanel("name")]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(revoke_url_name=self.get_url_name("revoke"), **kwargs)

    @property
    def revoke_view(self):
        return self.construct_view(ApiKeyRevokeView)

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("revoke/<int:pk>/", self.revoke_view, name="revoke")]


class WebhookViewSet(SnippetViewSet):
    model = Webhook
    icon = "link"
    menu_label = _("Webhooks")
    add_view_class = WebhookCreateView
    list_display = ["url", "consumer", "events", "is_active", "created_at"]
    list_filter = ["consumer", "is_active"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("consumer"),
            FieldPanel("url"),
            FieldPanel("events"),
            FieldPanel("missions", widget=forms.CheckboxSelectMultiple),
            FieldPanel("is_active"),
        ],
        base_form_class=WebhookAdminForm,
    )


class WebhookDeliveryViewSet(SnippetViewSet):
    model = WebhookDelivery
    icon = "history"
    menu_label = _("Deliveries")
    list_display = ["__str__", "event", "status", "attempts", "last_status_code", "created_at", "next_attempt_at"]
    list_filter = ["status", "event", "webhook"]
    inspect_view_enabled = True
    copy_view_enabled = False
    inspect_view_fields = [
        "delivery_id", "webhook", "event", "page_id", "status", "attempts", "last_status_code", "last_error",
        "created_at", "last_attempt_at", "next_attempt_at", "delivered_at", "payload",
    ]

    def get_queryset(self, request):
        return WebhookDelivery.objects.select_related("webhook")


class ApiConsumersViewSetGroup(SnippetViewSetGroup):
    items = (ApiConsumerViewSet, ApiKeyViewSet, WebhookViewSet, WebhookDeliveryViewSet)
    menu_icon = "code"
    menu_label = _("API consumers")
    menu_name = "api-consumers"


register_snippet(ApiConsumersViewSetGroup)


@hooks.register("register_log_actions")
def register_api_log_actions(actions):
    actions.register_action(PREVIEW_LOG_ACTION, _("Create preview link"), _("Preview link for embassy sites created"))
    actions.register_action(REVOKE_LOG_ACTION, _("Revoke API key"), _("API key revoked"))


@hooks.register("register_admin_urls")
def register_preview_link_url():
    return [path("api/preview-link/<int:page_id>/", PreviewLinkView.as_view(), name="api_preview_link")]


@hooks.register("register_page_header_buttons")
def preview_link_button(page, user, view_name, next_url=None):
    if page.depth > 2 and page.permissions_for_user(user).can_edit():
        yield Button(
            _("Preview link for embassy site"),
            url=reverse("api_preview_link", args=[page.pk]),
            icon_name="link",
            priority=62,
        )
