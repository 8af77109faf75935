"""What a social tool needs to post a page: text within the platform's limit, link, image, hashtags."""

import re

from embassies.models import SOCIAL_SHARE_LIMITS, MissionContentPage
from embassies.presentation.assets import NamedRenditions
from embassies.assets.sizes import SOCIAL_SIZES

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
    image = None
    if page.hero_image_id:
        spec = SOCIAL_SIZES[PLATFORM_IMAGE[platform]]
        renditions = NamedRenditions(page.hero_image, request)  # never draws an image inside the request
        width, height = renditions.size(spec)
        image = {
            "url": renditions.url(spec),
            "width": width,
            "height": height,
            "alt": page.hero_image.default_alt_text,
            "credit": page.hero_image.credit,
        }
    return {
        "platform": platform,
        "text": text,
        "hashtags": used_tags,
        "link": link,
        "post": post,
        "length": _length(" ".join(part for part in (text, " ".join(used_tags)) if part), link, platform),
        "limit": limit,
        "image": image,
        "locale": page.locale.language_code,
    }
