"""JSON for images and documents: provenance and licence always, rendition URLs for every named size."""

from functools import cache

from rest_framework import serializers
from wagtail.images.models import Filter

from embassies.models import HubDocument, HubImage
from embassies.renditions import SOCIAL_SIZES, WEB_WIDTHS, all_filter_specs, web_filter_spec


def absolute_url(request, url: str) -> str:
    return request.build_absolute_uri(url) if request is not None else url


@cache
def rendition_filters() -> tuple[Filter, ...]:
    """The Filter of every named size, parsed once per process: Wagtail parses a spec string (with `inspect`)
    each time it is given one, which cost more than the rest of an image's JSON."""
    return tuple(Filter(spec=spec) for spec in all_filter_specs())


def image_json(image: HubImage, *, request) -> dict:
    """An image with its credit, licence and renditions (one batched lookup per image)."""
    renditions = image.get_renditions(*rendition_filters())
    web = []
    for width in WEB_WIDTHS:
        rendition = renditions[web_filter_spec(width)]
        if not web or rendition.width > web[-1]["width"]:
            web.append({"url": absolute_url(request, rendition.url), "width": rendition.width, "height": rendition.height})
    social = {
        name: {
            "url": absolute_url(request, renditions[spec].url),
            "width": renditions[spec].width,
            "height": renditions[spec].height,
        }
        for name, spec in SOCIAL_SIZES.items()
    }
    return {
        "id": image.pk,
        "title": image.title,
        "alt": image.default_alt_text,
        "caption": image.caption,
        "credit": image.credit,
        "licence": image.licence,
        "licence_notes": image.licence_notes,
        "source_mission": image.source_mission.slug if image.source_mission_id else None,
        "width": image.width,
        "height": image.height,
        "focal_point": (
            {"x": image.focal_point_x, "y": image.focal_point_y, "width": image.focal_point_width, "height": image.focal_point_height}
            if image.has_focal_point()
            else None
        ),
        "web": web,
        "srcset": ", ".join(f"{item['url']} {item['width']}w" for item in web),
        "social": social,
    }


def document_json(document: HubDocument, *, request) -> dict:
    return {
        "id": document.pk,
        "title": document.title,
        "url": absolute_url(request, document.url),
        "file_extension": document.file_extension,
        "file_size": document.get_file_size(),
        "credit": document.credit,
        "licence": document.licence,
        "licence_notes": document.licence_notes,
        "source_mission": document.source_mission.slug if document.source_mission_id else None,
    }


class RenditionSerializer(serializers.Serializer):
    url = serializers.URLField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()


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
