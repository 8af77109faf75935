"""Webhooks: consumers' subscriptions to publishing events, and the log of every delivery."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from api.consumers.models import ApiConsumer


class WebhookEvent(models.TextChoices):
    PUBLISH = "publish", _("Published")
    UNPUBLISH = "unpublish", _("Unpublished")
    DELETE = "delete", _("Deleted")


class Webhook(models.Model):
    """An address of a consumer that is told when pages of some of its missions are published,
    unpublished or deleted. Deliveries are signed with `secret`, which is shown once when created."""

    consumer = models.ForeignKey(ApiConsumer, on_delete=models.CASCADE, related_name="webhooks")
    url = models.URLField(_("address"), max_length=500, help_text=_("HTTPS address that receives a POST per event."))
    events = models.JSONField(default=list, help_text=_("Any of: publish, unpublish, delete."))
    missions = models.ManyToManyField(
        "hub.Mission", related_name="+", help_text=_("Missions whose pages it follows; all within the consumer's scope.")
    )
    secret = models.CharField(max_length=100, editable=False)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["consumer__name", "url"]
        verbose_name = _("webhook")

    def __str__(self) -> str:
        return f"{self.consumer} → {self.url}"

    def follows(self, event: str) -> bool:
        return event in self.events


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SUCCEEDED = "succeeded", _("Succeeded")
    FAILED = "failed", _("Failed")


class WebhookDelivery(models.Model):
    """One event sent (or still to be sent) to one webhook: the outbox row and its delivery log.

    It is written in the same transaction as the publish, so an event is never lost nor sent for a
    change that was rolled back; the payload is fixed then and holds only public information.
    """

    delivery_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(max_length=20, choices=WebhookEvent.choices)
    page_id = models.PositiveIntegerField(help_text=_("Not a foreign key: the page may be gone."))
    payload = models.JSONField()
    status = models.CharField(max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="api_delivery_due")]

    def __str__(self) -> str:
        return f"{self.get_event_display()} page {self.page_id} → {self.webhook.url}"
