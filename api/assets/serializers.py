"""Schema classes for images and documents; their JSON is built by `embassies.presentation.assets`."""

from rest_framework import serializers

from embassies.presentation.assets import document_json, image_json

from ..search.serializers import FacetBucketSerializer, results_envelope


class RenditionFormatsSerializer(serializers.Serializer):
    webp = serializers.URLField(required=False, help_text="The same size as WebP.")
    avif = serializers.URLField(required=False, help_text="The same size as AVIF.")


class RenditionSerializer(serializers.Serializer):
    url = serializers.URLField(help_text="In the original's format (JPEG, PNG…).")
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    formats = RenditionFormatsSerializer(help_text="The same size in modern formats, for <picture> sources.")


class SocialRenditionsSerializer(serializers.Serializer):
    og = RenditionSerializer(help_text="1200×630 (Open Graph, Facebook, LinkedIn)")
    square = RenditionSerializer(help_text="1080×1080")
    x = RenditionSerializer(help_text="1600×900")
    story = RenditionSerializer(help_text="1080×1920")


class ImageSerializer(serializers.Serializer):
    """An image with provenance, licence and renditions (web widths for srcset, social crops)."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    alt = serializers.CharField()
    caption = serializers.CharField()
    credit = serializers.CharField()
    licence = serializers.CharField()
    licence_notes = serializers.CharField()
    source_mission = serializers.CharField(allow_null=True)
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    focal_point = serializers.DictField(allow_null=True)
    web = RenditionSerializer(many=True)
    srcset = serializers.CharField()
    srcset_formats = serializers.DictField(
        child=serializers.CharField(), help_text="srcset per modern format (webp, avif), for <picture> sources."
    )
    social = SocialRenditionsSerializer()

    def to_representation(self, image):
        return image_json(image, request=self.context.get("request"))


class DocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.URLField()
    file_extension = serializers.CharField()
    file_size = serializers.IntegerField(allow_null=True)
    credit = serializers.CharField()
    licence = serializers.CharField()
    licence_notes = serializers.CharField()
    source_mission = serializers.CharField(allow_null=True)

    def to_representation(self, document):
        return document_json(document, request=self.context.get("request"))


def asset_search_json(results, *, to_json, request) -> dict:
    """A page of asset search hits: each asset's usual JSON plus its score and highlighted snippets."""
    return results_envelope(
        results,
        [{**to_json(hit.asset, request=request), "score": hit.score, "highlights": hit.highlights} for hit in results.hits],
    )


class AssetSearchResultsSerializer(serializers.Serializer):
    backend = serializers.CharField(help_text="opensearch, elasticsearch or database.")
    degraded = serializers.BooleanField(help_text="An engine is configured but could not answer; the database did.")
    simplified = serializers.ListField(child=serializers.CharField(), help_text="What the database did more simply.")
    total = serializers.IntegerField()
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    facets = serializers.DictField(
        child=FacetBucketSerializer(many=True), help_text="kind, mission, licence, orientation (images), tags, year."
    )


class ImageSearchHitSerializer(ImageSerializer):
    score = serializers.FloatField(allow_null=True)
    highlights = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))


class DocumentSearchHitSerializer(DocumentSerializer):
    score = serializers.FloatField(allow_null=True)
    highlights = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))


class ImageSearchResultsSerializer(AssetSearchResultsSerializer):
    results = ImageSearchHitSerializer(many=True)


class DocumentSearchResultsSerializer(AssetSearchResultsSerializer):
    results = DocumentSearchHitSerializer(many=True)


class ApiErrorSerializer(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()
    details = serializers.DictField()
