"""/api/v1/webhooks/: a consumer registers, lists and removes its own webhooks with its key."""

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.parsers import JSONParser
from rest_framework.response import Response

from api.consumers.authentication import consumer_of
from api.consumers.permissions import HasApiKey
from api.parameters import StrictQueryParameters

from .selectors import webhooks_of_consumer
from .serializers import WebhookCreatedSerializer, WebhookSerializer
from .services import webhook_create


class WebhookViewSet(
    StrictQueryParameters,
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet
):
    """Webhooks of the key's consumer, for missions within its scope; the secret is shown once, on creation."""

    permission_classes = [HasApiKey]
    parser_classes = [JSONParser]
    serializer_class = WebhookSerializer
    pagination_class = None
    filter_backends = []

    def get_queryset(self):
        return webhooks_of_consumer(consumer=consumer_of(self.request))

    @extend_schema(request=WebhookSerializer, responses={201: WebhookCreatedSerializer})
    def create(self, request):
        _refuse_missions_outside_scope(request)
        serializer = WebhookSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        webhook = webhook_create(consumer=consumer_of(request), **serializer.validated_data)
        return Response(WebhookCreatedSerializer(webhook).data, status=status.HTTP_201_CREATED)


def _refuse_missions_outside_scope(request) -> None:
    """A mission the key's consumer does not cover is a 403 naming it, whether or not such a mission exists (the
    answer tells nothing of the network beyond the consumer's scope, and the schema cannot list the slugs)."""
    slugs = request.data.get("missions") if isinstance(request.data, dict) else None
    if not isinstance(slugs, list) or not all(isinstance(slug, str) for slug in slugs):
        return  # the serializer names what is wrong with the shape
    covered = set(consumer_of(request).missions.values_list("slug", flat=True))
    outside = sorted(set(slugs) - covered)
    if outside:
        shown = ", ".join(slug[:100] for slug in outside[:10])
        raise exceptions.PermissionDenied(f"This API key does not cover the missions: {shown}.")
