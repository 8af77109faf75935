"""Signal handlers of the hub app (connected in HubConfig.ready)."""

from django.conf import settings
from django.core.management import call_command
from wagtail.models import Locale

from .models import Region


def ensure_hub_baseline(sender, using="default", **kwargs):
    """After migrate: a Wagtail locale for every enabled content language, the default regions, and the table
    of a database cache (production's default), so `migrate` is all a deployment runs."""
    if any(cache["BACKEND"].endswith("DatabaseCache") for cache in settings.CACHES.values()):
        call_command("createcachetable", database=using, verbosity=0)  # first: the steps below use the cache
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.using(using).get_or_create(language_code=code)
    if not Region.objects.using(using).exists():
        for slug, name in settings.HUB_DEFAULT_REGIONS:
            Region.objects.using(using).create(slug=slug, name=name)
