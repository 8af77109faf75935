"""Admin forms of the press centre. Imported by `press.models`, so it imports none of them."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from embassies.assets.page_forms import AssetRulesPageForm

WEEKDAY_CHOICES = [
    ("MO", _("Monday")), ("TU", _("Tuesday")), ("WE", _("Wednesday")), ("TH", _("Thursday")),
    ("FR", _("Friday")), ("SA", _("Saturday")), ("SU", _("Sunday")),
]


class BriefingPageForm(AssetRulesPageForm):
    """A briefing's page form: week days and interpretation languages as check boxes (stored as lists of codes)."""

    recurrence_weekdays = forms.MultipleChoiceField(
        label=_("on"), choices=WEEKDAY_CHOICES, required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Weekly briefings only."),
    )
    interpretation_languages = forms.MultipleChoiceField(
        label=_("interpretation into"), choices=settings.ALL_CONTENT_LANGUAGES, required=False,
        widget=forms.CheckboxSelectMultiple,
    )
