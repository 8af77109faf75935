"""Admin views for webhooks: registering one shows its signing secret once."""

from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.log_actions import log
from wagtail.snippets.views.snippets import CreateView


from .services import webhook_create


class WebhookCreateView(CreateView):
    """Registers through `webhook_create` and shows the new secret on this one page."""

    def save_instance(self):
        data = self.form.cleaned_data
        self.webhook = webhook_create(
            consumer=data["consumer"],
            url=data["url"],
            events=data["events"],
            missions=list(data["missions"]),
            is_active=data.get("is_active", True),
        )
        log(instance=self.webhook, action="wagtail.create", user=self.request.user)
        return self.webhook

    def save_action(self):
        return TemplateResponse(
            self.request,
            "api/webhook_created.html",
            {"webhook": self.webhook, "index_url": reverse(self.index_url_name)},
        )
