from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from hub.models import Mission

from .models import Webhook, WebhookEvent
from .services import WEBHOOK_URL_MAX_LENGTH, webhook_url_pattern, webhook_url_rules


class WebhookUrlField(serializers.URLField):
    """A webhook's address; registration checks it against the rules its schema states (api/webhooks/services.py)."""


class WebhookUrlFieldSchema(OpenApiSerializerFieldExtension):
    """The address rules in the schema, as this server applies them (they depend on HUB_WEBHOOKS), so a client
    knows them before a 400."""

    target_class = WebhookUrlField

    def map_serializer_field(self, auto_schema, direction):
        return {
            "type": "string", "format": "uri", "maxLength": WEBHOOK_URL_MAX_LENGTH, "pattern": webhook_url_pattern(),
            "description": webhook_url_rules(),
        }


@extend_schema_field({"type": "array", "items": {"type": "string"}, "minItems": 1})
class MissionSlugsField(serializers.ManyRelatedField):
    """One or more mission slugs (DRF's many-related field, with its `allow_empty=False` in the schema)."""


class WebhookSerializer(serializers.ModelSerializer):
    """A consumer's webhook; missions by slug."""

    url = WebhookUrlField(max_length=WEBHOOK_URL_MAX_LENGTH)
    events = serializers.ListField(child=serializers.ChoiceField(choices=WebhookEvent.choices), allow_empty=False, min_length=1)
    missions = MissionSlugsField(
        child_relation=serializers.SlugRelatedField(slug_field="slug", queryset=Mission.objects.all()),
        allow_empty=False, help_text="Slugs of missions the key's consumer covers (any other is a 403).",
    )

    class Meta:
        model = Webhook
        fields = ["id", "url", "events", "missions", "is_active", "created_at"]
        read_only_fields = ["is_active", "created_at"]


class WebhookCreatedSerializer(WebhookSerializer):
    """The answer to a registration: the only time the signing secret is shown."""

    secret = serializers.CharField(read_only=True)

    class Meta(WebhookSerializer.Meta):
        fields = [*WebhookSerializer.Meta.fields, "secret"]
