"""Query parameters of the asset listings."""

import django_filters
from django.db.models import F, Q
from drf_spectacular.utils import extend_schema_field

from embassies.models import AssetLicence
from search.assets.criteria import MAX_IMAGE_WIDTH

from ..pages.filters import mission_for_filter


class AssetFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text", help_text="Words in the title, caption or credit.")
    mission = django_filters.CharFilter(method="filter_mission", help_text="Source mission slug (an unknown one is a 404).")
    licence = django_filters.ChoiceFilter(choices=AssetLicence.choices)
    tag = django_filters.CharFilter(field_name="tags__name", lookup_expr="iexact")

    text_fields = ("title", "credit")

    def filter_mission(self, queryset, name, slug):
        return queryset.filter(source_mission=mission_for_filter(slug))

    def filter_text(self, queryset, name, value):
        query = Q()
        for word in value.split():
            word_query = Q()
            for field in self.text_fields:
                word_query |= Q(**{f"{field}__icontains": word})
            query &= word_query
        return queryset.filter(query)


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_IMAGE_WIDTH})
class MinWidthFilter(django_filters.NumberFilter):
    """A whole number of pixels (the schema says so; api/parameters.py refuses `1.5` before the filter sees it)."""


class ImageFilter(AssetFilter):
    text_fields = ("title", "credit", "caption", "alt_text")
    min_width = MinWidthFilter(
        field_name="width", lookup_expr="gte", min_value=1, max_value=MAX_IMAGE_WIDTH,
        help_text="Minimum width of the original, in pixels.",
    )
    orientation = django_filters.ChoiceFilter(
        choices=[("landscape", "landscape"), ("portrait", "portrait"), ("square", "square")], method="filter_orientation"
    )

    def filter_orientation(self, queryset, name, value):
        if value == "landscape":
            return queryset.filter(width__gt=F("height"))
        if value == "portrait":
            return queryset.filter(width__lt=F("height"))
        return queryset.filter(width=F("height"))
