"""Readers' words for content kinds, page types and notice fields, translated in the site's own catalogue.

The models' choice labels are the admin's words (untranslated outside English); the public site names them
here, keyed by the stored value, so an Arabic page says «بيان» rather than "Statement".
"""

from django.utils.translation import pgettext_lazy

# Each call names the context literally: xgettext (makemessages) cannot read a variable.
KINDS = {
    "news": pgettext_lazy("reference site", "News"),
    "press_release": pgettext_lazy("reference site", "Press release"),
    "statement": pgettext_lazy("reference site", "Statement"),
    "speech": pgettext_lazy("reference site", "Speech"),
    "press_briefing": pgettext_lazy("reference site", "Press briefing"),
    "photo_story": pgettext_lazy("reference site", "Photo story"),
    "video_story": pgettext_lazy("reference site", "Video story"),
    "infographic": pgettext_lazy("reference site", "Infographic"),
    "article": pgettext_lazy("reference site", "Article"),
    "event": pgettext_lazy("reference site", "Event"),
    "consular_notice": pgettext_lazy("reference site", "Consular notice"),
    "briefing": pgettext_lazy("reference site", "Press briefing"),  # online, in person or hybrid: its format says which
    "section": pgettext_lazy("reference site", "Section"),
    "mission_home": pgettext_lazy("reference site", "Mission home page"),
    "hq_home": pgettext_lazy("reference site", "Ministry home page"),
}

SEVERITIES = {
    "information": pgettext_lazy("reference site", "Information"),
    "advisory": pgettext_lazy("reference site", "Advisory"),
    "warning": pgettext_lazy("reference site", "Warning"),
    "critical": pgettext_lazy("reference site", "Critical"),
}

NOTICE_TYPES = {
    "travel_advisory": pgettext_lazy("reference site", "Travel advisory"),
    "visa": pgettext_lazy("reference site", "Visa"),
    "passport": pgettext_lazy("reference site", "Passport"),
    "emergency": pgettext_lazy("reference site", "Emergency"),
    "other": pgettext_lazy("reference site", "Other"),
}
