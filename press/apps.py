from django.apps import AppConfig


class PressConfig(AppConfig):
    """The virtual press centre: accredited journalists, embargoed releases, press briefings and press kits."""

    name = "press"
    label = "press"
    verbose_name = "Press centre"
    default_auto_field = "django.db.models.BigAutoField"
