"""Page JSON: the summary, the detail and the alternates of a page, and `hydrate`, which loads what they need
in a fixed number of queries. The API, previews, webhooks, feeds and the reference site all build pages here.
"""

from collections import defaultdict
from datetime import timezone as dt_timezone

from django.db.models import Prefetch
from django.utils import timezone
from wagtail.models import Page

from hub.models import Mission

from ..models import (
    ArticlePage,
    ConsularNoticePage,
    EventPage,
    HQRootPage,
    MissionContentPage,
    MissionHomePage,
    SectionIndexPage,
)
from ..models.pages import page_mission_id
from ..selectors import pages_public
from .assets import image_json, images_for_json
from .body import page_body
from .formats import page_dates_display, zone_named
from .kept import kept_body, kept_summaries, kept_value, kept_while_content_unchanged

TYPE_NAMES = {
    ArticlePage: "article",
    EventPage: "event",
    ConsularNoticePage: "consular_notice",
    SectionIndexPage: "section",
    MissionHomePage: "mission_home",
    HQRootPage: "hq_root",
}


def path_in_mission(page: Page) -> str:
    """The page's path below its mission home, e.g. 'news/visa-hours/' ('' for the home itself)."""
    return "/".join(page.url_path.split("/")[3:])


def hydrate(pages: list[Page], *, with_body: bool = False) -> list[Page]:
    """Specific instances of `pages` (order kept), with what their JSON needs loaded in a fixed
    number of queries: one per page type, tags and topics per content type, two for hero images
    (the images, and their renditions as plain rows)."""
    ids_by_model = defaultdict(list)
    for page in pages:
        ids_by_model[page.specific_class or Page].append(page.pk)
    specific = {}
    for model, ids in ids_by_model.items():
        queryset = model.objects.filter(pk__in=ids).select_related("locale")
        if issubclass(model, MissionContentPage):
            # Tag rows with their tag in one query (not one for the rows and one for the tags).
            tagged_items = model.tagged_items.rel.related_model.objects.select_related("tag")
            queryset = queryset.select_related("mission").prefetch_related(
                Prefetch("tagged_items", queryset=tagged_items), "topics"
            )
        elif issubclass(model, MissionHomePage):
            queryset = queryset.select_related("mission")
        if not with_body:
            queryset = queryset.defer_streamfields()
        specific.update({page.pk: page for page in queryset})
    image_ids = {page.hero_image_id for page in specific.values() if getattr(page, "hero_image_id", None)}
    if image_ids:
        by_id = images_for_json(image_ids)
        for page in specific.values():
            if getattr(page, "hero_image_id", None):
                page.hero_image = by_id[page.hero_image_id]
    return [specific[page.pk] for page in pages if page.pk in specific]


def _local_iso(value, tz_name: str) -> str | None:
    """`value` in the event's own time zone; UTC if a draft was saved without a valid one (previews show drafts)."""
    if not value:
        return None
    return timezone.localtime(value, zone_named(tz_name) or dt_timezone.utc).isoformat()


def _mission_slug(page: Page) -> str | None:
    mission = getattr(page, "mission", None)
    if mission is not None:
        return mission.slug
    mission_id = page_mission_id(page)
    return Mission.objects.filter(pk=mission_id).values_list("slug", flat=True).first()


def page_summary(page: Page, *, request) -> dict:
    """The listing shape of a page: everything but the body."""
    data = {
        "id": page.pk,
        "type": TYPE_NAMES.get(type(page), "page"),
        "title": page.title,
        "slug": page.slug,
        "locale": page.locale.language_code,
        "mission": _mission_slug(page),
        "path": path_in_mission(page),
        "url": page.get_full_url(request),
        "detail_url": request.build_absolute_uri(f"/api/v1/pages/{page.pk}/"),
        "first_published_at": page.first_published_at.isoformat() if page.first_published_at else None,
        "last_published_at": page.last_published_at.isoformat() if page.last_published_at else None,
    }
    if isinstance(page, MissionContentPage):
        data.update(
            summary=page.summary,
            hero_image=image_json(page.hero_image, request=request) if page.hero_image_id else None,
            tags=sorted(item.tag.name for item in page.tagged_items.all()),
            topics=[{"slug": topic.slug, "name": topic.name} for topic in page.topics.all()],
        )
    else:
        data["summary"] = getattr(page, "introduction", "")
    if isinstance(page, ArticlePage):
        data["kind"] = page.kind
    elif isinstance(page, EventPage):
        data.update(
            starts_at=_local_iso(page.starts_at, page.timezone),
            ends_at=_local_iso(page.ends_at, page.timezone),
            timezone=page.timezone,
            venue=page.venue,
            online_url=page.online_url,
            registration_url=page.registration_url,
        )
    elif isinstance(page, ConsularNoticePage):
        data.update(
            notice_type=page.notice_type,
            severity=page.severity,
            valid_from=page.valid_from.isoformat(),
            valid_until=page.valid_until.isoformat() if page.valid_until else None,
            in_force=page.is_in_force(),
        )
    data["display"] = page_dates_display(page)
    return data


def page_alternates(page: Page, *, request) -> list[dict]:
    """Public translations of the page, one per locale."""
    translations = pages_public(queryset=page.get_translations().select_related("locale"))
    return [
        {
            "locale": translation.locale.language_code,
            "id": translation.pk,
            "title": translation.title,
            "url": translation.get_full_url(request),
            "detail_url": request.build_absolute_uri(f"/api/v1/pages/{translation.pk}/"),
        }
        for translation in translations
    ]


def page_alternates_kept(page: Page, *, request) -> list[dict]:
    """`page_alternates` of a public page, kept while public content is unchanged (they follow other pages'
    publishing, so not per revision)."""
    return kept_while_content_unchanged(
        "alternates", f"{page.pk}", request=request, build=lambda: page_alternates(page, request=request)
    )


def page_detail(page: Page, *, request, with_alternates: bool = True, with_body: bool = True) -> dict:
    """A page with its body as typed blocks, social texts and alternates (without those two: their places, None,
    for `page_detail_of_public` to fill)."""
    data = page_summary(page, request=request)
    data["seo_title"] = page.seo_title
    data["search_description"] = page.search_description
    data["alternates"] = page_alternates(page, request=request) if with_alternates else None
    if isinstance(page, MissionContentPage):
        data["body"] = page_body(page, request=request) if with_body else None
        data["share_texts"] = {
            "facebook": page.share_text_facebook,
            "x": page.share_text_x,
            "linkedin": page.share_text_linkedin,
        }
    return data


def page_summaries(pages: list[Page], *, request) -> list[dict]:
    """`page_summary` of each public base page in `pages` (order kept), built once per revision (kept.py)."""

    def build(missing: list[Page]) -> dict[int, dict]:
        return {page.pk: page_summary(page, request=request) for page in hydrate(missing)}

    return kept_summaries(pages, request=request, build=build)


def page_detail_of_public(page: Page, *, request) -> dict:
    """`page_detail` of a public base page, from parts kept per revision (kept.py): the head and the body; the
    alternates are kept per content version, since they follow other pages' publishing."""
    loaded = {}

    def build_head() -> dict:
        specific = loaded["page"] = hydrate([page], with_body=True)[0]
        data = page_detail(specific, request=request, with_alternates=False, with_body=False)
        return data

    data = kept_value("detail", page, request=request, build=build_head)
    data["alternates"] = page_alternates_kept(page, request=request)
    if "body" in data:
        data["body"] = kept_body(page, request=request, specific=loaded.get("page"))
    return data
