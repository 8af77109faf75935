"""Background work for webhooks: one delivery attempt per task, off the editor's request, and the retry it
schedules when the task backend can run work later (otherwise the `webhooks_deliver` worker picks it up)."""

from django_tasks import task

from .models import DeliveryStatus
from .services import delivery_attempt


@task()
def webhook_delivery_send(*, delivery_id: str) -> str | None:
    """Attempt one delivery; returns its status afterwards, or None when it was not due."""
    delivery = delivery_attempt(delivery_id=delivery_id)
    if delivery is None:
        return None
    if delivery.status == DeliveryStatus.PENDING and webhook_delivery_send.get_backend().supports_defer:
        webhook_delivery_send.using(run_after=delivery.next_attempt_at).enqueue(delivery_id=delivery_id)
    return delivery.status


def deliveries_enqueue(deliveries) -> None:
    """One task per recorded delivery (called once the recording transaction has committed)."""
    for delivery in deliveries:
        webhook_delivery_send.enqueue(delivery_id=str(delivery.delivery_id))
