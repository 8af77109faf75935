"""Models of the API app: consumers with their keys, and webhooks with their deliveries."""

from .consumers.models import ApiConsumer, ApiKey
from .webhooks.models import DeliveryStatus, Webhook, WebhookDelivery, WebhookEvent

__all__ = ["ApiConsumer", "ApiKey", "DeliveryStatus", "Webhook", "WebhookDelivery", "WebhookEvent"]
