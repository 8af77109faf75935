"""Admin forms for missions: choices drawn from the hub's settings, validation shared with the model."""

import zoneinfo

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import content_language_codes, country_choices


def _language_choices():
    from django.conf import settings

    return list(settings.WAGTAIL_CONTENT_LANGUAGES)


class MissionAdminForm(WagtailAdminModelForm):
    """Creating or editing a mission; saving it provisions its pages, collection and groups."""

    country = forms.ChoiceField(choices=country_choices)
    timezone = forms.ChoiceField(choices=lambda: [(name, name) for name in sorted(zoneinfo.available_timezones())])
    default_language_code = forms.ChoiceField(label=_("Default locale"), choices=_language_choices)
    extra_language_codes = forms.MultipleChoiceField(
        label=_("Extra locales"),
        choices=_language_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Adding a locale creates the mission's home page and sections in that language."),
    )

    def clean_extra_language_codes(self):
        codes = self.cleaned_data["extra_language_codes"]
        enabled = content_language_codes()
        return [code for code in enabled if code in codes]
