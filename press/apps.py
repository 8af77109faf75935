from django.apps import AppConfig


class PressConfig(AppConfig):
    """The virtual press centre: accredited journalists, embargoed releases, press briefings and press kits."""

    name = "press"
    label = "press"
    verbose_name = "Press centre"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.models import Revision

        from . import signal_handlers

        post_save.connect(signal_handlers.revision_scheduled, sender=Revision, dispatch_uid="press_revision_scheduled")
