from django.apps import AppConfig


class EmbassiesConfig(AppConfig):
    name = "embassies"
    verbose_name = "Embassy content"

    def ready(self):
        from django.db.models.signals import post_save, pre_save

        from .assets import rendition_signals
        from .models import HubImage

        pre_save.connect(rendition_signals.image_pre_save, sender=HubImage, dispatch_uid="hub_image_renditions_before")
        post_save.connect(rendition_signals.image_post_save, sender=HubImage, dispatch_uid="hub_image_renditions_after")
