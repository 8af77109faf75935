from django.apps import AppConfig


class SocialConfig(AppConfig):
    """Social publishing: connected mission accounts, posts approved with their page, scheduled delivery, campaigns."""

    name = "social"
    label = "social"
    verbose_name = "Social publishing"
    default_auto_field = "django.db.models.BigAutoField"
