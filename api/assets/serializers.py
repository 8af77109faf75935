"""Schema classes of the asset search answers; images and documents themselves are described in `api/media.py`."""

from rest_framework import serializers

from ..media import DocumentSerializer, ImageSerializer
from ..search.serializers import FacetBucketSerializer, results_envelope


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

