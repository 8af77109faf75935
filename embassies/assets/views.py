"""Admin views for the asset library: Wagtail's image and document views with sharing, where-used counts and a
delete confirmation that names the pages in use; plus the HQ report of assets used against their rights.

The views are mounted over Wagtail's own paths (embassies/wagtail_hooks.py), so every link the admin builds lands here.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.views.reports import ReportView
from wagtail.documents.views import documents
from wagtail.images.views import images

from .rules import page_asset_errors
from .selectors import asset_usage_counts, asset_usage_for, assets_flagged_in_use, mission_id_of_page


class ReuseColumn(Column):
    """'N pages · M missions' for each asset in a listing (counts cover the whole network, never titles)."""

    def get_value(self, instance):
        pages, missions = getattr(instance, "reuse_counts", (0, 0))
        return _("%(pages)d pages · %(missions)d missions") % {"pages": pages, "missions": missions}


class SharedAssetListingMixin:
    """The listing shows what the user may edit plus what they may choose (their mission's and shared assets);
    rows they may only choose link to the asset's where-used page instead of the edit form."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        choosable = self.permission_policy.instances_user_has_any_permission_for(self.request.user, ["choose"])
        return queryset | queryset.model.objects.filter(pk__in=choosable.values("pk")).select_related("collection")

    def get_edit_url(self, instance):
        if self.permission_policy.user_has_permission_for_instance(self.request.user, "change", instance):
            return super().get_edit_url(instance)
        return reverse(self.usage_url_name, args=(instance.pk,))

    def decorate_paginated_queryset(self, object_list):
        object_list = super().decorate_paginated_queryset(object_list)
        counts = asset_usage_counts(model=self.model, asset_ids=[obj.pk for obj in object_list])
        for obj in object_list:
            obj.reuse_counts = counts.get(obj.pk, (0, 0))
        return object_list

    @cached_property
    def columns(self):
        columns = super().columns
        if columns:
            columns = [*columns, ReuseColumn("reuse", label=gettext_lazy("Where used"))]
        return columns


class WhereUsedMixin:
    """Adds network-wide reuse counts and the using pages the user may see to an asset's edit or usage page."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["where_used"] = asset_usage_for(asset=self.object, user=self.request.user)
        return context


class ChoosableUsageMixin(WhereUsedMixin):
    """Anyone who may choose an asset (including a shared one) may see where it is used; Wagtail's own table already
    shows pages the user may not edit as '(Private page)'."""

    def user_has_permission(self, permission):
        return self.permission_policy.user_has_any_permission_for_instance(
            self.request.user, [permission, "choose"], self.object
        )


class ConfirmInUseForm(forms.Form):
    confirm_in_use = forms.BooleanField(
        label=gettext_lazy("I understand the pages listed above will lose this asset"), required=True
    )


class ConfirmInUseDeleteMixin(WhereUsedMixin):
    """Deleting an asset that pages use needs an explicit tick, next to the list of those pages."""

    template_name = "embassies/assets/confirm_delete.html"

    @cached_property
    def in_use(self):
        return asset_usage_for(asset=self.object, user=self.request.user).page_count > 0

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["confirm_form"] = kwargs.get("confirm_form") or ConfirmInUseForm()
        context["in_use"] = self.in_use
        return context

    def post(self, request, *args, **kwargs):
        if self.in_use:
            confirm_form = ConfirmInUseForm(request.POST)
            if not confirm_form.is_valid():
                self.object = self.get_object()
                return self.render_to_response(self.get_context_data(confirm_form=confirm_form))
        return super().post(request, *args, **kwargs)


class ShareAwareEditMixin(WhereUsedMixin):
    """Staff who may only choose a shared asset are sent to its where-used page; editing stays with its mission."""

    def dispatch(self, request, *args, **kwargs):
        obj = self.model.objects.filter(pk=kwargs.get(self.pk_url_kwarg)).first()
        user = request.user
        if obj is not None and user.is_authenticated and request.method == "GET":
            policy = self.permission_policy
            if not policy.user_has_permission_for_instance(user, "change", obj) and policy.user_has_permission_for_instance(
                user, "choose", obj
            ):
                messages.info(request, _("'%(title)s' is shared by another mission; only they can edit it.") % {"title": obj.title})
                return redirect(self.usage_url_name, obj.pk)
        return super().dispatch(request, *args, **kwargs)


class ImageIndexView(SharedAssetListingMixin, images.IndexView):
    usage_url_name = "wagtailimages:image_usage"


class ImageEditView(ShareAwareEditMixin, images.EditView):
    template_name = "embassies/assets/image_edit.html"
    usage_url_name = "wagtailimages:image_usage"


class ImageDeleteView(ConfirmInUseDeleteMixin, images.DeleteView):
    pass


class ImageUsageView(ChoosableUsageMixin, images.UsageView):
    template_name = "embassies/assets/usage.html"


class DocumentIndexView(SharedAssetListingMixin, documents.IndexView):
    usage_url_name = "wagtaildocs:document_usage"


class DocumentEditView(ShareAwareEditMixin, documents.EditView):
    template_name = "embassies/assets/document_edit.html"
    usage_url_name = "wagtaildocs:document_usage"


class DocumentDeleteView(ConfirmInUseDeleteMixin, documents.DeleteView):
    pass


class DocumentUsageView(ChoosableUsageMixin, documents.UsageView):
    template_name = "embassies/assets/usage.html"


class AltTextCheckedWorkflowActionView(WorkflowActionView):
    """Approving from the review queue or dashboard (Wagtail's workflow action modal) is refused, like publishing,
    while an image the submitted revision uses lacks alt text; the reviewer is sent back to the page with the reason."""

    def post(self, request, *args, **kwargs):
        if self.action_name == "approve":
            page = self.task_state.revision.as_object()
            errors = page_asset_errors(
                page=page, user=request.user, mission_id=mission_id_of_page(page), publishing=True
            )
            if errors:
                for error in errors:
                    messages.error(request, _("Not approved: %(reason)s") % {"reason": error.message})
                if request.headers.get("x-requested-with") == "XMLHttpRequest":
                    return self.render_modal_json(request, {"step": "success", "redirect": self.redirect_url})
                return redirect(self.redirect_url)
        return super().post(request, *args, **kwargs)


class AssetsFlaggedInUseView(ReportView):
    """HQ report: images and documents used where their licence or expired rights no longer allow it."""

    page_title = gettext_lazy("Assets with expired or restricted rights in use")
    header_icon = "warning"
    index_url_name = "embassies_assets_flagged"
    index_results_url_name = "embassies_assets_flagged_results"
    results_template_name = "embassies/assets/flagged_report_results.html"
    paginate_by = 50
    list_export = ["asset_title", "asset_type", "source_mission", "problem", "missions", "pages"]
    export_headings = {
        "asset_title": gettext_lazy("Asset"),
        "asset_type": gettext_lazy("Type"),
        "source_mission": gettext_lazy("Source mission"),
        "problem": gettext_lazy("Problem"),
        "missions": gettext_lazy("Missions using it"),
        "pages": gettext_lazy("Pages using it"),
    }

    def get_queryset(self):
        return [
            {
                "asset": row.asset,
                "asset_title": row.asset.title,
                "asset_type": row.asset._meta.verbose_name,
                "source_mission": str(row.asset.source_mission or ""),
                "problem": row.problem,
                "missions": "; ".join(row.mission_names),
                "pages": "; ".join(page.get_admin_display_title() for page in row.pages),
                "page_list": row.pages,
            }
            for row in assets_flagged_in_use(user=self.request.user)
        ]

    def get_filename(self):
        return "assets-flagged-in-use"

    def to_row_dict(self, item):
        return {field: item[field] for field in self.list_export}
