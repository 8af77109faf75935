"""The shapes of campaigns and sent posts (fields read straight off the models; nothing else leaves)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from hub.models import SocialPlatform
from social.models import SocialPost


class PostAccountSerializer(serializers.Serializer):
    handle = serializers.CharField()
    platform = serializers.ChoiceField(choices=SocialPlatform.choices)
    mission = serializers.SlugField(source="mission.slug", help_text="The mission whose account it is.")
    url = serializers.URLField(help_text="The account's page on the platform.")


class PostPageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField(help_text="The live title.")
    url = serializers.SerializerMethodField(help_text="The page on the mission's site.")

    def get_url(self, page) -> str:
        return page.get_full_url(self.context.get("request"))


class CampaignRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    hashtag = serializers.CharField()


class SocialPostSerializer(serializers.Serializer):
    """A post the hub sent to a mission's account, with where it is on the platform."""

    id = serializers.IntegerField()
    platform = serializers.ChoiceField(source="account.platform", choices=SocialPlatform.choices)
    account = PostAccountSerializer()
    page = PostPageSerializer()
    platform_id = serializers.CharField(help_text="The platform's id of the post.")
    platform_url = serializers.URLField(allow_blank=True, help_text="The post on the platform.")
    sent_at = serializers.DateTimeField(help_text="When the platform accepted the post.")
    campaign = CampaignRefSerializer(allow_null=True)


class CampaignSerializer(serializers.Serializer):
    """A message run across missions, with its rollout: how many of its posts are in each status. Listed from its
    start date (or, without one, from its first public post); HQ's goal for it stays in the admin."""

    slug = serializers.SlugField()
    name = serializers.CharField()
    hashtag = serializers.CharField()
    starts_on = serializers.DateField(allow_null=True)
    ends_on = serializers.DateField(allow_null=True)
    missions = serializers.SerializerMethodField(help_text="Slugs of the missions taking part.")
    rollout = serializers.SerializerMethodField(
        help_text="Posts of the campaign by status (every status named); only `sent` ones are listed under "
                  "/api/v1/social/posts/, and only while their page is public.")
    posts_url = serializers.SerializerMethodField(help_text="Its sent posts.")

    def get_missions(self, campaign) -> list[str]:
        return sorted(mission.slug for mission in campaign.missions.all())

    @extend_schema_field({
        "type": "object", "required": SocialPost.Status.values,
        "properties": {status: {"type": "integer", "minimum": 0} for status in SocialPost.Status.values},
    })
    def get_rollout(self, campaign) -> dict[str, int]:
        return self.context["rollout"][campaign.pk]

    def get_posts_url(self, campaign) -> str:
        return self.context["request"].build_absolute_uri(f"/api/v1/social/posts/?campaign={campaign.slug}")

