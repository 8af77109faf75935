"""Admin views of the hub: missions (provisioned in the same transaction as the save) and the page-types report."""

from django.db import transaction
from wagtail.admin.views.reports import page_types_usage
from wagtail.snippets.views.snippets import CreateView, EditView

from .isolation import visible_ids

from .services import ProvisioningError, mission_provision, region_provision


class MissionProvisioningMixin:
    """Provision after saving; a provisioning conflict becomes a form error and nothing is kept."""

    def save_instance(self):
        instance = super().save_instance()
        self.provisioning_report = mission_provision(mission=instance)
        return instance

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ProvisioningError as error:
            if isinstance(self, CreateView):
                form.instance.pk = None
            form.add_error(None, str(error))
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class MissionCreateView(MissionProvisioningMixin, CreateView):
    pass


class MissionEditView(MissionProvisioningMixin, EditView):
    pass


class RegionProvisioningMixin:
    """A new or renamed region gets its HQ reviewers group in the same transaction."""

    def save_instance(self):
        instance = super().save_instance()
        region_provision(region=instance)
        return instance


class RegionCreateView(RegionProvisioningMixin, CreateView):
    pass


class RegionEditView(RegionProvisioningMixin, EditView):
    pass


class PageTypesUsageReportView(page_types_usage.PageTypesUsageReportView):
    """Wagtail's page-types report, naming a type's last edited page only when the user may explore it.

    The counts stay network-wide (they name nothing); another mission's draft title never shows."""

    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        edited = {item.last_edited_page_id for item in page_types if item.last_edited_page_id}
        visible = visible_ids("page", user=self.request.user, ids=edited)
        for item in page_types:
            if item.last_edited_page_id not in visible:
                item.last_edited_page = None
        return page_types
