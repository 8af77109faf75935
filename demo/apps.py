from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo network (`manage.py seed_demo`). Installed by the development and test settings only, so its
    content and its published passwords never ship with a production configuration."""

    name = "demo"
    verbose_name = "Demo network"
