from rest_framework import serializers

from hub.models import Mission, MissionSocialAccount


class SocialAccountSerializer(serializers.ModelSerializer):
    class Meta:
        model = MissionSocialAccount
        fields = ["platform", "handle", "language_code", "url"]


class MissionSerializer(serializers.ModelSerializer):
    region = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    names = serializers.SerializerMethodField()
    locales = serializers.ListField(source="language_codes", child=serializers.CharField(), read_only=True)
    contact = serializers.SerializerMethodField()
    social_accounts = SocialAccountSerializer(many=True, read_only=True)

    class Meta:
        model = Mission
        fields = [
            "slug", "name", "names", "kind", "country", "city", "region", "timezone",
            "default_language_code", "locales", "contact", "social_accounts",
        ]

    def get_names(self, mission: Mission) -> dict[str, str]:
        return {localised.language_code: localised.name for localised in mission.names.all()}

    def get_contact(self, mission: Mission) -> dict[str, str]:
        return {
            "email": mission.email,
            "phone": mission.phone,
            "emergency_phone": mission.emergency_phone,
            "address": mission.address,
            "website": mission.website,
        }
