"""Signals the hub sends to the rooms above it (docs/architecture.md: imports go one way, news goes up by signal)."""

from django.dispatch import Signal

# Sent inside `mission_provision`'s transaction once the mission's collection and groups exist, with
# `mission` and `report` (a ProvisioningReport to add what a receiver created or changed). Embassy content
# creates the mission's home pages and sections on it; a receiver's exception rolls the whole provisioning back.
mission_provisioned = Signal()
