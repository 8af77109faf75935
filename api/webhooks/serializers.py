from rest_framework import serializers

from hub.models import Mission

from .models import Webhook, WebhookEvent


class WebhookSerializer(serializers.ModelSerializer):
    """A consumer's webhook; missions by slug."""

    events = serializers.ListField(child=serializers.ChoiceField(choices=WebhookEvent.choices), allow_empty=False)
    missions = serializers.SlugRelatedField(slug_field="slug", many=True, queryset=Mission.objects.all())

    class Meta:
        model = Webhook
        fields = ["id", "url", "events", "missions", "is_active", "created_at"]
        read_only_fields = ["is_active", "created_at"]


class WebhookCreatedSerializer(WebhookSerializer):
    """The answer to a registration: the only time the signing secret is shown."""

    secret = serializers.CharField(read_only=True)

    class Meta(WebhookSerializer.Meta):
        fields = [*WebhookSerializer.Meta.fields, "secret"]
