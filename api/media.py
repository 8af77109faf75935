"""Schema classes of images and documents, shared by every resource that shows them (pages, assets, search);
their JSON is built by `embassies.presentation.assets`."""

from rest_framework import serializers

from embassies.presentation.assets import document_json, image_json


class RenditionFormatsSerializer(serializers.Serializer):
    webp = serializers.URLField(required=False, help_text="The same size as WebP.")
    avif = serializers.URLField(required=False, help_text="The same size as AVIF.")


class RenditionSerializer(serializers.Serializer):
    url = serializers.URLField(help_text="In the original's format (JPEG, PNG…).")
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    formats = RenditionFormatsSerializer(help_text="The same size in modern formats, for <picture> sources.")


class SocialRenditionsSerializer(serializers.Serializer):
    og = RenditionSerializer(help_text="1200×630 (Open Graph, Facebook, LinkedIn)")
    square = RenditionSerializer(help_text="1080×1080")
    x = RenditionSerializer(help_text="1600×900")
    story = RenditionSerializer(help_text="1080×1920")


class ImageSerializer(serializers.Serializer):
    """An image with provenance, licence and renditions (web widths for srcset, social crops)."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    alt = serializers.CharField()
    caption = serializers.CharField()
    credit = serializers.CharField()
    licence = serializers.CharField()
    licence_notes = serializers.CharField()
    source_mission = serializers.CharField(allow_null=True)
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    focal_point = serializers.DictField(allow_null=True)
    web = RenditionSerializer(many=True)
    srcset = serializers.CharField()
    srcset_formats = serializers.DictField(
        child=serializers.CharField(), help_text="srcset per modern format (webp, avif), for <picture> sources."
    )
    social = SocialRenditionsSerializer()

    def to_representation(self, image):
        return image_json(image, request=self.context.get("request"))


class DocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.URLField()
    file_extension = serializers.CharField()
    file_size = serializers.IntegerField(allow_null=True)
    credit = serializers.CharField()
    licence = serializers.CharField()
    licence_notes = serializers.CharField()
    source_mission = serializers.CharField(allow_null=True)

    def to_representation(self, document):
        return document_json(document, request=self.context.get("request"))
