"""Admin registration for embassy content: topics and the translation workflow."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize.models import Translation

from hub.isolation import admin_object_kind

from . import views
from .assets import admin_hooks  # noqa: F401  (asset library: permission policy, views, report)
from .assets import upload_hooks  # noqa: F401  (multiple image uploader with near-duplicate warnings)
from .models import Topic
from .selectors import pages_choosable_by, translation_sources_visible_to


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


register_snippet(TopicViewSet)



@hooks.register("register_admin_urls", order=-1)
def register_translation_admin_urls():
    """The out-of-date report, and wagtail-localize's views with mission checks on its own paths (mounted first)."""
    return [
        path("localize/submit/page/<int:page_id>/", views.MissionSubmitPageTranslationView.as_view()),
        path("localize/update/<int:translation_source_id>/", views.MissionUpdateTranslationsView.as_view()),
        path("localize/reports/translations/", views.MissionTranslationsReportView.as_view()),
        path("localize/reports/translations/results/", views.MissionTranslationsReportView.as_view(results_only=True)),
        path(
            "reports/translations-out-of-date/",
            views.TranslationsOutOfDateView.as_view(),
            name="embassies_translations_out_of_date",
        ),
        path(
            "reports/translations-out-of-date/results/",
            views.TranslationsOutOfDateView.as_view(results_only=True),
            name="embassies_translations_out_of_date_results",
        ),
    ]


class TranslationsOutOfDateMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.TRANSLATOR_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_translations_out_of_date_menu_item():
    return TranslationsOutOfDateMenuItem(
        _("Translations out of date"), reverse("embassies_translations_out_of_date"), icon_name="resubmit", order=9100
    )


@admin_object_kind("choosable_page")
def _choosable_pages(*, user, ids):
    """The page chooser may browse to the user's own pages and to HQ's public content."""
    return set(pages_choosable_by(user=user).filter(pk__in=ids).values_list("pk", flat=True))


@hooks.register("construct_page_chooser_queryset")
def restrict_page_chooser(pages, request):
    """Only pages the user may choose are offered to link to."""
    if request.user.is_superuser:
        return pages
    return pages.filter(pk__in=pages_choosable_by(user=request.user).values("pk"))


@admin_object_kind("translation_source")
def _visible_translation_sources(*, user, ids):
    """wagtail-localize's URLs name a translation source: visible when its page is."""
    return set(translation_sources_visible_to(user=user).filter(pk__in=ids).values_list("pk", flat=True))


@admin_object_kind("translation")
def _visible_translations(*, user, ids):
    """wagtail-localize's editor URLs name a translation: visible when its source is."""
    sources = translation_sources_visible_to(user=user)
    return set(Translation.objects.filter(pk__in=ids, source__in=sources).values_list("pk", flat=True))

