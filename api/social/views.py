"""GET /api/v1/social/campaigns/ and /{slug}/, /api/v1/social/posts/ and /api/v1/missions/{slug}/social/posts/.

Sent posts only, and only while their page is public (`social.selectors.posts_public`). The answers change when a
post goes out, which writes no page log entry, so their ETag is a digest of the answer itself (as for search) and
Last-Modified the latest change of content or of any post; api/cache_purge.py purges them when a post is sent.
"""

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics
from rest_framework.response import Response

from embassies.selectors import missions_public
from social.models import Campaign, SocialPost
from social.selectors import campaign_rollout, campaigns_listed, posts_public, social_last_change

from ..caching import SearchAnswerCached
from ..pagination import HubCursorPagination
from .filters import MissionSocialPostFilter, SocialPostFilter
from .serializers import CampaignSerializer, SocialPostSerializer


class SentCursorPagination(HubCursorPagination):
    ordering = ("-sent_at", "-pk")


class CampaignCursorPagination(HubCursorPagination):
    ordering = ("-pk",)


class _SocialAnswer(SearchAnswerCached):
    """ETag from the answer itself; Last-Modified moves with content and with any post's change."""

    def answer_moments(self) -> list:
        return [*super().answer_moments(), social_last_change()]


class _CampaignView(_SocialAnswer):
    serializer_class = CampaignSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema is drawn without a database
            return Campaign.objects.none()
        return campaigns_listed()

    def rollout_context(self, campaigns) -> dict:
        return {**self.get_serializer_context(), "rollout": campaign_rollout(campaigns=list(campaigns))}


class CampaignListView(_CampaignView, generics.ListAPIView):
    """Campaigns HQ runs across missions, the newest first, each with its missions and rollout."""

    filter_backends = []
    pagination_class = CampaignCursorPagination

    def list(self, request, *args, **kwargs):
        campaigns = self.paginate_queryset(self.get_queryset())
        serializer = CampaignSerializer(campaigns, many=True, context=self.rollout_context(campaigns))
        return self.get_paginated_response(serializer.data)


class CampaignDetailView(_CampaignView, generics.RetrieveAPIView):
    """One campaign, by its slug, with its missions and rollout."""

    lookup_field = "slug"
    filter_backends = []

    def retrieve(self, request, *args, **kwargs):
        campaign = self.get_object()
        return Response(CampaignSerializer(campaign, context=self.rollout_context([campaign])).data)


class SocialPostListView(_SocialAnswer, generics.ListAPIView):
    """Posts the hub sent to the missions' accounts, the newest first, with where each is on its platform; filter
    by mission, platform, campaign, page and time sent."""

    serializer_class = SocialPostSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = SocialPostFilter
    pagination_class = SentCursorPagination

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return SocialPost.objects.none()
        return posts_public()


class MissionSocialPostListView(SocialPostListView):
    """The posts the hub sent to one mission's accounts (as /api/v1/social/posts/?mission={slug})."""

    filterset_class = MissionSocialPostFilter

    @extend_schema(operation_id="missions_social_posts_list")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return SocialPost.objects.none()
        if not missions_public().filter(slug=self.kwargs["slug"]).exists():
            raise exceptions.NotFound("No such mission.")
        return posts_public().filter(account__mission__slug=self.kwargs["slug"])
