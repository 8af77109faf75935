"""Query parameters of the asset listings."""

import django_filters
from django.db.models import F, Q

from embassies.models import AssetLicence
from hub.models import Mission


class AssetFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text", help_text="Words in the title, caption or credit.")
    mission = django_filters.ModelChoiceFilter(
        queryset=Mission.objects.all(), to_field_name="slug", field_name="source_mission", help_text="Source mission slug."
    )
    licence = django_filters.ChoiceFilter(choices=AssetLicence.choices)
    tag = django_filters.CharFilter(field_name="tags__name", lookup_expr="iexact")

    text_fields = ("title", "credit")

    def filter_text(self, queryset, name, value):
        query = Q()
        for word in value.split():
            word_query = Q()
            for field in self.text_fields:
                word_query |= Q(**{f"{field}__icontains": word})
            query &= word_query
        return queryset.filter(query)


class ImageFilter(AssetFilter):
    text_fields = ("title", "credit", "caption", "alt_text")
    min_width = django_filters.NumberFilter(field_name="width", lookup_expr="gte", min_value=1)
    orientation = django_filters.ChoiceFilter(
        choices=[("landscape", "landscape"), ("portrait", "portrait"), ("square", "square")], method="filter_orientation"
    )

    def filter_orientation(self, queryset, name, value):
        if value == "landscape":
            return queryset.filter(width__gt=F("height"))
        if value == "portrait":
            return queryset.filter(width__lt=F("height"))
        return queryset.filter(width=F("height"))
