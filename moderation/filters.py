"""Filters of the review queue and the audit report (bad values become form errors, never server errors)."""

from datetime import timedelta

import django_filters
from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, LocaleFilter, WagtailFilterSet

from hub.models import Mission, Region

from .models import SUBMISSION_KINDS, ReviewStatus, Submission, Transition
from .selectors import assignee_choices, overdue_condition

WAITING_CHOICES = [
    ("1", _("Over an hour")),
    ("4", _("Over 4 hours")),
    ("24", _("Over a day")),
    ("overdue", _("Past its service level")),
]


def _content_languages():
    return list(settings.WAGTAIL_CONTENT_LANGUAGES)


class ReviewQueueFilterSet(WagtailFilterSet):
    """Mission, region, locale, kind, waiting time and assignee."""

    mission = django_filters.ModelChoiceFilter(queryset=Mission.objects.order_by("name"), label=_("Mission"))
    region = django_filters.ModelChoiceFilter(queryset=Region.objects.order_by("name"), label=_("Region"))
    locale = LocaleFilter(label=_("Locale"), choices=_content_languages, empty_label=_("All"), widget=forms.Select)
    kind = django_filters.ChoiceFilter(choices=SUBMISSION_KINDS, label=_("Kind"), empty_label=_("All"))
    waiting = django_filters.ChoiceFilter(
        choices=WAITING_CHOICES, label=_("Waiting"), method="filter_waiting", empty_label=_("Any time")
    )
    assignee = django_filters.ChoiceFilter(
        choices=assignee_choices, label=_("Assignee"), method="filter_assignee", empty_label=_("Anyone")
    )

    class Meta:
        model = Submission
        fields = ["mission", "region", "locale", "kind", "waiting", "assignee"]

    def filter_waiting(self, queryset, name, value):
        now = timezone.now()
        if value == "overdue":
            return queryset.filter(overdue_condition(now=now))
        return queryset.filter(waiting_since__lt=now - timedelta(hours=int(value)))

    def filter_assignee(self, queryset, name, value):
        if value == "unassigned":
            return queryset.filter(assignee__isnull=True)
        if value == "me":
            return queryset.filter(assignee=self.request.user)
        return queryset.filter(assignee_id=int(value))


class AuditFilterSet(WagtailFilterSet):
    """Region, mission, what happened and when."""

    region = django_filters.ModelChoiceFilter(queryset=Region.objects.order_by("name"), label=_("Region"))
    mission = django_filters.ModelChoiceFilter(queryset=Mission.objects.order_by("name"), label=_("Mission"))
    to_status = django_filters.ChoiceFilter(
        choices=[choice for choice in ReviewStatus.choices if choice[0] != ReviewStatus.DRAFT],
        label=_("Moved to"),
        empty_label=_("Anything"),
    )
    at = django_filters.DateFromToRangeFilter(label=_("When"), widget=DateRangePickerWidget)

    class Meta:
        model = Transition
        fields = ["region", "mission", "to_status", "at"]
