"""Journalists for tests, in each state of accreditation."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from .models import AccreditationStatus, Journalist

PASSWORD = "correct-horse-battery-staple-42"


def journalist(
    username: str = "reporter",
    *,
    status: str = AccreditationStatus.ACCREDITED,
    missions=(),
    accredited_until=None,
    outlet: str = "Le Courrier",
    outlet_country: str = "FR",
    **fields,
) -> Journalist:
    """A journalist account (a plain, non-staff user with `PASSWORD`); accredited for a year by default."""
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD
    )
    if status == AccreditationStatus.ACCREDITED and accredited_until is None:
        accredited_until = timezone.now() + timedelta(days=365)
    created = Journalist.objects.create(
        user=user,
        full_name=fields.pop("full_name", username.title()),
        outlet=outlet,
        outlet_country=outlet_country,
        status=status,
        accredited_until=accredited_until,
        **fields,
    )
    if missions:
        created.missions.set(missions)
    return created
