"""The named image sizes the hub serves: responsive web widths and social-media crops, each in the image's
own format and, where this Pillow can write them, WebP and AVIF.

Social crops use Wagtail's `fill`, which crops around the image's focal point. Renditions of every named
size and format are made off the request path (`embassies/assets/renditions.py`), as Wagtail renditions, so
the API, the page bodies and Wagtail's own `get_renditions` all find the same files.
"""

from functools import cache

from PIL import features

WEB_WIDTHS = (480, 800, 1200, 1600)

SOCIAL_SIZES = {
    "og": "fill-1200x630",
    "square": "fill-1080x1080",
    "x": "fill-1600x900",
    "story": "fill-1080x1920",
}

# Modern formats offered beside the original one, best compression last.
MODERN_FORMATS = ("webp", "avif")


def web_filter_spec(width: int) -> str:
    return f"width-{width}"


def all_filter_specs() -> list[str]:
    """Every named size, in the image's own format."""
    return [web_filter_spec(width) for width in WEB_WIDTHS] + list(SOCIAL_SIZES.values())


@cache
def extra_formats() -> tuple[str, ...]:
    """The modern formats this Pillow build can write (AVIF needs libavif)."""
    return tuple(name for name in MODERN_FORMATS if features.check(name))


def format_filter_spec(spec: str, image_format: str) -> str:
    """A named size in another format: `fill-1200x630|format-webp`."""
    return f"{spec}|format-{image_format}"


def rendition_specs() -> list[str]:
    """Every rendition the hub keeps for an image: each named size in its own format and every extra format."""
    specs = []
    for spec in all_filter_specs():
        specs += [spec] + [format_filter_spec(spec, image_format) for image_format in extra_formats()]
    return specs
