from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "REST API"

    def ready(self):
        from corsheaders.signals import check_request_enabled
        from django.db.models.signals import post_delete, post_save, pre_delete
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished

        from social.models import SocialPost

        from . import cache_purge
        from .consumers import signal_handlers as consumer_handlers
        from .consumers.models import ApiConsumer
        from .webhooks import signal_handlers as webhook_handlers

        post_save.connect(consumer_handlers.consumer_changed, sender=ApiConsumer)
        post_delete.connect(consumer_handlers.consumer_changed, sender=ApiConsumer)
        check_request_enabled.connect(consumer_handlers.cors_origin_listed)
        page_published.connect(webhook_handlers.page_published)
        page_unpublished.connect(webhook_handlers.page_unpublished)
        page_published.connect(cache_purge.purge_page_api_urls)
        page_unpublished.connect(cache_purge.purge_page_api_urls)
        post_save.connect(cache_purge.purge_social_post_api_urls, sender=SocialPost)
        # Sent once per page row, descendants included; the specific subclass rows send their own, ignored here.
        pre_delete.connect(webhook_handlers.page_deleted, sender=Page)
