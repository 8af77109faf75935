"""The mission dashboard: where the mission's content stands, for its staff (and HQ staff overseeing it)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from hub.models import Mission

from ..selectors import mission_dashboard, missions_of, missions_overseen_by


class MissionChoiceForm(forms.Form):
    mission = forms.ModelChoiceField(queryset=Mission.objects.none(), label=_("Mission"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mission"].queryset = missions_overseen_by(user=user)


class MissionDashboardView(WagtailAdminTemplateMixin, TemplateView):
    """Drafts, items in review (and who has them), changes requested (with the comment), scheduled, published."""

    template_name = "moderation/dashboard.html"
    page_title = _("Mission content")
    header_icon = "list-ul"

    def get(self, request, *args, **kwargs):
        user = request.user
        if "mission" in request.GET:
            self.form = MissionChoiceForm(request.GET, user=user)
            if not self.form.is_valid():
                return self.render_to_response(self.get_context_data(mission=None), status=400)
            mission = self.form.cleaned_data["mission"]
        else:
            mission = missions_of(user=user).first() or missions_overseen_by(user=user).first()
            if mission is None:
                raise PermissionDenied
            self.form = MissionChoiceForm(initial={"mission": mission.pk}, user=user)
        return self.render_to_response(self.get_context_data(mission=mission))

    def get_page_subtitle(self):
        return ""

    def get_context_data(self, *, mission, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            form=self.form,
            mission=mission,
            dashboard=mission_dashboard(mission=mission) if mission else None,
            can_choose=self.form.fields["mission"].queryset.count() > 1,
        )
        return context
