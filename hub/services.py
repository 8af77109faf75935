"""Writes for missions, regions and roles: creation and provisioning of everything a mission needs.

Provisioning is idempotent: each step finds what an earlier run made (by the references stored on
the mission, or by stable keys) and only creates or corrects what is missing or out of date.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale, Page

from .models import Mission, MissionName, MissionSocialAccount, Region
from .roles import (
    GLOBAL_PERMISSIONS,
    HQ_ADMINISTRATOR_COLLECTION_PERMISSIONS,
    HQ_ADMINISTRATOR_PAGE_PERMISSIONS,
    HQ_ADMINISTRATORS_GROUP,
    HQ_GROUPS,
    MISSION_COLLECTION_PERMISSIONS,
    Role,
)
from .signals import mission_provisioned


class ProvisioningError(Exception):
    """Provisioning cannot proceed without a person deciding something (e.g. a slug is taken)."""


@dataclass
class ProvisioningReport:
    """What one provisioning run created or changed; empty on a run that found everything in place."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def _permissions(names: list[str]) -> list[Permission]:
    """Resolve 'app_label.codename' names, failing loudly on a typo rather than granting less."""
    found = []
    for name in names:
        app_label, codename = name.split(".")
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def _page_permissions(codenames: list[str]) -> list[Permission]:
    page_type = ContentType.objects.get_for_model(Page)
    return [Permission.objects.get(content_type=page_type, codename=codename) for codename in codenames]


def _group_named(*, current: Group | None, name: str, report: ProvisioningReport) -> Group:
    if current is None:
        group, created = Group.objects.get_or_create(name=name)
        if created:
            report.created.append(f"group {name}")
        return group
    if current.name != name:
        report.updated.append(f"group {current.name} → {name}")
        current.name = name
        current.save(update_fields=["name"])
    return current


def _grant_global(group: Group, role: Role) -> None:
    group.permissions.add(*_permissions(GLOBAL_PERMISSIONS[role]))


def group_page_permissions_sync(*, group: Group, pages: list[Page], codenames: list[str]) -> None:
    """Give `group` these page permissions on each of `pages` (inherited below them); nothing is taken away."""
    permissions = _page_permissions(codenames)
    for page in pages:
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _sync_collection_permissions(*, group: Group, collection: Collection, names: list[str]) -> None:
    for permission in _permissions(names):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)


def locale_ensure(*, language_code: str) -> Locale:
    """The Wagtail locale of an enabled content language, created on first use."""
    locale, _created = Locale.objects.get_or_create(language_code=language_code)
    return locale


def hq_administrators_provision() -> Group:
    """The HQ administrators group: every page, every collection, missions, regions and staff."""
    group, _created = Group.objects.get_or_create(name=HQ_ADMINISTRATORS_GROUP)
    _grant_global(group, Role.HQ_ADMINISTRATOR)
    group_page_permissions_sync(group=group, pages=[Page.get_first_root_node()], codenames=HQ_ADMINISTRATOR_PAGE_PERMISSIONS)
    _sync_collection_permissions(
        group=group, collection=Collection.get_first_root_node(), names=HQ_ADMINISTRATOR_COLLECTION_PERMISSIONS
    )
    return group


def hq_group_provision(*, role: Role) -> Group:
    """The HQ duty officers or HQ press office group, with the network-wide permissions its role carries."""
    group, _created = Group.objects.get_or_create(name=HQ_GROUPS[role])
    _grant_global(group, role)
    return group


def region_provision(*, region: Region, report: ProvisioningReport | None = None) -> Group:
    """The HQ reviewers group of a region, named after it."""
    report = report if report is not None else ProvisioningReport()
    group = _group_named(current=region.reviewers_group, name=f"HQ reviewers · {region.name}", report=report)
    if region.reviewers_group_id != group.pk:
        region.reviewers_group = group
        region.save(update_fields=["reviewers_group"])
    _grant_global(group, Role.HQ_REVIEWER)
    return group


def _collection_ensure(*, mission: Mission, report: ProvisioningReport) -> Collection:
    collection = mission.collection
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=mission.name)
        report.created.append(f"collection {mission.name}")
    elif collection.name != mission.name:
        report.updated.append(f"collection {collection.name} → {mission.name}")
        collection.name = mission.name
        collection.save(update_fields=["name"])
    return collection


def _reviewer_collection_permissions_sync(*, mission: Mission) -> None:
    """Only the reviewers of the mission's current region reach its assets."""
    reviewers = region_provision(region=mission.region)
    stale_groups = Group.objects.filter(reviewed_region__isnull=False).exclude(pk=reviewers.pk)
    GroupCollectionPermission.objects.filter(group__in=stale_groups, collection=mission.collection).delete()
    _sync_collection_permissions(
        group=reviewers, collection=mission.collection, names=MISSION_COLLECTION_PERMISSIONS[Role.HQ_REVIEWER]
    )


def mission_provision(*, mission: Mission) -> ProvisioningReport:
    """Create or bring up to date the mission's collection and groups, then (through `mission_provisioned`) its
    pages and workflows; all or nothing."""
    report = ProvisioningReport()
    with transaction.atomic():
        hq_administrators_provision()
        for code in mission.language_codes:
            locale_ensure(language_code=code)
        collection = _collection_ensure(mission=mission, report=report)
        editors = _group_named(current=mission.editors_group, name=f"{mission.name} · Editors", report=report)
        heads = _group_named(current=mission.heads_group, name=f"{mission.name} · Heads", report=report)
        attaches = _group_named(
            current=mission.press_attaches_group, name=f"{mission.name} · Press attachés", report=report
        )
        groups = (collection.pk, editors.pk, heads.pk, attaches.pk)
        if (mission.collection_id, mission.editors_group_id, mission.heads_group_id, mission.press_attaches_group_id) != groups:
            mission.collection, mission.editors_group, mission.heads_group = collection, editors, heads
            mission.press_attaches_group = attaches
            Mission.objects.filter(pk=mission.pk).update(
                collection=collection, editors_group=editors, heads_group=heads, press_attaches_group=attaches
            )
        for group, role in ((editors, Role.MISSION_EDITOR), (heads, Role.MISSION_HEAD)):
            _grant_global(group, role)
            _sync_collection_permissions(group=group, collection=collection, names=MISSION_COLLECTION_PERMISSIONS[role])
        _grant_global(attaches, Role.PRESS_ATTACHE)
        _reviewer_collection_permissions_sync(mission=mission)
        mission_provisioned.send(sender=Mission, mission=mission, report=report)
    return report


def mission_create(
    *,
    slug: str,
    name: str,
    kind: str,
    country: str,
    city: str,
    region: Region,
    timezone: str,
    default_language_code: str,
    extra_language_codes: list[str] | None = None,
    names: dict[str, str] | None = None,
    social_accounts: list[dict] | None = None,
    **contact,
) -> tuple[Mission, ProvisioningReport]:
    """Validate and save a mission with its names and social accounts, then provision it; all or nothing.

    Raises ValidationError (field → messages) for bad data and ProvisioningError for conflicts.
    """
    mission = Mission(
        slug=slug,
        name=name,
        kind=kind,
        country=country,
        city=city,
        region=region,
        timezone=timezone,
        default_language_code=default_language_code,
        extra_language_codes=list(extra_language_codes or []),
        **contact,
    )
    mission.full_clean()
    children = [MissionName(language_code=code, name=value) for code, value in (names or {}).items()]
    accounts = [MissionSocialAccount(**account) for account in social_accounts or []]
    errors = {}
    for child in [*children, *accounts]:
        try:
            child.full_clean(exclude=["mission"])
        except ValidationError as error:
            for key, messages in error.message_dict.items():
                errors.setdefault(key, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        mission.names = children
        mission.social_accounts = accounts
        mission.save()
        report = mission_provision(mission=mission)
    return mission, report


def role_grant(*, user, role: Role, mission: Mission | None = None, region: Region | None = None) -> Group:
    """Put a user in the group that carries a role (for a mission or a region where the role needs one)."""
    if role == Role.HQ_ADMINISTRATOR:
        group = hq_administrators_provision()
    elif role in (Role.HQ_DUTY_OFFICER, Role.HQ_PRESS_OFFICER):
        group = hq_group_provision(role=role)
    elif role == Role.HQ_REVIEWER:
        if region is None:
            raise ValueError("An HQ reviewer role needs a region.")
        group = region_provision(region=region)
    else:
        if mission is None or mission.editors_group is None:
            raise ValueError("A mission role needs a provisioned mission.")
        group = {
            Role.MISSION_EDITOR: mission.editors_group,
            Role.MISSION_HEAD: mission.heads_group,
            Role.PRESS_ATTACHE: mission.press_attaches_group,
        }[role]
    user.groups.add(group)
    return group
