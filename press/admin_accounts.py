"""The press office's "Journalists" in the Wagtail admin: the listing (filters, search), one journalist with their
press card, and the decisions (accredit with a scope, reject with a reason, revoke). press.permissions says who sees
and decides what; the writes are press.services'."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from hub.models import Mission

from . import permissions, services
from .models import AccreditationStatus
from .selectors import journalist_standing

STANDINGS = [*AccreditationStatus.choices, ("expired", _("Expired"))]


class JournalistFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or outlet"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("Any")), *STANDINGS], required=False)
    mission = forms.ModelChoiceField(label=_("Mission"), queryset=Mission.objects.none(), required=False, to_field_name="slug")
    country = forms.CharField(label=_("Outlet country"), required=False, max_length=2)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mission"].queryset = permissions.missions_accreditable_by(user=user).order_by("name")


def journalists_filtered(queryset, data: dict):
    now = timezone.now()
    if data.get("q"):
        queryset = queryset.filter(Q(full_name__icontains=data["q"]) | Q(outlet__icontains=data["q"]))
    status = data.get("status")
    if status == "expired":
        queryset = queryset.filter(status=AccreditationStatus.ACCREDITED, accredited_until__lte=now)
    elif status == AccreditationStatus.ACCREDITED:
        queryset = queryset.filter(status=status, accredited_until__gt=now)
    elif status:
        queryset = queryset.filter(status=status)
    if data.get("mission"):
        mission = data["mission"]
        queryset = queryset.filter(Q(requested_missions=mission) | Q(missions=mission))
    if data.get("country"):
        queryset = queryset.filter(outlet_country=data["country"].upper())
    return queryset.distinct()


def _refused() -> HttpResponseForbidden:
    """A plain 403 (Wagtail would turn PermissionDenied into a redirect to the dashboard, hiding the refusal)."""
    return HttpResponseForbidden(_("Only the press office and press attachés work with journalists."))


class JournalistListView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "press/admin/journalists.html"
    page_title = _("Journalists")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not permissions.user_can_accredit(user=request.user):
            return _refused()
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = JournalistFilterForm(self.request.GET or None, user=self.request.user)
        queryset = permissions.journalists_visible_to(user=self.request.user).select_related("user")
        if form.is_valid():
            queryset = journalists_filtered(queryset, form.cleaned_data)
        page = Paginator(queryset.prefetch_related("missions", "requested_missions"), 50).get_page(self.request.GET.get("p"))
        context.update(
            filter_form=form, page_obj=page,
            rows=[{"journalist": journalist, "standing": journalist_standing(journalist)} for journalist in page],
        )
        return context


class AccreditForm(forms.Form):
    missions = forms.ModelMultipleChoiceField(
        label=_("Accredited for"), queryset=Mission.objects.none(), required=False, to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: the whole network (HQ press office only)."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["missions"].queryset = permissions.missions_accreditable_by(user=user).order_by("name")

    def clean_missions(self):
        missions = list(self.cleaned_data["missions"])
        if not permissions.user_can_grant(user=self.user, missions=missions):
            raise ValidationError(_("Choose your own mission: only the HQ press office accredits network-wide."))
        return missions


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Reason (sent to the journalist)"), widget=forms.Textarea(attrs={"rows": 3}))


class JournalistView(WagtailAdminTemplateMixin, TemplateView):
    """One journalist: what they sent, their scope (the old one while a renewal waits) and the decisions."""

    template_name = "press/admin/journalist.html"
    page_title = _("Journalist")
    header_icon = "user"

    def dispatch(self, request, pk):
        if not permissions.user_can_accredit(user=request.user):
            return _refused()
        self.journalist = get_object_or_404(
            permissions.journalists_visible_to(user=request.user).select_related("user", "decided_by"), pk=pk
        )
        self.may_decide = permissions.user_can_decide(user=request.user, journalist=self.journalist)
        self.accredit_form = AccreditForm(
            user=request.user, initial={"missions": list(self.journalist.requested_missions.all())}
        )
        self.reject_form = RejectForm()
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return str(self.journalist)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("press_journalists"), "label": _("Journalists")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def post(self, request, pk):
        if not self.may_decide:
            return _refused()
        action = request.POST.get("action")
        try:
            if action == "accredit":
                self.accredit_form = AccreditForm(request.POST, user=request.user)
                if not self.accredit_form.is_valid():
                    return self._invalid()
                services.journalist_accredit(
                    journalist=self.journalist, by=request.user, missions=self.accredit_form.cleaned_data["missions"]
                )
            elif action == "reject":
                self.reject_form = RejectForm(request.POST)
                if not self.reject_form.is_valid():
                    return self._invalid()
                services.journalist_reject(
                    journalist=self.journalist, by=request.user, reason=self.reject_form.cleaned_data["reason"]
                )
            elif action == "revoke":
                services.journalist_revoke(journalist=self.journalist, by=request.user)
            else:
                messages.error(request, _("Choose accredit, reject or revoke."))
                return self._invalid()
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self._invalid()
        messages.success(request, _("%(journalist)s: decision saved and e-mailed.") % {"journalist": self.journalist})
        return redirect("press_journalist", self.journalist.pk)

    def _invalid(self):
        return self.render_to_response(self.get_context_data(), status=400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            journalist=self.journalist, standing=journalist_standing(self.journalist),
            scope=list(self.journalist.missions.all()), requested=list(self.journalist.requested_missions.all()),
            may_decide=self.may_decide, accredit_form=self.accredit_form, reject_form=self.reject_form,
        )
        return context


def press_card(request, pk: int):
    """The journalist's press card, for those who may see the journalist; never cached."""
    if not permissions.user_can_accredit(user=request.user):
        return _refused()
    journalist = get_object_or_404(permissions.journalists_visible_to(user=request.user), pk=pk)
    if not journalist.press_card:
        raise Http404
    response = FileResponse(journalist.press_card.open("rb"), content_type=journalist.press_card_content_type)
    # Images open in the browser; a PDF downloads (the hub's origin never renders a journalist's PDF).
    inline = journalist.press_card_content_type.startswith("image/")
    response["Content-Disposition"] = "inline" if inline else 'attachment; filename="press-card.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response
