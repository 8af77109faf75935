"""The JSON shape of search answers. Serializers document it in the schema; `results_json` builds it."""

from rest_framework import serializers

from search.results import SearchHit, SearchResults


class SearchHitSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    type = serializers.CharField(help_text="article, event, consular_notice, briefing, section, mission_home or hq_home.")
    kind = serializers.CharField()
    mission = serializers.CharField()
    mission_name = serializers.CharField()
    country = serializers.CharField()
    region = serializers.CharField()
    locale = serializers.CharField()
    url_path = serializers.CharField(help_text="Wagtail's url_path, from the network root.")
    detail_url = serializers.URLField(help_text="This page in the API, with its body and renditions.")
    tags = serializers.ListField(child=serializers.CharField())
    topics = serializers.ListField(child=serializers.CharField())
    first_published_at = serializers.DateTimeField(allow_null=True)
    last_published_at = serializers.DateTimeField(allow_null=True)
    hero_image_id = serializers.IntegerField(allow_null=True)
    score = serializers.FloatField(allow_null=True)
    highlights = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Fragments per field (title, summary, body), HTML-escaped, matches in <mark>.",
    )


class FacetBucketSerializer(serializers.Serializer):
    value = serializers.CharField()
    count = serializers.IntegerField()


class SearchResultsSerializer(serializers.Serializer):
    backend = serializers.CharField(help_text="The engine that answered (opensearch, elasticsearch) or database.")
    degraded = serializers.BooleanField(help_text="An engine is configured but could not answer; the database did.")
    simplified = serializers.ListField(child=serializers.CharField(), help_text="What the database did more simply.")
    total = serializers.IntegerField()
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    facets = serializers.DictField(child=FacetBucketSerializer(many=True))
    results = SearchHitSerializer(many=True)


class AutocompleteResultsSerializer(SearchResultsSerializer):
    """The same shape; autocomplete has no facets and one page."""


def _moment(value):
    return value.isoformat() if value else None


def hit_json(hit: SearchHit, *, request) -> dict:
    return {
        "id": hit.page_id,
        "title": hit.title,
        "summary": hit.summary,
        "type": hit.page_type,
        "kind": hit.kind,
        "mission": hit.mission,
        "mission_name": hit.mission_name,
        "country": hit.country,
        "region": hit.region,
        "locale": hit.locale,
        "url_path": hit.url_path,
        "detail_url": request.build_absolute_uri(f"/api/v1/pages/{hit.page_id}/"),
        "tags": list(hit.tags),
        "topics": list(hit.topics),
        "first_published_at": _moment(hit.first_published_at),
        "last_published_at": _moment(hit.last_published_at),
        "hero_image_id": hit.hero_image_id,
        "score": hit.score,
        "highlights": hit.highlights,
    }


def results_json(results: SearchResults, *, request) -> dict:
    return results_envelope(results, [hit_json(hit, request=request) for hit in results.hits])


def results_envelope(results, hits: list[dict]) -> dict:
    """What every search answer carries around its hits (pages or assets): backend, totals, paging, facets."""
    return {
        "backend": results.backend,
        "degraded": results.degraded,
        "simplified": list(results.simplified),
        "total": results.total,
        "page": results.page,
        "page_size": results.page_size,
        "facets": {
            name: [{"value": bucket.value, "count": bucket.count} for bucket in buckets]
            for name, buckets in results.facets.items()
        },
        "results": hits,
    }
