"""The admin's image and document choosers, searching with `assets_search`: the same index (or database
fallback), the same scope (own mission + shared) and the same filters as the asset search everywhere else.

Wagtail's chooser lists what the permission policy lets the user choose (own collections plus shared assets,
embassies/assets/permissions.py); with text or a filter, the list becomes the best matches from
`assets_search` in relevance order, intersected with that same list, so the chooser can never show more
than the policy allows. The views shadow Wagtail's chooser URLs in hub/urls.py (same paths and names).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm, CollectionFilterMixin
from wagtail.documents.views.chooser import DocumentChooseResultsView, DocumentChooserViewSet, DocumentChooseView
from wagtail.images.views.chooser import ImageChooseResultsView, ImageChooserViewSet, ImageChooseView

from embassies.models import AssetKind, AssetLicence, HubDocument, HubImage

from .criteria import MAX_PAGE_SIZE, ORIENTATIONS
from .selectors import assets_search

# The chooser shows the best this many matches (pages of Wagtail's own size within them).
CHOOSER_MATCHES = MAX_PAGE_SIZE
FILTER_WIDGET = {"data-chooser-modal-search-filter": True}


class AssetChooserFilterForm(CollectionFilterMixin, BaseFilterForm):
    """Search box and asset filters of the chooser; filtering goes through `assets_search`."""

    asset_type = "image"
    q = forms.CharField(label=_("Search term"), widget=forms.TextInput(attrs={"placeholder": _("Search")}), required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("Any kind")), *AssetKind.choices], required=False,
                             widget=forms.Select(attrs=FILTER_WIDGET))
    licence = forms.ChoiceField(label=_("Licence"), choices=[("", _("Any licence")), *AssetLicence.choices], required=False,
                                widget=forms.Select(attrs=FILTER_WIDGET))
    usable_now = forms.BooleanField(label=_("Usable now"), required=False, widget=forms.CheckboxInput(attrs=FILTER_WIDGET),
                                    help_text=_("Licence and usage rights allow a new use today."))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def search_filters(self) -> dict:
        data = self.cleaned_data
        return {name: data[name] for name in ("kind", "licence", "orientation") if data.get(name)} | (
            {"usable_now": True} if data.get("usable_now") else {}
        )

    def filter(self, objects):
        objects = super().filter(objects)
        query, filters = self.cleaned_data.get("q", "").strip(), self.search_filters()
        if not (query or filters):
            return objects
        try:
            results = assets_search(user=self.user, asset_type=self.asset_type, query=query, filters=filters,
                                    page_size=CHOOSER_MATCHES)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
            return objects.none()
        self.is_searching, self.search_query = bool(query), query or None
        ranked = [hit.asset.pk for hit in results.hits]
        rank = Case(*[When(pk=pk, then=Value(position)) for position, pk in enumerate(ranked)], output_field=IntegerField())
        return objects.filter(pk__in=ranked).order_by(rank) if ranked else objects.none()


class ImageChooserFilterForm(AssetChooserFilterForm):
    orientation = forms.ChoiceField(
        label=_("Orientation"), choices=[("", _("Any orientation")), *[(value, _(value.title())) for value in ORIENTATIONS]],
        required=False, widget=forms.Select(attrs=FILTER_WIDGET),
    )


class DocumentChooserFilterForm(AssetChooserFilterForm):
    asset_type = "document"


class AssetSearchChooseMixin:
    """The chooser's filter form is the asset search's (whose results keep their ranking, not newest first)."""

    filter_form_class = None

    def get_filter_form(self):
        return self.filter_form_class(self.request.GET, collections=self.collections, user=self.request.user)


class HubImageChooseView(AssetSearchChooseMixin, ImageChooseView):
    filter_form_class = ImageChooserFilterForm


class HubImageChooseResultsView(AssetSearchChooseMixin, ImageChooseResultsView):
    filter_form_class = ImageChooserFilterForm


class HubDocumentChooseView(AssetSearchChooseMixin, DocumentChooseView):
    filter_form_class = DocumentChooserFilterForm


class HubDocumentChooseResultsView(AssetSearchChooseMixin, DocumentChooseResultsView):
    filter_form_class = DocumentChooserFilterForm


class HubImageChooserViewSet(ImageChooserViewSet):
    choose_view_class = HubImageChooseView
    choose_results_view_class = HubImageChooseResultsView


class HubDocumentChooserViewSet(DocumentChooserViewSet):
    choose_view_class = HubDocumentChooseView
    choose_results_view_class = HubDocumentChooseResultsView


# Built, not registered: hub/urls.py mounts their choose views over Wagtail's (same URL names and parameters).
image_chooser = HubImageChooserViewSet("wagtailimages_chooser", model=HubImage, url_prefix="images/chooser")
document_chooser = HubDocumentChooserViewSet("wagtaildocs_chooser", model=HubDocument, url_prefix="documents/chooser")
