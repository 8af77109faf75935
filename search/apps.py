from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "hub_search"
    verbose_name = "Search"

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save
        from taggit.models import TaggedItem
        from wagtail.models import Page, PageViewRestriction
        from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

        from embassies.models import HubDocument, HubImage, Topic
        from hub.models import Mission, MissionName

        from . import signal_handlers
        from .documents import PAGE_TYPES

        for model in PAGE_TYPES:
            post_save.connect(signal_handlers.page_saved, sender=model, dispatch_uid=f"hub_search_page_saved_{model.__name__}")
        page_published.connect(signal_handlers.page_published, dispatch_uid="hub_search_page_published")
        page_unpublished.connect(signal_handlers.page_unpublished, dispatch_uid="hub_search_page_unpublished")
        post_page_move.connect(signal_handlers.page_moved, dispatch_uid="hub_search_page_moved")
        page_slug_changed.connect(signal_handlers.page_slug_changed, dispatch_uid="hub_search_page_slug_changed")
        post_delete.connect(signal_handlers.page_deleted, sender=Page, dispatch_uid="hub_search_page_deleted")
        for signal in (post_save, post_delete):
            signal.connect(
                signal_handlers.view_restriction_changed,
                sender=PageViewRestriction,
                dispatch_uid=f"hub_search_view_restriction_{signal is post_save}",
            )
            signal.connect(
                signal_handlers.mission_name_changed,
                sender=MissionName,
                dispatch_uid=f"hub_search_mission_name_{signal is post_save}",
            )
        post_save.connect(signal_handlers.mission_changed, sender=Mission, dispatch_uid="hub_search_mission")
        post_save.connect(signal_handlers.topic_changed, sender=Topic, dispatch_uid="hub_search_topic")
        for model in (HubImage, HubDocument):
            for signal in (post_save, post_delete):
                signal.connect(
                    signal_handlers.asset_changed,
                    sender=model,
                    dispatch_uid=f"hub_search_asset_{model._meta.model_name}_{signal is post_save}",
                )
        m2m_changed.connect(signal_handlers.asset_tags_changed, sender=TaggedItem, dispatch_uid="hub_search_asset_tags")
