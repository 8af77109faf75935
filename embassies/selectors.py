"""Reads about embassy content: what the public sees, where a page may be translated, which translations are stale."""

from collections.abc import Iterable
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import BigIntegerField, CharField, Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Cast, Length, Substr
from django.utils import timezone
from wagtail.models import Locale, Page, PageLogEntry, PageQuerySet, PageViewRestriction, ReferenceIndex, Site
from wagtail_localize.models import Translation, TranslationSource

from hub.models import Mission, MissionKind
from hub.selectors import pages_explorable_by

from .models import HubDocument, HubImage, MissionHomePage
from .models.pages import mission_home_path
from .sections import sections_for


def mission_sections_missing(*, mission: Mission) -> bool:
    """Whether a home page of the mission lacks one of its standard sections (a section added to the standard
    set after the mission was provisioned): provisioning it again adds them."""
    slugs = {section.slug for section in sections_for(mission)}
    homes = MissionHomePage.objects.filter(mission=mission)
    return not homes.exists() or any(
        set(home.get_children().filter(slug__in=slugs).values_list("slug", flat=True)) != slugs for home in homes
    )


def locales_page_translatable_into(*, user, page: Page) -> QuerySet[Locale]:
    """Locales where the user may create this page's translation: its parent exists there and they may add under it.

    wagtail-localize would otherwise copy missing parents too, opening a language the mission does not publish in.
    """
    parents = page.get_parent().get_translations().exclude(alias_of__isnull=False)
    return Locale.objects.filter(
        pk__in=[parent.locale_id for parent in parents if parent.permissions_for_user(user).can_add_subpage()]
    )


def translation_sources_visible_to(*, user) -> QuerySet[TranslationSource]:
    """Sources of translations the user may know about: pages they can explore, and shared snippets."""
    page_type = ContentType.objects.get_for_model(Page)
    explorable_keys = pages_explorable_by(user=user).values("translation_key")
    return TranslationSource.objects.exclude(
        Q(object__content_type=page_type) & ~Q(object_id__in=explorable_keys)
    )


def translations_out_of_date(*, user) -> QuerySet[Translation]:
    """Translated pages whose source was published again after their last sync, the longest-waiting first.

    A sync (`TranslationSource.update_from_db`) copies the source page's live content, so only a publish makes a
    translation stale; drafts do not. Each row carries `source_title`, `target_page_id`, `target_title` and
    `out_of_date_since` (the first publish after the sync), all fetched in one query.
    """
    source_page = Page.objects.filter(translation_key=OuterRef("source__object_id"), locale=OuterRef("source__locale"))
    target_page = Page.objects.filter(translation_key=OuterRef("source__object_id"), locale=OuterRef("target_locale"))
    first_publish_since_sync = PageLogEntry.objects.filter(
        page__translation_key=OuterRef("source__object_id"),
        page__locale=OuterRef("source__locale"),
        action="wagtail.publish",
        timestamp__gt=OuterRef("source__last_updated_at"),
    ).order_by("timestamp")
    return (
        Translation.objects.filter(enabled=True, source__in=translation_sources_visible_to(user=user))
        .annotate(
            source_title=Subquery(source_page.values("title")[:1]),
            target_page_id=Subquery(target_page.values("pk")[:1]),
            target_title=Subquery(target_page.values("draft_title")[:1]),
            out_of_date_since=Subquery(first_publish_since_sync.values("timestamp")[:1]),
        )
        .filter(out_of_date_since__isnull=False, target_page_id__isnull=False)
        .select_related("source", "target_locale")
        .order_by("out_of_date_since", "pk")
    )


def pages_public(*, queryset: PageQuerySet | None = None, at: datetime | None = None) -> PageQuerySet:
    """The one definition of what the public may see: live, not past expiry, and not behind any
    view restriction (password, login or group) on the page or an ancestor.

    The API, feeds, search indexing and the reference site all read through this. Wagtail's
    scheduler unpublishes expired pages only when it runs, so expiry is checked here too.
    """
    at = at or timezone.now()
    queryset = Page.objects.all() if queryset is None else queryset
    return queryset.live().exclude(_behind_a_view_restriction()).filter(Q(expire_at__isnull=True) | Q(expire_at__gt=at))


def _behind_a_view_restriction() -> Exists:
    """A view restriction on the page or an ancestor (one whose path begins the page's), inside the same query.

    Wagtail's `.public()` means the same but first reads every restriction in a query of its own, so a site page
    with its navigation and four listings paid nine extra queries for it.
    """
    return Exists(PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path"))))


def _referenced_by_public_pages(model, *, at: datetime | None = None) -> QuerySet:
    """Instances of `model` that at least one public page uses (hero image, body block, rich text)."""
    page_type = ContentType.objects.get_for_model(Page)
    public_page_ids = pages_public(at=at).annotate(id_text=Cast("pk", CharField())).values("id_text")
    used = ReferenceIndex.objects.filter(
        base_content_type=page_type,
        object_id__in=public_page_ids,
        to_content_type=ContentType.objects.get_for_model(model),
    ).annotate(to_id=Cast("to_object_id", BigIntegerField())).values("to_id")
    return model.objects.filter(pk__in=used)


def images_public(*, at: datetime | None = None) -> QuerySet[HubImage]:
    """Images the public can already see: those used by a public page. Nothing else leaves the hub."""
    return _referenced_by_public_pages(HubImage, at=at)


def documents_public(*, at: datetime | None = None) -> QuerySet[HubDocument]:
    """Documents linked from a public page."""
    return _referenced_by_public_pages(HubDocument, at=at)


def pages_public_using(*, instance) -> PageQuerySet:
    """Public pages that use an image or document (its public "where used")."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = ReferenceIndex.get_references_to(instance).filter(base_content_type=page_type).values_list("object_id", flat=True)
    return pages_public(queryset=Page.objects.filter(pk__in=[int(pk) for pk in ids]))


def missions_public() -> QuerySet[Mission]:
    """Missions with a public site (a live, unrestricted, unexpired home), with their profile's data prefetched."""
    return (
        Mission.objects.filter(home_pages__in=pages_public(queryset=MissionHomePage.objects.all()).values("pk"))
        .distinct()
        .select_related("region")
        .prefetch_related("names", "social_accounts")
        .order_by("name")
    )


def subtrees(paths: Iterable[str]) -> Q:
    """Pages at or below any of these tree paths; nothing for no paths."""
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(path__startswith=path)
    return condition


def pages_under(*, missions, queryset: PageQuerySet | None = None) -> PageQuerySet:
    """The pages (of `queryset`, all by default) that belong to these missions: their home pages in every
    language and everything below them. `missions` is anything `mission__in` takes."""
    home_paths = MissionHomePage.objects.filter(mission__in=missions).values_list("path", flat=True)
    return (Page.objects.all() if queryset is None else queryset).filter(subtrees(home_paths))


def mission_home_for_page(*, page: Page) -> MissionHomePage | None:
    """The mission home (or HQ root) a page belongs to, itself for a home, with its mission and locale; None
    above the missions."""
    home_path = mission_home_path(page.path)
    if home_path is None:
        return None
    return MissionHomePage.objects.select_related("mission", "locale").filter(path=home_path).first()


def pages_choosable_by(*, user) -> PageQuerySet:
    """Pages a staff member may link to: their own explorable pages plus HQ's live, public content."""
    explorable = pages_explorable_by(user=user)
    hq_public = pages_under(missions=Mission.objects.filter(kind=MissionKind.HQ), queryset=pages_public())
    return Page.objects.filter(Q(pk__in=explorable.values("pk")) | Q(pk__in=hq_public.values("pk")))


def site_root_url(*, request=None) -> str:
    """The root URL (`scheme://host[:port]`) of the Wagtail site serving `request`, else of the default site.

    Built from the Site record, like Wagtail's page URLs, so that sitemaps, robots.txt and search links name the
    same host as the pages they list, whichever name the request came in by.
    """
    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).first()
    return site.root_url if site is not None else ""
