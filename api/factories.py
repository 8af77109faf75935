"""Factories for API consumers, keys and webhooks, made through the same services the admin uses."""

from .consumers.models import ApiConsumer
from .consumers.services import IssuedApiKey, api_key_create
from .webhooks.models import Webhook, WebhookEvent
from .webhooks.services import webhook_create


def consumer(name: str = "Embassy site", *, missions=(), **fields) -> ApiConsumer:
    created = ApiConsumer.objects.create(name=name, **fields)
    created.missions.set(missions)
    return created


def api_key(for_consumer: ApiConsumer, *, name: str = "production") -> IssuedApiKey:
    return api_key_create(consumer=for_consumer, name=name)


def webhook(for_consumer: ApiConsumer, *, url: str, missions, events=tuple(WebhookEvent.values)) -> Webhook:
    return webhook_create(consumer=for_consumer, url=url, events=list(events), missions=list(missions))
