"""Where the originals of images and documents are kept: outside the public media root.

Whatever serves `/media/` (Django's static view in development, the web server or CDN in production) serves only
renditions. Originals are read by the hub itself: documents through the download view that applies the asset
rule (embassies/assets/downloads.py), images only to make renditions. The `private` entry of STORAGES chooses the
backend (in production a private bucket, for instance); the default keeps the files on disk in
HUB_PRIVATE_MEDIA_ROOT, or beside MEDIA_ROOT as `<MEDIA_ROOT>-private`.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils.functional import cached_property


class PrivateAssetStorage(FileSystemStorage):
    """Files on disk outside MEDIA_ROOT, with no public URL of their own."""

    @cached_property
    def base_location(self):
        configured = self._location or getattr(settings, "HUB_PRIVATE_MEDIA_ROOT", "")
        if configured:
            return str(configured)
        media_root = Path(settings.MEDIA_ROOT)
        return str(media_root.with_name(f"{media_root.name}-private"))

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting in ("MEDIA_ROOT", "HUB_PRIVATE_MEDIA_ROOT"):
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)


def private_asset_storage():
    """The storage of asset originals (a callable, so migrations name it rather than a configured instance)."""
    return storages["private"]
