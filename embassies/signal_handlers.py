"""Signal handlers of embassy content (connected in EmbassiesConfig.ready)."""

from .services import mission_pages_provision


def mission_provisioned(sender, mission, report, **kwargs):
    """A mission was provisioned: its home pages, sections and page permissions follow."""
    mission_pages_provision(mission=mission, report=report)
