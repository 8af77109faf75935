"""A page as social posts: the API's ready-to-post payload, and what the composer prefills and previews.

One place for the share text (in the account's language, through the page's translations), the hashtag form,
the UTM-tagged link and the link card, so the API, the composer and delivery cannot drift apart.
"""

import mimetypes
import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from django.conf import settings
from wagtail.models import Page

from embassies.assets.rules import image_alt_text
from embassies.assets.sizes import SOCIAL_SIZES
from embassies.models import SOCIAL_SHARE_LIMITS, HubImage, MissionContentPage
from embassies.presentation.assets import NamedRenditions, rendition_file_url

# X shortens every link to 23 characters whatever its length.
X_LINK_LENGTH = 23
PLATFORM_IMAGE = {"facebook": "og", "linkedin": "og", "x": "x"}


def hashtag(tag_name: str) -> str:
    """'Digital diplomacy' → '#DigitalDiplomacy'; letters of any script are kept."""
    words = re.findall(r"\w+", tag_name)
    return "#" + "".join(word[:1].upper() + word[1:] for word in words) if words else ""


def _length(text: str, link: str, platform: str) -> int:
    link_length = X_LINK_LENGTH if platform == "x" else len(link)
    return len(text) + (1 + link_length if link else 0)


def social_image_source(page: Page) -> HubImage | None:
    """The image a page's posts carry: its hero image (the API's payload, the composer and delivery all ask here)."""
    return page.hero_image if getattr(page, "hero_image_id", None) else None


class SocialImageMissing(Exception):
    """The file of a social crop is not on disk and cannot be made (its original is gone or unreadable)."""


def social_image(page: MissionContentPage, *, size: str, request) -> dict | None:
    """The page's hero image in a named social rendition (og, square, x, story); never drawn inside the request."""
    image = social_image_source(page)
    if image is None:
        return None
    spec = SOCIAL_SIZES[size]
    renditions = NamedRenditions(image, request)
    width, height = renditions.size(spec)
    return {
        "url": renditions.url(spec),
        "width": width,
        "height": height,
        "alt": image.default_alt_text,
        "credit": image.credit,
    }


def social_image_file(page: Page, *, size: str, language_code: str = "") -> dict | None:
    """The page's social image in a named crop as a file to upload, for delivery (off the request path, so a crop
    the rendition task has not made yet is made now). `url` is the file's absolute public address (HUB_API_BASE_URL
    + MEDIA_URL) for platforms that fetch images themselves; `alt` is in `language_code` where the image has it.
    Raises SocialImageMissing when the file is not there and cannot be made."""
    image = social_image_source(page)
    if image is None:
        return None
    try:
        rendition = image.get_rendition(SOCIAL_SIZES[size])
    except (OSError, ValueError) as error:  # the original is missing or not an image any more
        raise SocialImageMissing(f"The {size} crop of image “{image.title}” cannot be made: its original file "
                                 f"cannot be read ({type(error).__name__}).") from None
    storage = rendition.file.storage
    if not storage.exists(rendition.file.name):
        raise SocialImageMissing(f"The {size} crop of image “{image.title}” is missing from the media storage "
                                 f"({rendition.file.name}): make its renditions again.")
    return {
        "path": storage.path(rendition.file.name),
        "mime_type": mimetypes.guess_type(rendition.file.name)[0] or "application/octet-stream",
        "width": rendition.width,
        "height": rendition.height,
        "alt": (image_alt_text(image, language_code=language_code) if language_code else "") or image.default_alt_text,
        "url": urljoin(settings.HUB_API_BASE_URL.rstrip("/") + "/", rendition_file_url(rendition.file.name)),
    }


def social_payload(page: MissionContentPage, *, platform: str, request) -> dict:
    """The post for `platform`: the editor's share text (or the standfirst), hashtags that fit, the link."""
    limit = SOCIAL_SHARE_LIMITS[platform]
    link = page.get_full_url(request)
    text = getattr(page, f"share_text_{platform}") or page.summary
    tags = [tag for tag in (hashtag(item.tag.name) for item in page.tagged_items.all()) if tag]
    room = limit - _length("", link, platform)
    if len(text) > room:
        text = text[: max(room - 1, 0)].rstrip() + "…"
    used_tags = []
    for tag in tags:
        candidate = f"{text} {' '.join([*used_tags, tag])}"
        if _length(candidate, link, platform) <= limit:
            used_tags.append(tag)
    post = " ".join(part for part in (text, " ".join(used_tags), link) if part)
    return {
        "platform": platform,
        "text": text,
        "hashtags": used_tags,
        "link": link,
        "post": post,
        "length": _length(" ".join(part for part in (text, " ".join(used_tags)) if part), link, platform),
        "limit": limit,
        "image": social_image(page, size=PLATFORM_IMAGE[platform], request=request),
        "locale": page.locale.language_code,
    }


def _translations(page: Page, language_code: str) -> list[Page]:
    """The page's versions to take a share text from, best first: the one in `language_code`, the other
    translations (same `translation_key`), then the page itself."""
    versions = list(Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
                    .select_related("locale").order_by("locale_id").specific())
    in_language = [version for version in versions if version.locale.language_code == language_code]
    others = [version for version in versions if version.locale.language_code != language_code]
    if page.locale.language_code == language_code:
        return [page, *others]
    return [*in_language, *others, page]


def share_text(page: MissionContentPage, *, platform: str, language_code: str) -> dict:
    """The text a post to an account in `language_code` starts from: the first version of the page (its
    translation in that language, the other translations, then its own) with a share text for `platform`
    (platforms without share-text fields use the standfirst); else the standfirst of the best version."""
    versions = _translations(page, language_code)
    field = f"share_text_{platform}" if platform in SOCIAL_SHARE_LIMITS else "summary"
    for version in versions:
        text = getattr(version, field, "")
        if text:
            return {"text": text, "locale": version.locale.language_code}
    best = versions[0]
    return {"text": getattr(best, "summary", ""), "locale": best.locale.language_code}


def utm_link(url: str, *, platform: str, campaign: str, key: str) -> str:
    """`url` tagged for analytics: source = platform, medium = social, campaign = campaign or mission slug,
    id = the post's key (which delivery also uses to find a post whose answer was lost)."""
    parts = urlsplit(url)
    query = [(name, value) for name, value in parse_qsl(parts.query, keep_blank_values=True) if not name.startswith("utm_")]
    query += [("utm_source", platform), ("utm_medium", "social"), ("utm_campaign", campaign), ("utm_id", key)]
    return urlunsplit(parts._replace(query=urlencode(query)))


def link_card(page: MissionContentPage, *, image_size: str, request) -> dict:
    """What a platform shows under a post with a link: the page's title, description and image crop."""
    return {
        "title": page.seo_title or page.title,
        "description": page.search_description or page.summary,
        "image": social_image(page, size=image_size, request=request) if image_size in SOCIAL_SIZES else None,
    }
