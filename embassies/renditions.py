"""The named image sizes the hub serves: responsive web widths and social-media crops.

Social crops use Wagtail's `fill`, which crops around the image's focal point.
"""

WEB_WIDTHS = (480, 800, 1200, 1600)

SOCIAL_SIZES = {
    "og": "fill-1200x630",
    "square": "fill-1080x1080",
    "x": "fill-1600x900",
    "story": "fill-1080x1920",
}


def web_filter_spec(width: int) -> str:
    return f"width-{width}"


def all_filter_specs() -> list[str]:
    return [web_filter_spec(width) for width in WEB_WIDTHS] + list(SOCIAL_SIZES.values())
