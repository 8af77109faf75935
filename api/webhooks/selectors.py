"""Reads about webhooks: who follows an event, which deliveries are due."""

from django.db.models import QuerySet
from django.utils import timezone

from .models import DeliveryStatus, Webhook, WebhookDelivery


def webhooks_following(*, mission_id: int, event: str) -> list[Webhook]:
    """Active webhooks of active consumers that follow `event` for the mission, still within the consumer's scope."""
    candidates = Webhook.objects.filter(
        is_active=True,
        consumer__is_active=True,
        missions=mission_id,
        consumer__missions=mission_id,
    ).distinct()
    return [webhook for webhook in candidates if webhook.follows(event)]


def deliveries_due(*, limit: int = 100) -> QuerySet[WebhookDelivery]:
    """Pending deliveries whose (next) attempt time has come, the oldest first."""
    return WebhookDelivery.objects.filter(
        status=DeliveryStatus.PENDING, next_attempt_at__lte=timezone.now()
    ).order_by("next_attempt_at", "pk")[:limit]


def webhooks_of_consumer(*, consumer) -> QuerySet[Webhook]:
    return Webhook.objects.filter(consumer=consumer).prefetch_related("missions").order_by("pk")
