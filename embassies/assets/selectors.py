"""Reads about the network asset library: who may find which asset, which assets may be newly used, and where
each asset is used across the missions.

Licence semantics (the one place they are defined; the page rules, the chooser and the HQ report read them here):

- ``ministry``, ``cc-by``, ``cc-by-sa``: any mission may use the asset in any content (CC wording goes in ``credit``).
- ``restricted``: only pages of the asset's ``source_mission`` may use it; other missions may see a shared restricted
  asset but not insert it.
- ``editorial``: editorial use only, so only in articles (news, statements, speeches, stories), never in events,
  consular notices or section pages.
- ``usage_rights_expire_at`` is the last day the asset may be used; from the day after, no page may newly use it.

Existing uses keep working when an asset becomes unusable; they are flagged instead (``assets_flagged_in_use``).
"""

from dataclasses import dataclass, field
from datetime import date
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from embassies.models import ArticlePage, HubDocument, HubImage, MissionHomePage
from embassies.assets.models import AssetLicence
from embassies.models.pages import mission_home_path
from embassies.selectors import documents_public
from hub.models import Mission
from hub.selectors import pages_explorable_by

REUSABLE_LICENCES = (AssetLicence.MINISTRY_OWNED, AssetLicence.CC_BY, AssetLicence.CC_BY_SA)
EDITORIAL_PAGE_MODELS = (ArticlePage,)


@cache
def collection_permission_policy(model: type[Model]) -> CollectionOwnershipPermissionPolicy:
    """Wagtail's own collection-and-ownership policy for images or documents, without the hub's sharing rule."""
    auth_model = "wagtailimages.Image" if issubclass(model, HubImage) else "wagtaildocs.Document"
    return CollectionOwnershipPermissionPolicy(model, auth_model=auth_model, owner_field_name="uploaded_by_user")


def choosable_by(model: type[Model], *, user) -> QuerySet:
    """Instances of an asset model the user may choose: by collection permission, plus shared ones."""
    policy = collection_permission_policy(model)
    if not user.is_authenticated or not user.is_active:
        return model.objects.none()
    own = policy.instances_user_has_any_permission_for(user, ["choose"])
    if user.is_superuser or not policy.user_has_permission(user, "choose"):
        return own
    return model.objects.filter(Q(pk__in=own.values("pk")) | Q(is_shared=True))


def images_choosable_by(*, user) -> QuerySet[HubImage]:
    """Images a staff member may find and insert: those in collections they may choose from (their mission's),
    plus every image a mission has shared network-wide. HQ administrators and superusers: all."""
    return choosable_by(HubImage, user=user)


def documents_choosable_by(*, user) -> QuerySet[HubDocument]:
    """Documents a staff member may find and insert; the same rule as ``images_choosable_by``."""
    return choosable_by(HubDocument, user=user)


def usable_now_q(*, today: date | None = None, mission: Mission | None = None, editorial: bool = True) -> Q:
    """Assets whose licence and usage rights allow a new use today.

    ``mission``: the mission of the page that would use the asset (restricted assets only for their source mission;
    without it restricted assets are excluded). ``editorial``: whether the page is editorial content (articles);
    pass False for events, notices and sections to exclude editorial-only assets.
    """
    today = today or timezone.localdate()
    licence_allows = Q(licence__in=REUSABLE_LICENCES)
    if editorial:
        licence_allows |= Q(licence=AssetLicence.EDITORIAL_ONLY)
    if mission is not None:
        licence_allows |= Q(licence=AssetLicence.RESTRICTED, source_mission=mission)
    return licence_allows & (Q(usage_rights_expire_at__isnull=True) | Q(usage_rights_expire_at__gte=today))


def asset_use_problem(asset, *, page_model: type[Page], mission_id: int | None, today: date | None = None) -> str | None:
    """Why a page of type ``page_model`` in mission ``mission_id`` may not newly use ``asset`` (expired rights,
    restricted or editorial-only licence), or None when it may."""
    today = today or timezone.localdate()
    if asset.usage_rights_expire_at is not None and asset.usage_rights_expire_at < today:
        return _("usage rights expired on %(date)s") % {"date": asset.usage_rights_expire_at.isoformat()}
    if asset.licence == AssetLicence.RESTRICTED and asset.source_mission_id != mission_id:
        return _("licensed with restrictions to its source mission only")
    if asset.licence == AssetLicence.EDITORIAL_ONLY and not issubclass(page_model, EDITORIAL_PAGE_MODELS):
        return _("licensed for editorial use only (articles)")
    return None


def _mission_ids_by_home_path() -> dict[str, int]:
    return dict(MissionHomePage.objects.values_list("path", "mission_id"))


def mission_id_of_page(page: Page, *, homes: dict[str, int] | None = None) -> int | None:
    """The mission owning a page, from its place in the tree (`homes`: home path → mission id, loaded once)."""
    homes = _mission_ids_by_home_path() if homes is None else homes
    return homes.get(mission_home_path(page.path))


def page_ids_using(*, asset) -> list[int]:
    """Ids of every page (any mission, any status) whose latest content uses the asset, per Wagtail's ReferenceIndex."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = (
        ReferenceIndex.get_references_to(asset)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
        .distinct()
    )
    return sorted({int(pk) for pk in ids})


@dataclass
class AssetUsage:
    """Where one asset is used: counts across the whole network, and the pages the viewer may see."""

    page_count: int
    mission_count: int
    visible_pages: list[Page] = field(default_factory=list)

    @property
    def hidden_page_count(self) -> int:
        return self.page_count - len(self.visible_pages)


def asset_usage_for(*, asset, user) -> AssetUsage:
    """Reuse counts for an asset (pages and missions network-wide) plus the using pages ``user`` may explore;
    other missions' pages are counted but never named."""
    pages = list(Page.objects.filter(pk__in=page_ids_using(asset=asset)).order_by("path"))
    homes = _mission_ids_by_home_path()
    missions = {mission_id_of_page(page, homes=homes) for page in pages} - {None}
    explorable = set(pages_explorable_by(user=user).filter(pk__in=[p.pk for p in pages]).values_list("pk", flat=True))
    return AssetUsage(
        page_count=len(pages),
        mission_count=len(missions),
        visible_pages=[page for page in pages if page.pk in explorable],
    )


def asset_usage_counts(*, model: type[Model], asset_ids) -> dict[int, tuple[int, int]]:
    """{asset id: (pages using it, missions using it)} for a listing page, in two queries."""
    page_type = ContentType.objects.get_for_model(Page)
    rows = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(model),
        to_object_id__in=[str(pk) for pk in asset_ids],
        base_content_type=page_type,
    ).values_list("to_object_id", "object_id").distinct()
    page_ids_by_asset: dict[int, set[int]] = {}
    for to_id, page_id in rows:
        page_ids_by_asset.setdefault(int(to_id), set()).add(int(page_id))
    all_page_ids = set().union(*page_ids_by_asset.values()) if page_ids_by_asset else set()
    paths = dict(Page.objects.filter(pk__in=all_page_ids).values_list("pk", "path"))
    homes = _mission_ids_by_home_path()
    counts = {}
    for asset_id, page_ids in page_ids_by_asset.items():
        missions = {homes.get(mission_home_path(paths[pk])) for pk in page_ids if pk in paths} - {None}
        counts[asset_id] = (len(page_ids), len(missions))
    return counts


@dataclass
class FlaggedAsset:
    """An asset already used somewhere it may no longer be: the problem, and the pages affected."""

    asset: HubImage | HubDocument
    problem: str
    pages: list[Page]
    mission_names: list[str]


def assets_flagged_in_use(*, user, today: date | None = None) -> list[FlaggedAsset]:
    """Images and documents with expired rights, or a restricted/editorial-only licence, that pages use where the
    licence does not allow it. HQ administrators see every mission's pages; mission staff only pages they may
    explore (their own mission's)."""
    today = today or timezone.localdate()
    at_risk = Q(usage_rights_expire_at__lt=today) | Q(licence__in=[AssetLicence.RESTRICTED, AssetLicence.EDITORIAL_ONLY])
    explorable = pages_explorable_by(user=user)
    homes = _mission_ids_by_home_path()
    mission_names = dict(Mission.objects.values_list("pk", "name"))
    flagged = []
    for model in (HubImage, HubDocument):
        for asset in model.objects.filter(at_risk).select_related("source_mission").order_by("title", "pk"):
            page_ids = page_ids_using(asset=asset)
            if not page_ids:
                continue
            pages = explorable.filter(pk__in=page_ids).order_by("path")
            by_problem: dict[str, list[Page]] = {}
            for page in pages:
                problem = asset_use_problem(
                    asset, page_model=page.specific_class or Page, mission_id=mission_id_of_page(page, homes=homes), today=today
                )
                if problem:
                    by_problem.setdefault(problem, []).append(page)
            for problem, problem_pages in by_problem.items():
                missions = {mission_id_of_page(page, homes=homes) for page in problem_pages} - {None}
                flagged.append(
                    FlaggedAsset(
                        asset=asset,
                        problem=problem,
                        pages=problem_pages,
                        mission_names=sorted(mission_names[pk] for pk in missions),
                    )
                )
    return flagged


def document_downloadable(*, document: HubDocument, user) -> tuple[bool, bool]:
    """(may download, is public) for a document file: public when a public page links it (the rule the API and
    feeds follow); otherwise only staff who may choose it (their own mission's collection, or shared)."""
    if documents_public().filter(pk=document.pk).exists():
        return True, True
    return documents_choosable_by(user=user).filter(pk=document.pk).exists(), False
