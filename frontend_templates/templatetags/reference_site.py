"""Template helpers of the reference site: responsive pictures from the API's image JSON, readers' labels,
dates and numbers in the page's own language (`embassies.presentation.formats`), isolated mixed-direction runs."""

from django import template
from django.utils.html import format_html

from embassies.presentation.assets import image_json
from embassies.presentation.formats import date_display, datetime_display, local_moment, number_display, page_zone
from embassies.models import ArticlePage, HubImage
from search.documents import PAGE_TYPES

from ..context import page_context
from ..labels import KINDS, NOTICE_TYPES, SEVERITIES

register = template.Library()

# Rendition widths (embassies.assets.sizes.WEB_WIDTHS) the browser picks from, by where the picture sits.
SIZES = {
    "hero": "(min-width: 72rem) 70rem, 100vw",
    "body": "(min-width: 48rem) 44rem, 100vw",
    "card": "(min-width: 64rem) 22rem, (min-width: 40rem) 45vw, 100vw",
}


@register.simple_tag(takes_context=True)
def site_context(context) -> str:
    """Give the page the reference site's context when the serve hook did not: Wagtail renders previews
    (the admin's preview panel, moderators' previews) without `on_serve_page`."""
    page, request = context.get("page"), context.get("request")
    if "layout" not in context and page is not None and request is not None:
        for name, value in page_context(page=page, request=request).items():
            context[name] = value
    return ""


@register.inclusion_tag("frontend_templates/includes/picture.html", takes_context=True)
def picture(context, image, *, place: str = "body", eager: bool = False):
    """An <img> with srcset and sizes; `image` is a HubImage or the API's image JSON."""
    if isinstance(image, HubImage):
        image = image_json(image, request=context.get("request"))
    if not image:
        return {"image": None}
    fallback = next((item for item in image["web"] if item["width"] >= 800), image["web"][-1])
    return {"image": image, "src": fallback["url"], "sizes": SIZES[place], "eager": eager}


VIDEO_PROVIDER_NAMES = {"youtube": "YouTube", "vimeo": "Vimeo", "facebook": "Facebook", "x": "X"}


@register.filter
def video_provider_name(provider: str | None) -> str:
    return VIDEO_PROVIDER_NAMES.get(provider or "", provider or "")


@register.filter
def content_label(page) -> str:
    """What a listed item is, in readers' words: its article kind, or its page type."""
    if isinstance(page, ArticlePage):
        return KINDS[page.kind]
    return KINDS.get(PAGE_TYPES.get(type(page), ""), str(page._meta.verbose_name).capitalize())


@register.filter
def severity_label(notice) -> str:
    return SEVERITIES.get(notice.severity, notice.get_severity_display())


@register.filter
def notice_type_label(notice) -> str:
    return NOTICE_TYPES.get(notice.notice_type, notice.get_notice_type_display())


@register.simple_tag
def local_time(value, page, show: str = "date"):
    """A <time> element for `page`'s `value`: ISO 8601 for machines; for readers the day (or, with
    show="moment", the day and time) in the page's language and time zone, isolated from the text around it."""
    if not value:
        return ""
    zone = page_zone(page)
    display = datetime_display if show == "moment" else date_display
    shown = display(value, language_code=page.locale.language_code, zone=zone)
    return format_html('<time datetime="{}" dir="auto">{}</time>', local_moment(value, zone).isoformat(), shown)


@register.filter
def local_day(value, page):
    """The calendar day of `value` where `page` is read (so "updated" means another day there, not in UTC)."""
    return local_moment(value, page_zone(page)).date() if value else None


@register.filter
def local_number(value, language_code: str) -> str:
    return number_display(value, language_code=language_code)


@register.filter
def isolated(value):
    """`value` in a <bdi>: a name, title or address that may run the other way from the page keeps its
    punctuation on its own side (use it where the template cannot wrap the value itself, e.g. in blocktranslate)."""
    return format_html("<bdi>{}</bdi>", value)
