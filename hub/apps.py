from django.apps import AppConfig


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = "Missions and roles"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signal_handlers

        post_migrate.connect(signal_handlers.ensure_hub_baseline, sender=self)
