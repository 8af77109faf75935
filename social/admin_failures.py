"""Failed posts in the admin, with the platform's message and a Retry (social.services.retry).

A mission's editors and heads see and retry their mission's failures; HQ administrators see every mission's and
filter by mission and platform. A post the user may not see is a 404."""

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from hub.models import Mission, SocialPlatform

from . import admin_access, services
from .admin_views import SocialAdminView
from .models import SocialPost


class PostFilterForm(forms.Form):
    mission = forms.ModelChoiceField(label=_("Mission"), queryset=Mission.objects.none(), required=False,
                                     to_field_name="slug", empty_label=_("All my missions"))
    platform = forms.ChoiceField(label=_("Platform"), choices=[("", _("Any")), *SocialPlatform.choices], required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mission"].queryset = admin_access.missions_staffed_by(user=user).order_by("name")

    def filtered(self, queryset):
        """The posts narrowed to the chosen mission and platform (nothing narrowed when the form is invalid)."""
        if not self.is_valid():
            return queryset
        if self.cleaned_data.get("mission"):
            queryset = queryset.filter(account__mission=self.cleaned_data["mission"])
        if self.cleaned_data.get("platform"):
            queryset = queryset.filter(account__platform=self.cleaned_data["platform"])
        return queryset


class FailureListView(SocialAdminView):
    template_name = "social/admin/failures.html"
    page_title = _("Failed social posts")
    header_icon = "warning"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = PostFilterForm(self.request.GET or None, user=self.request.user)
        posts = form.filtered(admin_access.posts_visible_to(user=self.request.user)
                              .filter(status=SocialPost.Status.FAILED)
                              .select_related("account__mission", "page").order_by("-updated_at", "-pk"))
        context.update(filter_form=form, page_obj=Paginator(posts, 50).get_page(self.request.GET.get("p")))
        return context


@require_POST
def retry_post(request, post_id: int):
    post = get_object_or_404(admin_access.posts_visible_to(user=request.user), pk=post_id)
    if post.status != SocialPost.Status.FAILED:
        messages.error(request, _("Only a failed post can be retried; this one is %(status)s.") % {
            "status": post.get_status_display().lower()})
    else:
        services.retry(post)
        messages.success(request, _("The post to %(account)s is queued again.") % {"account": post.account})
    return redirect("social_failures")
