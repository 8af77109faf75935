from django.apps import AppConfig


class SocialConfig(AppConfig):
    """Social publishing: connected mission accounts, posts approved with their page, scheduled delivery, campaigns."""

    name = "social"
    label = "social"
    verbose_name = "Social publishing"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.models import WorkflowState
        from wagtail.signals import page_published, page_unpublished, workflow_approved

        from . import signal_handlers

        workflow_approved.connect(signal_handlers.workflow_approved, sender=WorkflowState,
                                  dispatch_uid="social_posts_approved_with_page")
        page_published.connect(signal_handlers.page_published, dispatch_uid="social_posts_sent_with_page")
        page_unpublished.connect(signal_handlers.page_unpublished, dispatch_uid="social_posts_withdrawn")
