"""Signal handlers of the hub app (connected in HubConfig.ready)."""

from django.conf import settings


def ensure_hub_baseline(sender, using="default", **kwargs):
    """After migrate: a Wagtail locale for every enabled content language, the default regions."""
    from wagtail.models import Locale

    from .models import Region

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.using(using).get_or_create(language_code=code)
    if not Region.objects.using(using).exists():
        for slug, name in settings.HUB_DEFAULT_REGIONS:
            Region.objects.using(using).create(slug=slug, name=name)
