"""Writes for missions, regions and roles: creation and provisioning of everything a mission needs.

Provisioning is idempotent: each step finds what an earlier run made (by the references stored on
the mission, or by stable keys) and only creates or corrects what is missing or out of date.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale, Page, Site

from embassies.models import HQRootPage, MissionHomePage, NetworkRootPage, SectionIndexPage

from .models import Mission, MissionName, MissionSocialAccount, Region
from .moderation.services import hq_moderation_group_provision, mission_workflows_provision
from .roles import (
    GLOBAL_PERMISSIONS,
    HQ_ADMINISTRATOR_COLLECTION_PERMISSIONS,
    HQ_ADMINISTRATOR_PAGE_PERMISSIONS,
    HQ_ADMINISTRATORS_GROUP,
    MISSION_COLLECTION_PERMISSIONS,
    MISSION_PAGE_PERMISSIONS,
    Role,
)
from .sections import sections_for


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


def _sync_page_permissions(*, group: Group, pages: list[Page], codenames: list[str]) -> None:
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
    _sync_page_permissions(group=group, pages=[Page.get_first_root_node()], codenames=HQ_ADMINISTRATOR_PAGE_PERMISSIONS)
    _sync_collection_permissions(
        group=group, collection=Collection.get_first_root_node(), names=HQ_ADMINISTRATOR_COLLECTION_PERMISSIONS
    )
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


def network_root_ensure(*, locale: Locale) -> NetworkRootPage:
    """The portal root in a locale; the first one becomes the default site's root."""
    existing = NetworkRootPage.objects.filter(locale=locale).first()
    if existing:
        return existing
    root = Page.get_first_root_node()
    source = NetworkRootPage.objects.order_by("pk").first()
    if source is not None:
        network_root = source.copy_for_translation(locale)
        network_root.save_revision().publish()
        return network_root

    network_root = NetworkRootPage(title="Embassy Hub", slug="network", locale=locale)
    root.add_child(instance=network_root)
    network_root.save_revision().publish()
    # Replace Wagtail's placeholder "Welcome" page as the site's root.
    Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page), slug="home").delete()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=network_root, is_default_site=True, site_name="Embassy Hub")
    else:
        site.root_page = network_root
        site.site_name = "Embassy Hub"
        site.save()
    return network_root


def _publish_title(page: Page, title: str, report: ProvisioningReport) -> None:
    """Give a provisioned page the mission's (new) name without publishing anybody's draft.

    A live page with nothing pending is renamed and republished. Otherwise the name goes into a new revision
    on top of the latest draft: an editor's pending changes stay pending (and in review), and a page HQ
    took offline stays offline.
    """
    if page.title == title and page.draft_title == title:
        return
    report.updated.append(f"page {page.url_path}: title → {title}")
    if page.live and not page.has_unpublished_changes:
        page.title = page.draft_title = title
        page.save_revision().publish()
        return
    latest = page.get_latest_revision_as_object()
    latest.title = title
    latest.save_revision()


def _mission_home_in(*, mission: Mission, locale: Locale, report: ProvisioningReport) -> MissionHomePage:
    """The mission's home page in `locale`, created (as a translation of an existing one if any)."""
    home = MissionHomePage.objects.filter(mission=mission, locale=locale).first()
    if home is not None:
        _publish_title(home.specific, mission.name_in(locale.language_code), report)
        return home.specific
    network_root = network_root_ensure(locale=locale)
    clash = network_root.get_children().filter(slug=mission.slug).first()
    if clash is not None:
        raise ProvisioningError(
            f"The address '{mission.slug}' is already used by the page '{clash.title}' (id {clash.pk}) "
            f"in {locale.get_display_name()}; choose another slug or move that page."
        )
    source = MissionHomePage.objects.filter(mission=mission).order_by("pk").first()
    if source is not None:
        home = source.specific.copy_for_translation(locale)
        home.title = home.draft_title = mission.name_in(locale.language_code)
        home.save()
        home.save_revision().publish()
        report.created.append(f"home page {home.url_path}")
        return home
    page_class = HQRootPage if mission.is_hq else MissionHomePage
    home = page_class(title=mission.name_in(locale.language_code), slug=mission.slug, mission=mission, locale=locale)
    network_root.add_child(instance=home)
    home.save_revision().publish()
    report.created.append(f"home page {home.url_path}")
    return home


def _section_source(*, mission: Mission, home: MissionHomePage, slug: str) -> SectionIndexPage | None:
    """The same section under another of the mission's home pages, to translate from."""
    for other_home in MissionHomePage.objects.filter(mission=mission).exclude(pk=home.pk).order_by("pk"):
        section = SectionIndexPage.objects.child_of(other_home).filter(slug=slug).first()
        if section is not None:
            return section
    return None


def _sections_ensure(*, mission: Mission, home: MissionHomePage, report: ProvisioningReport) -> None:
    """Standard sections (News, Events, Consular…) under a home page, titled in its language."""
    existing_slugs = set(home.get_children().values_list("slug", flat=True))
    for section in sections_for(mission):
        if section.slug in existing_slugs:
            continue
        title = section.title_in(home.locale.language_code)
        source = _section_source(mission=mission, home=home, slug=section.slug)
        if source is not None:
            page = source.copy_for_translation(home.locale)
            page.title = page.draft_title = title
            page.save()
        else:
            page = SectionIndexPage(title=title, slug=section.slug, locale=home.locale)
            home.add_child(instance=page)
        page.save_revision().publish()
        report.created.append(f"section {page.url_path}")


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


def _reviewer_permissions_sync(*, mission: Mission, home_pages: list[Page]) -> None:
    """Only the reviewers of the mission's current region reach its pages and assets."""
    reviewers = region_provision(region=mission.region)
    stale_groups = Group.objects.filter(reviewed_region__isnull=False).exclude(pk=reviewers.pk)
    GroupPagePermission.objects.filter(group__in=stale_groups, page__in=home_pages).delete()
    GroupCollectionPermission.objects.filter(group__in=stale_groups, collection=mission.collection).delete()
    _sync_page_permissions(group=reviewers, pages=home_pages, codenames=MISSION_PAGE_PERMISSIONS[Role.HQ_REVIEWER])
    _sync_collection_permissions(
        group=reviewers, collection=mission.collection, names=MISSION_COLLECTION_PERMISSIONS[Role.HQ_REVIEWER]
    )


def mission_provision(*, mission: Mission) -> ProvisioningReport:
    """Create or bring up to date the mission's pages, collection and groups, all or nothing."""
    report = ProvisioningReport()
    with transaction.atomic():
        hq_administrators_provision()
        locales = [locale_ensure(language_code=code) for code in mission.language_codes]
        homes = [_mission_home_in(mission=mission, locale=locale, report=report) for locale in locales]
        for home in homes:
            _sections_ensure(mission=mission, home=home, report=report)

        collection = _collection_ensure(mission=mission, report=report)
        editors = _group_named(current=mission.editors_group, name=f"{mission.name} · Editors", report=report)
        heads = _group_named(current=mission.heads_group, name=f"{mission.name} · Heads", report=report)
        if (mission.collection_id, mission.editors_group_id, mission.heads_group_id) != (collection.pk, editors.pk, heads.pk):
            mission.collection, mission.editors_group, mission.heads_group = collection, editors, heads
            Mission.objects.filter(pk=mission.pk).update(
                collection=collection, editors_group=editors, heads_group=heads
            )

        home_pages = list(Page.objects.filter(pk__in=[home.pk for home in homes]))
        for group, role in ((editors, Role.MISSION_EDITOR), (heads, Role.MISSION_HEAD)):
            _grant_global(group, role)
            _sync_page_permissions(group=group, pages=home_pages, codenames=MISSION_PAGE_PERMISSIONS[role])
            _sync_collection_permissions(group=group, collection=collection, names=MISSION_COLLECTION_PERMISSIONS[role])
        _reviewer_permissions_sync(mission=mission, home_pages=home_pages)
        mission_workflows_provision(mission=mission, home_pages=home_pages)
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
        group = hq_moderation_group_provision(role=role)
    elif role == Role.HQ_REVIEWER:
        if region is None:
            raise ValueError("An HQ reviewer role needs a region.")
        group = region_provision(region=region)
    else:
        if mission is None or mission.editors_group is None:
            raise ValueError("A mission role needs a provisioned mission.")
        group = mission.editors_group if role == Role.MISSION_EDITOR else mission.heads_group
    user.groups.add(group)
    return group
