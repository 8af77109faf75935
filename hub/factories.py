"""Factories for missions and staff, built through the real provisioning service."""

import factory
from django.contrib.auth import get_user_model

from .models import Region
from .roles import Role
from .services import mission_create, role_grant


def region(slug: str = "asia-pacific") -> Region:
    return Region.objects.get(slug=slug)


def mission(
    slug: str,
    *,
    name: str | None = None,
    kind: str = "embassy",
    country: str = "VN",
    city: str = "Hanoi",
    region_slug: str = "asia-pacific",
    timezone: str = "Asia/Ho_Chi_Minh",
    default_language_code: str = "en",
    extra_language_codes: list[str] | None = None,
    **extra,
):
    """A provisioned mission; defaults give a small English-language embassy."""
    created, _report = mission_create(
        slug=slug,
        name=name or f"Embassy {slug.title()}",
        kind=kind,
        country=country,
        city=city,
        region=region(region_slug),
        timezone=timezone,
        default_language_code=default_language_code,
        extra_language_codes=extra_language_codes or [],
        **extra,
    )
    return created


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct-horse-battery")


def staff_user(username: str, role: Role, *, mission=None, region=None):
    """A user holding one role, e.g. staff_user('ana', Role.MISSION_EDITOR, mission=hanoi)."""
    user = UserFactory(username=username)
    role_grant(user=user, role=role, mission=mission, region=region)
    return user
