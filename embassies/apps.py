from django.apps import AppConfig


class EmbassiesConfig(AppConfig):
    name = "embassies"
    verbose_name = "Embassy content"

    def ready(self):
        from django.db.models.signals import post_save, pre_save
        from wagtail.signals import post_page_move

        from hub.models import Mission
        from hub.signals import mission_provisioned

        from . import signal_handlers
        from .assets import rendition_signals
        from .models import HubImage

        mission_provisioned.connect(signal_handlers.mission_provisioned, sender=Mission, dispatch_uid="embassies_mission_pages")
        post_page_move.connect(signal_handlers.page_moved, dispatch_uid="embassies_page_moved_mission")

        pre_save.connect(rendition_signals.image_pre_save, sender=HubImage, dispatch_uid="hub_image_renditions_before")
        post_save.connect(rendition_signals.image_post_save, sender=HubImage, dispatch_uid="hub_image_renditions_after")
