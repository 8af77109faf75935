"""Admin form for webhooks: events as checkboxes, and the same rules as the API (scope, address)."""

from django import forms
from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

from .models import WebhookEvent
from .services import webhook_validate


class WebhookAdminForm(WagtailAdminModelForm):
    events = forms.MultipleChoiceField(choices=WebhookEvent.choices, widget=forms.CheckboxSelectMultiple)

    def clean(self):
        cleaned = super().clean()
        consumer, missions = cleaned.get("consumer"), cleaned.get("missions")
        if consumer is None or missions is None or "events" not in cleaned:
            return cleaned
        try:
            webhook_validate(consumer=consumer, url=cleaned.get("url", ""), events=cleaned["events"], missions=list(missions))
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        return cleaned
