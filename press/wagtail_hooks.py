"""The press centre in the Wagtail admin: each area registers its own views and menu items when imported here."""

from . import admin_embargo

__all__ = ["admin_embargo"]
