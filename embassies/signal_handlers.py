"""Signal handlers of embassy content (connected in EmbassiesConfig.ready)."""

from .services import mission_pages_provision, pages_mission_sync


def mission_provisioned(sender, mission, report, **kwargs):
    """A mission was provisioned: its home pages, sections and page permissions follow."""
    mission_pages_provision(mission=mission, report=report)


def page_moved(sender, instance, **kwargs):
    """A page moved (perhaps to another mission): it and the pages below it take the mission they now lie under."""
    pages_mission_sync(root=instance)
