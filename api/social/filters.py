"""Query parameters of the sent-posts listing; a bad value is a 400 naming the parameter, an unknown slug a 404."""

import django_filters
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions

from hub.models import SocialPlatform
from social.models import Campaign, SocialPost

from ..pages.filters import IsoDateTimeFilter, mission_for_filter
from ..press.briefings import PAGE_ID_MAX
from ..schema import bounded_integer


@extend_schema_field(bounded_integer(1, PAGE_ID_MAX))
class PageIdFilter(django_filters.NumberFilter):
    """A page id: a whole number (the schema says so; api/parameters.py refuses `1.5` before the filter sees it)."""


def campaign_for_filter(slug: str) -> Campaign:
    campaign = Campaign.objects.filter(slug=slug).first()
    if campaign is None:
        raise exceptions.NotFound(f"No campaign '{slug[:100]}': /api/v1/social/campaigns/ lists them.")
    return campaign


class MissionSocialPostFilter(django_filters.FilterSet):
    """The filters of one mission's posts."""

    platform = django_filters.ChoiceFilter(field_name="account__platform", choices=SocialPlatform.choices)
    campaign = django_filters.CharFilter(method="filter_campaign", help_text="Campaign slug (an unknown one is a 404).")
    page = PageIdFilter(field_name="page_id", min_value=1, max_value=PAGE_ID_MAX,
                                       help_text="Posts of one page, by its id.")
    sent_after = IsoDateTimeFilter(field_name="sent_at", lookup_expr="gte", help_text="ISO 8601 date-time.")
    sent_before = IsoDateTimeFilter(field_name="sent_at", lookup_expr="lt", help_text="ISO 8601 date-time.")

    class Meta:
        model = SocialPost
        fields = []

    def filter_campaign(self, queryset, name, slug):
        return queryset.filter(campaign=campaign_for_filter(slug))


class SocialPostFilter(MissionSocialPostFilter):
    """The filters of the network's posts: those of one mission's, and the mission."""

    mission = django_filters.CharFilter(method="filter_mission", help_text="Mission slug (an unknown one is a 404).")

    def filter_mission(self, queryset, name, slug):
        return queryset.filter(account__mission=mission_for_filter(slug))
