"""Admin views of the translation workflow: wagtail-localize's views kept inside the user's mission, and the
"Translations out of date" report.

wagtail-localize checks only its global `submit_translation` permission, so any mission's editor could translate
or sync another mission's pages and read every mission's translations in its report. The subclasses below add the
page permission checks; `wagtail_hooks` mounts them on wagtail-localize's own URLs.
"""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail_localize.views.edit_translation import user_can_edit_instance
from wagtail_localize.views.report import TranslationsReportView
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .selectors import locales_page_translatable_into, translation_sources_visible_to, translations_out_of_date

TRANSLATOR_PERMISSION = "wagtail_localize.submit_translation"


class MissionSubmitPageTranslationView(SubmitPageTranslationView):
    """"Translate this page", for pages the user can edit, into locales where they may add the translated page."""

    def get_object(self):
        page = super().get_object()
        if not page.permissions_for_user(self.request.user).can_edit():
            raise PermissionDenied
        return page

    def get_form(self):
        form = super().get_form()
        locales = form.fields["locales"]
        locales.queryset = locales.queryset & locales_page_translatable_into(user=self.request.user, page=self.object)
        return form


class MissionUpdateTranslationsView(UpdateTranslationsView):
    """"Sync translated pages", for sources the user can edit; "Publish immediately" for those who may publish all."""

    def get_object(self):
        source = super().get_object()
        if not user_can_edit_instance(self.request.user, source.get_source_instance()):
            raise PermissionDenied
        return source

    def get_form(self):
        form = super().get_form()
        form.fields["publish_translations"].disabled = not self.may_publish_translations()
        return form

    def may_publish_translations(self) -> bool:
        targets = (translation.get_target_instance() for translation in self.object.translations.filter(enabled=True))
        return all(
            target.permissions_for_user(self.request.user).can_publish()
            for target in targets
            if isinstance(target, Page)
        )


class MissionTranslationsReportView(TranslationsReportView):
    """wagtail-localize's "Translations" report, without other missions' pages."""

    def get_queryset(self):
        visible = translation_sources_visible_to(user=self.request.user)
        return super().get_queryset().filter(source__in=visible).order_by("-created_at")


def _sync_url(translation) -> str:
    sync = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    return f"{sync}?{urlencode({'next': reverse('embassies_translations_out_of_date')})}"


class TranslationsOutOfDateView(ReportView):
    """Translated pages of the user's mission(s) whose source was published since they were last synced."""

    page_title = _("Translations out of date")
    header_icon = "resubmit"
    index_url_name = "embassies_translations_out_of_date"
    index_results_url_name = "embassies_translations_out_of_date_results"
    verbose_name_plural = _("out-of-date translations")
    columns = [
        TitleColumn(
            "target_title",
            label=_("Translation"),
            get_url=lambda translation: reverse("wagtailadmin_pages:edit", args=[translation.target_page_id]),
        ),
        Column("target_locale", label=_("Language")),
        Column("source_title", label=_("Source")),
        DateColumn("out_of_date_since", label=_("Out of date since")),
        TitleColumn("sync", label="", accessor=lambda translation: _("Sync translated pages"), get_url=_sync_url),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(TRANSLATOR_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return translations_out_of_date(user=self.request.user)
