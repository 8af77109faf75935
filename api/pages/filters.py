"""Query parameters of the page listings; a bad value is a 400 naming the parameter, never a 500."""

import datetime as dt

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions
from rest_framework.filters import BaseFilterBackend

from embassies.models import ArticleKind, ArticlePage, ConsularNoticePage, ConsularNoticeType, EventPage, NoticeSeverity
from embassies.selectors import pages_under
from hub.models import Mission

CONTENT_TYPES = {"article": ArticlePage, "event": EventPage, "consular_notice": ConsularNoticePage}
ORDERINGS = ("-first_published_at", "first_published_at", "-last_published_at", "last_published_at")


class UtcIsoDateTimeField(django_filters.fields.IsoDateTimeField):
    """ISO 8601 date-times, refusing moments that cannot be expressed in UTC (year 1 at +14:00, say)."""

    def clean(self, value):
        moment = super().clean(value)
        if moment is None:
            return moment
        try:
            return moment.astimezone(dt.timezone.utc) if timezone.is_aware(moment) else moment
        except OverflowError:
            raise forms.ValidationError("The date is out of range.", code="out_of_range") from None


class IsoDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UtcIsoDateTimeField


def mission_for_filter(slug: str) -> Mission:
    """The mission a listing is filtered by; an unknown slug is a 404 naming it (the schema cannot list the slugs,
    and an empty list would hide a typo)."""
    mission = Mission.objects.filter(slug=slug).first()
    if mission is None:
        raise exceptions.NotFound(f"No mission '{slug[:100]}': /api/v1/missions/ lists them.")
    return mission


def _any_content_type(lookup: str, value) -> Q:
    """`lookup` on whichever content type a page is (fields such as tags live on each type's table)."""
    query = Q()
    for model in CONTENT_TYPES.values():
        query |= Q(**{f"{model._meta.model_name}__{lookup}": value})
    return query


def _language_choices():
    return list(settings.WAGTAIL_CONTENT_LANGUAGES)


LANGUAGE_CODE_SCHEMA = {"type": "string", "enum": [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]}


class PageFilter(django_filters.FilterSet):
    mission = django_filters.CharFilter(method="filter_mission", help_text="Mission slug (an unknown one is a 404).")
    locale = django_filters.ChoiceFilter(choices=_language_choices, method="filter_locale", help_text="Language code.")
    fallback = django_filters.ChoiceFilter(
        choices=_language_choices, method="filter_noop",
        help_text="With `locale`: also list pages in this language that have no version in `locale`.",
    )
    type = django_filters.ChoiceFilter(
        choices=[(name, name) for name in CONTENT_TYPES], method="filter_type", help_text="Page type."
    )
    kind = django_filters.ChoiceFilter(choices=ArticleKind.choices, field_name="articlepage__kind", help_text="Article kind.")
    tag = django_filters.CharFilter(method="filter_tag", help_text="Tag name.")
    topic = django_filters.CharFilter(method="filter_topic", help_text="Topic slug (in any language).")
    published_after = IsoDateTimeFilter(field_name="first_published_at", lookup_expr="gte")
    published_before = IsoDateTimeFilter(field_name="first_published_at", lookup_expr="lt")
    updated_since = IsoDateTimeFilter(
        field_name="last_published_at", lookup_expr="gte", help_text="For incremental sync: pages published since."
    )

    @extend_schema_field(LANGUAGE_CODE_SCHEMA)
    def filter_noop(self, queryset, name, value):
        return queryset

    def filter_mission(self, queryset, name, slug):
        return pages_under(missions=[mission_for_filter(slug)], queryset=queryset)

    @extend_schema_field(LANGUAGE_CODE_SCHEMA)
    def filter_locale(self, queryset, name, code):
        fallback = self.form.cleaned_data.get("fallback")
        if not fallback or fallback == code:
            return queryset.filter(locale__language_code=code)
        in_locale = queryset.filter(locale__language_code=code)
        return queryset.filter(
            Q(locale__language_code=code)
            | (Q(locale__language_code=fallback) & ~Q(translation_key__in=in_locale.values("translation_key")))
        )

    def filter_type(self, queryset, name, value):
        return queryset.type(CONTENT_TYPES[value])

    def filter_tag(self, queryset, name, value):
        return queryset.filter(_any_content_type("tagged_items__tag__name__iexact", value)).distinct()

    def filter_topic(self, queryset, name, slug):
        return queryset.filter(_any_content_type("topics__slug", slug)).distinct()


class StrictBooleanFilter(django_filters.ChoiceFilter):
    """`true` or `false`; anything else is a 400 rather than silently ignored."""

    def __init__(self, *args, **kwargs):
        kwargs["choices"] = [("true", "true"), ("false", "false")]
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        return super().filter(qs, {"true": True, "false": False}.get(value, value))


class EventFilter(PageFilter):
    upcoming = StrictBooleanFilter(method="filter_upcoming", help_text="Only events that have not ended.")
    starts_after = IsoDateTimeFilter(field_name="eventpage__starts_at", lookup_expr="gte")
    starts_before = IsoDateTimeFilter(field_name="eventpage__starts_at", lookup_expr="lt")

    def filter_upcoming(self, queryset, name, value):
        now = timezone.now()
        return queryset.filter(eventpage__ends_at__gte=now) if value else queryset.filter(eventpage__ends_at__lt=now)


class ConsularNoticeFilter(PageFilter):
    active = StrictBooleanFilter(method="filter_active", help_text="Only notices in force now.")
    severity = django_filters.ChoiceFilter(choices=NoticeSeverity.choices, field_name="consularnoticepage__severity")
    notice_type = django_filters.ChoiceFilter(
        choices=ConsularNoticeType.choices, field_name="consularnoticepage__notice_type"
    )

    def filter_active(self, queryset, name, value):
        now = timezone.now()
        in_force = Q(consularnoticepage__valid_from__lte=now) & (
            Q(consularnoticepage__valid_until__isnull=True) | Q(consularnoticepage__valid_until__gt=now)
        )
        return queryset.filter(in_force) if value else queryset.exclude(in_force)


class StrictOrderingFilter(BaseFilterBackend):
    """`?ordering=` restricted to the documented values (cursor pagination reads `get_ordering`)."""

    def get_ordering(self, request, queryset, view):
        value = request.query_params.get("ordering")
        if value is None:
            return None
        if value not in ORDERINGS:
            raise exceptions.ValidationError({"ordering": [f"Must be one of: {', '.join(ORDERINGS)}."]})
        return (value, "-pk" if value.startswith("-") else "pk")

    def filter_queryset(self, request, queryset, view):
        return queryset

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": "ordering",
                "required": False,
                "in": "query",
                "description": "Sort order.",
                "schema": {"type": "string", "enum": list(ORDERINGS)},
            }
        ]
