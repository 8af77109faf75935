from django.apps import AppConfig


class FrontendTemplatesConfig(AppConfig):
    name = "frontend_templates"
    verbose_name = "Reference embassy site"
