from django.apps import AppConfig


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = "Missions and roles"

    def ready(self):
        from django.db import models
        from django.db.models.signals import post_migrate
        from wagtail.admin.forms.models import register_form_field_override
        from wagtail.signals import page_published, page_unpublished

        from . import kept_answers, signal_handlers

        post_migrate.connect(signal_handlers.ensure_hub_baseline, sender=self)
        # A link typed without a scheme is https:// (Django 6's default; 5.2 warns on every admin form until told).
        register_form_field_override(models.URLField, override={"assume_scheme": "https"})
        # The process that publishes renders its most requested public answers again once the change commits.
        page_published.connect(kept_answers.content_changed, dispatch_uid="hub_kept_answers_published")
        page_unpublished.connect(kept_answers.content_changed, dispatch_uid="hub_kept_answers_unpublished")
