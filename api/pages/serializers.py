"""Page schema classes for the OpenAPI description. The page JSON itself is built by
`embassies.presentation.pages`; the Serializer classes below describe the same shapes and delegate to it.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from embassies.presentation.pages import TYPE_NAMES, page_detail, page_summary

from ..media import ImageSerializer

LIST_FIELDS = (
    "id", "type", "title", "slug", "locale", "mission", "path", "url", "detail_url", "summary", "kind",
    "first_published_at", "last_published_at", "hero_image", "tags", "topics",
    "starts_at", "ends_at", "timezone", "venue", "online_url", "registration_url",
    "notice_type", "severity", "valid_from", "valid_until", "in_force", "display",
)


class TopicSchemaSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class PageCommonSerializer(serializers.Serializer):
    """The properties every page shape has (pages here, the press centre's briefings in api/press)."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    slug = serializers.CharField()
    locale = serializers.CharField()
    mission = serializers.CharField(allow_null=True)
    path = serializers.CharField()
    url = serializers.URLField(allow_null=True)
    detail_url = serializers.URLField()
    summary = serializers.CharField()
    first_published_at = serializers.DateTimeField(allow_null=True)
    last_published_at = serializers.DateTimeField(allow_null=True)


class PageSummarySerializer(PageCommonSerializer):
    """A page in a listing (type-specific fields appear for articles, events and notices)."""

    type = serializers.ChoiceField(choices=sorted(set(TYPE_NAMES.values())))
    kind = serializers.CharField(required=False)
    hero_image = ImageSerializer(required=False, allow_null=True)
    tags = serializers.ListField(child=serializers.CharField(), required=False)
    topics = TopicSchemaSerializer(many=True, required=False)
    starts_at = serializers.DateTimeField(required=False)
    ends_at = serializers.DateTimeField(required=False)
    timezone = serializers.CharField(required=False)
    venue = serializers.CharField(required=False)
    online_url = serializers.CharField(required=False)
    registration_url = serializers.CharField(required=False)
    notice_type = serializers.CharField(required=False)
    severity = serializers.CharField(required=False)
    valid_from = serializers.DateTimeField(required=False)
    valid_until = serializers.DateTimeField(required=False, allow_null=True)
    in_force = serializers.BooleanField(required=False)
    display = serializers.DictField(
        child=serializers.CharField(allow_null=True),
        help_text="The dates above as readers of the page's language write them (CLDR), in the venue's or "
        "mission's time zone: first_published_at, last_published_at, and starts_at/ends_at or valid_from/valid_until.",
    )

    def to_representation(self, page):
        return page_summary(page, request=self.context["request"])


class AlternateSchemaSerializer(serializers.Serializer):
    locale = serializers.CharField()
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.URLField(allow_null=True)
    detail_url = serializers.URLField()


@extend_schema_field({"type": "object", "properties": {"type": {"type": "string"}, "id": {"type": "string"}, "value": {}}})
class BodyBlockField(serializers.DictField):
    pass


class PageDetailSerializer(PageSummarySerializer):
    """A page with its body as typed JSON blocks and its translations as alternates."""

    seo_title = serializers.CharField()
    search_description = serializers.CharField()
    alternates = AlternateSchemaSerializer(many=True)
    body = serializers.ListField(child=BodyBlockField(), required=False)
    share_texts = serializers.DictField(child=serializers.CharField(), required=False)

    def to_representation(self, page):
        return page_detail(page, request=self.context["request"])
