from django.apps import AppConfig


class FrontendTemplatesConfig(AppConfig):
    name = "frontend_templates"
    verbose_name = "Reference embassy site"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from . import cache_purge

        page_published.connect(cache_purge.purge_page_site_urls)
        page_unpublished.connect(cache_purge.purge_page_site_urls)
