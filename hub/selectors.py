"""Reads about missions, regions and staff roles."""

from django.db.models import Q, QuerySet
from wagtail.models import Page, PageQuerySet
from wagtail.permission_policies.pages import PagePermissionPolicy

from embassies.models import MissionHomePage

from .models import Mission, MissionKind


def missions_public() -> QuerySet[Mission]:
    """Missions with a public site (a live, unrestricted, unexpired home), with their profile's data prefetched."""
    from embassies.selectors import pages_public  # embassies.selectors reads hub.selectors at import

    return (
        Mission.objects.filter(home_pages__in=pages_public(queryset=MissionHomePage.objects.all()).values("pk"))
        .distinct()
        .select_related("region")
        .prefetch_related("names", "social_accounts")
        .order_by("name")
    )


def pages_explorable_by(*, user) -> PageQuerySet:
    """Pages a staff member may see in the admin: those they hold permissions on, and their ancestors."""
    return PagePermissionPolicy().explorable_instances(user)


def pages_choosable_by(*, user) -> PageQuerySet:
    """Pages a staff member may link to: their own explorable pages plus HQ's live, public content."""
    hq_home_paths = MissionHomePage.objects.filter(mission__kind=MissionKind.HQ).values_list("path", flat=True)
    hq_public = Q()
    for path in hq_home_paths:
        hq_public |= Q(path__startswith=path)
    from embassies.selectors import pages_public  # embassies.selectors reads hub.selectors at import

    explorable = pages_explorable_by(user=user)
    if not hq_public:
        return explorable
    return Page.objects.filter(Q(pk__in=explorable.values("pk")) | (hq_public & Q(pk__in=pages_public().values("pk"))))
