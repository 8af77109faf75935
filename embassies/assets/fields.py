"""Per-locale wording of an asset (title, alt text, caption) edited as one row per network content language."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from embassies.blocks import video_provider

TRANSLATION_KEY_LABELS = {"title": _("Title"), "alt_text": _("Alt text"), "caption": _("Caption")}
VIDEO_LINK_PROVIDERS = ("youtube", "facebook")


def validate_video_link(url: str) -> None:
    """A video link on an image must be a YouTube or Facebook video (the same patterns as the body's video block)."""
    if url and video_provider(url) not in VIDEO_LINK_PROVIDERS:
        raise ValidationError(_("Use a YouTube or Facebook video link."), code="unsupported_video_link")


def _languages() -> list[tuple[str, str]]:
    return list(settings.WAGTAIL_CONTENT_LANGUAGES)


class TranslationsWidget(forms.MultiWidget):
    """A table: one row per content language, one text input per key."""

    template_name = "embassies/assets/widgets/translations.html"

    def __init__(self, *, keys, attrs=None):
        self.keys = keys
        self.languages = _languages()
        widgets = {f"{code}_{key}": forms.TextInput() for code, _name in self.languages for key in keys}
        super().__init__(widgets, attrs)

    def decompress(self, value):
        value = value or {}
        return [(value.get(code) or {}).get(key, "") for code, _name in self.languages for key in self.keys]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        subwidgets = context["widget"]["subwidgets"]
        width = len(self.keys)
        context["widget"]["headings"] = [TRANSLATION_KEY_LABELS[key] for key in self.keys]
        context["widget"]["rows"] = [
            {"code": code, "name": name, "cells": subwidgets[index * width : (index + 1) * width]}
            for index, (code, name) in enumerate(self.languages)
        ]
        return context


class TranslationsFormField(forms.MultiValueField):
    """Cleans the table back to {language code: {key: text}}, leaving out empty cells and languages."""

    def __init__(self, *, keys, max_length=400, **kwargs):
        self.keys = keys
        self.languages = _languages()
        for json_only in ("encoder", "decoder"):
            kwargs.pop(json_only, None)
        fields = [forms.CharField(required=False, max_length=max_length) for _lang in self.languages for _key in keys]
        kwargs["required"] = False
        super().__init__(fields, widget=TranslationsWidget(keys=keys), require_all_fields=False, **kwargs)

    def compress(self, data_list):
        data_list = data_list or []
        result = {}
        for index, (code, _name) in enumerate(self.languages):
            row = {
                key: (data_list[index * len(self.keys) + offset] or "").strip()
                for offset, key in enumerate(self.keys)
                if index * len(self.keys) + offset < len(data_list)
            }
            row = {key: text for key, text in row.items() if text}
            if row:
                result[code] = row
        return result

    def has_changed(self, initial, data):
        return (initial or {}) != self.compress(data if isinstance(data, list) else self.widget.decompress(data))


class AssetTranslationsField(models.JSONField):
    """{language code: {"title": ..., "alt_text": ..., "caption": ...}}, edited through ``TranslationsFormField``."""

    def __init__(self, *args, keys=("title", "alt_text", "caption"), **kwargs):
        self.keys = tuple(keys)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["keys"] = self.keys
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": TranslationsFormField, "keys": self.keys, **kwargs})

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, dict):
            raise ValidationError(_("Per-locale wording must be an object keyed by language code."))
        enabled = {code for code, _name in _languages()}
        for code, row in value.items():
            if code not in enabled or not isinstance(row, dict) or set(row) - set(self.keys):
                raise ValidationError(
                    _("Per-locale wording for %(code)s is not valid (languages: %(enabled)s; keys: %(keys)s)."),
                    params={"code": code, "enabled": ", ".join(sorted(enabled)), "keys": ", ".join(self.keys)},
                )


class HttpsURLField(models.URLField):
    """A URL field whose form assumes `https://` for a link typed without a scheme, in every form: Wagtail's image
    forms build their fields without the admin's form-field overrides (hub/apps.py), so the model says it."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})
