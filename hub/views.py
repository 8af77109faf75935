"""Admin views for missions: the snippet create/edit views, with provisioning in the same transaction."""

from django.db import transaction
from wagtail.snippets.views.snippets import CreateView, EditView

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
