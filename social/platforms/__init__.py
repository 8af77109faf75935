"""Platform adapters, one module per platform; `adapter_for(platform)` is the only way the hub gets one.

Base URLs come from `settings.HUB_SOCIAL_API_BASES` (a dict platform → URL), so tests point each adapter at its
local fake on 127.0.0.1 and production uses the platform's documented address.
"""

from __future__ import annotations

from importlib import import_module

from django.conf import settings

from .base import PlatformAdapter

# platform → "module:Class"; each adapter module is added here as it lands.
ADAPTERS: dict[str, str] = {
    "facebook": "facebook:FacebookAdapter",
    "linkedin": "linkedin:LinkedInAdapter",
    "telegram": "telegram:TelegramAdapter",
    "x": "x:XAdapter",
    "youtube": "youtube:YouTubeAdapter",
    "zalo": "zalo:ZaloAdapter",
}


def adapter_for(platform: str) -> PlatformAdapter:
    try:
        dotted = ADAPTERS[platform]
    except KeyError:
        raise LookupError(f"no adapter for platform {platform!r}") from None
    module_name, _, class_name = dotted.partition(":")
    cls = getattr(import_module(f"social.platforms.{module_name}"), class_name)
    base = getattr(settings, "HUB_SOCIAL_API_BASES", {}).get(platform)
    return cls(base)


def supported_platforms() -> list[str]:
    return sorted(ADAPTERS)
