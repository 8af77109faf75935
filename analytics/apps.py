from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    """Reads of the missions' sites, counted without cookies, IP addresses or user agents (docs/analytics.md)."""

    name = "analytics"
    label = "analytics"
    verbose_name = "Analytics"
    default_auto_field = "django.db.models.BigAutoField"
