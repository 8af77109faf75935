"""Writes for embassy content: the page tree each mission gets when it is provisioned, and the mission each page
stores kept right when pages move.

Runs on `hub.signals.mission_provisioned` inside `mission_provision`'s transaction, after the mission's groups
and collection exist, and is idempotent like the rest of provisioning: it finds the home pages by mission and
locale and the sections by slug, and only creates or corrects what is missing or out of date.
"""

from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission, Locale, Page, Site

from hub.models import Mission
from hub.roles import MISSION_PAGE_PERMISSIONS, Role
from hub.services import ProvisioningError, ProvisioningReport, group_page_permissions_sync, locale_ensure, region_provision

from .models import HQRootPage, MissionHomePage, NetworkRootPage, SectionIndexPage
from .models.pages import MissionOwnedPage, mission_id_in_tree
from .sections import sections_for
from .signals import mission_homes_provisioned


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


def _reviewer_page_permissions_sync(*, mission: Mission, home_pages: list[Page]) -> None:
    """Only the reviewers of the mission's current region reach its pages."""
    reviewers = region_provision(region=mission.region)
    stale_groups = Group.objects.filter(reviewed_region__isnull=False).exclude(pk=reviewers.pk)
    GroupPagePermission.objects.filter(group__in=stale_groups, page__in=home_pages).delete()
    group_page_permissions_sync(group=reviewers, pages=home_pages, codenames=MISSION_PAGE_PERMISSIONS[Role.HQ_REVIEWER])


def mission_pages_provision(*, mission: Mission, report: ProvisioningReport) -> list[Page]:
    """The mission's home page in each of its languages with the standard sections, and its staff's and
    reviewers' permissions on them; tells the rooms above (moderation's workflows) through
    `mission_homes_provisioned`. Returns the home pages."""
    homes = [
        _mission_home_in(mission=mission, locale=locale_ensure(language_code=code), report=report)
        for code in mission.language_codes
    ]
    for home in homes:
        _sections_ensure(mission=mission, home=home, report=report)
    home_pages = list(Page.objects.filter(pk__in=[home.pk for home in homes]))
    for group, role in ((mission.editors_group, Role.MISSION_EDITOR), (mission.heads_group, Role.MISSION_HEAD)):
        group_page_permissions_sync(group=group, pages=home_pages, codenames=MISSION_PAGE_PERMISSIONS[role])
    _reviewer_page_permissions_sync(mission=mission, home_pages=home_pages)
    mission_homes_provisioned.send(sender=Mission, mission=mission, home_pages=home_pages, report=report)
    return home_pages


def site_address_set(*, hostname: str, port: int) -> Site:
    """Put the default site (the portal) at `hostname:port`: page URLs, feeds, JSON-LD and sitemaps are built from it.

    `make run` points it at the address runserver listens on, so that every absolute URL the hub gives out can be
    fetched; a deployment points it at the public host (port 443 gives `https://` URLs, 80 gives `http://`).
    """
    hostname = hostname.strip().lower()
    if not hostname or any(char in hostname for char in "/:@ ") or not 0 < port < 65536:
        raise ValueError(f"not a host and port: {hostname!r}:{port}")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        raise ValueError("no default site yet: run migrate and create a mission (or seed_demo) first")
    site.hostname, site.port = hostname, port
    site.full_clean()
    site.save()
    log(instance=site, action="wagtail.edit")  # public answers name the site: a new log entry refreshes their cache
    return site


def pages_mission_sync(*, root: Page) -> int:
    """`root` and every page below it store the mission of the home they lie under: Wagtail's move rewrites their
    paths in bulk without saving them, so this runs after each move. Returns how many pages changed."""
    mission_id = mission_id_in_tree(root.path)
    changed = 0
    for model in apps.get_models():
        if issubclass(model, MissionOwnedPage):
            below = model.objects.filter(path__startswith=root.path).exclude(mission_id=mission_id)
            changed += below.update(mission_id=mission_id)
    return changed
