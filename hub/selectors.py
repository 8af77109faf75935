"""Reads about missions, regions and staff roles."""

from wagtail.models import PageQuerySet
from wagtail.permission_policies.pages import PagePermissionPolicy


def pages_explorable_by(*, user) -> PageQuerySet:
    """Pages a staff member may see in the admin: those they hold permissions on, and their ancestors."""
    return PagePermissionPolicy().explorable_instances(user)
