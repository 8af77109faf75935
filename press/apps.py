from django.apps import AppConfig


class PressConfig(AppConfig):
    """The virtual press centre: accredited journalists, embargoed releases, press briefings and press kits."""

    name = "press"
    label = "press"
    verbose_name = "Press centre"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save, pre_delete
        from wagtail.models import Revision
        from wagtail.signals import page_published, page_unpublished

        from search import signal_handlers as search_handlers
        from search.documents import page_type_register

        from . import signal_handlers
        from .models import BriefingPage, Journalist
        from .search_documents import FIELDS, briefing_passages, briefing_texts

        # --- briefings ---
        page_type_register(BriefingPage, name="briefing", fields=FIELDS, texts=briefing_texts, passages=briefing_passages)
        post_save.connect(search_handlers.page_saved, sender=BriefingPage, dispatch_uid="hub_search_page_saved_BriefingPage")
        # --- embargo ---
        post_save.connect(signal_handlers.revision_scheduled, sender=Revision, dispatch_uid="press_revision_scheduled")
        # --- accounts ---
        pre_delete.connect(signal_handlers.journalist_deleting, sender=Journalist, dispatch_uid="press_journalist_deleting")
        # --- press kits ---
        page_published.connect(signal_handlers.page_published_or_unpublished, dispatch_uid="press_kit_published")
        page_unpublished.connect(signal_handlers.page_published_or_unpublished, dispatch_uid="press_kit_unpublished")
