"""Campaigns in the admin, for HQ administrators only: create and edit them, and see a campaign's rollout (per
mission, its pages and posts and how many posts are in each status)."""

from collections import Counter

from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from hub.roles import HQ_ADMINISTRATORS_GROUP

from . import admin_access
from .admin_views import SocialScreen
from .models import Campaign, SocialPost


class HQAdministratorsOnly(BasePermissionPolicy):
    """Every action on campaigns is HQ administrators' (and superusers')."""

    def user_has_permission(self, user, action):
        return admin_access.user_is_hq_admin(user=user)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        return (users.filter(is_superuser=True) | users.filter(groups__name=HQ_ADMINISTRATORS_GROUP)).distinct()


class CampaignViewSet(ModelViewSet):
    model = Campaign
    icon = "tag"
    menu_label = _("Campaigns")
    url_prefix = "social/campaigns"
    add_to_admin_menu = False
    form_fields = ["name", "slug", "hashtag", "starts_on", "ends_on", "missions", "goal"]
    list_display = ["name", "hashtag", "starts_on", "ends_on", TitleColumn(
        "rollout", label=_("Rollout"), accessor=lambda campaign: _("Rollout"),
        get_url=lambda campaign: reverse("social_campaign_rollout", args=[campaign.pk]))]
    search_fields = ["name", "hashtag"]


class RolloutView(SocialScreen, TemplateView):
    template_name = "social/admin/rollout.html"
    page_title = _("Campaign rollout")
    header_icon = "tag"

    def dispatch(self, request, campaign_id: int):
        if not admin_access.user_is_hq_admin(user=request.user):
            raise Http404
        self.campaign = get_object_or_404(Campaign, pk=campaign_id)
        return super().dispatch(request, campaign_id)

    def get_page_subtitle(self):
        return str(self.campaign)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        posts = SocialPost.objects.filter(campaign=self.campaign).select_related("account__mission", "page")
        by_mission: dict = {mission: [] for mission in self.campaign.missions.order_by("name")}
        for post in posts.order_by("account__mission__name", "page_id", "pk"):
            by_mission.setdefault(post.account.mission, []).append(post)
        statuses = SocialPost.Status.choices
        rows = []
        for mission, mission_posts in by_mission.items():
            counts = Counter(post.status for post in mission_posts)
            pages = {post.page_id: post.page for post in mission_posts}
            rows.append({"mission": mission, "posts": mission_posts, "pages": list(pages.values()),
                         "counts": [(label, counts.get(value, 0)) for value, label in statuses]})
        total = Counter(posts.values_list("status", flat=True))
        context.update(campaign=self.campaign, rows=rows, statuses=statuses,
                       totals=[(label, total.get(value, 0)) for value, label in statuses])
        return context
