"""Signals embassy content sends to the rooms above it."""

from django.dispatch import Signal

# Sent by `mission_pages_provision` inside the provisioning transaction once the mission's home pages exist,
# with `mission`, `home_pages` (one per language) and `report`. Moderation assigns its workflows on it.
mission_homes_provisioned = Signal()
