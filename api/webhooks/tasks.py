"""Background work for webhooks: one delivery attempt per task, off the editor's request."""

from django_tasks import task

from .services import delivery_attempt


@task()
def webhook_delivery_send(*, delivery_id: str) -> str | None:
    """Attempt one delivery; returns its status afterwards, or None when it was not due."""
    delivery = delivery_attempt(delivery_id=delivery_id)
    return delivery.status if delivery is not None else None
