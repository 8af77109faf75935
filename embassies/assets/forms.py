"""Admin forms for the hub's images and documents (wired in through WAGTAILIMAGES_IMAGE_FORM_BASE and
WAGTAILDOCS_DOCUMENT_FORM_BASE, so the single and multiple upload views both use them)."""

from django import forms
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .duplicates import NearDuplicate, near_duplicates_for, perceptual_hash_of_file
from .uploads import HubDocumentField, HubImageField


def _apply_upload_rules(form, field_class) -> None:
    """Swap in the hub's file field, and let fields the model can default be omitted: Wagtail's multiple uploader
    sends only the title and collection, and an upload must not wait on metadata that has a sensible default."""
    if "file" in form.fields:
        current = form.fields["file"]
        form.fields["file"] = field_class(label=current.label, required=current.required, widget=current.widget)
    for model_field in form._meta.model._meta.concrete_fields:
        if model_field.has_default() and model_field.name in form.fields:
            form.fields[model_field.name].required = False


class HubImageForm(BaseImageForm):
    """The image add/edit form: the hub's upload rules on the file, and a warning step when the upload looks like
    an image the editor could reuse (their mission's, or one shared network-wide)."""

    # The multiple uploader shows near-duplicates in its own list instead (embassies.assets.upload_views).
    near_duplicate_check = True

    def __init__(self, *args, **kwargs):
        self.user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        _apply_upload_rules(self, HubImageField)
        self.near_duplicates: list[NearDuplicate] = []
        self.uploaded_perceptual_hash = ""
        if self.near_duplicate_check and "file" in self.fields and not self.instance.pk:
            # Hidden until a near-duplicate is found; then shown as a checkbox beside the warning.
            self.fields["upload_anyway"] = forms.BooleanField(
                label=gettext_lazy("Upload anyway"),
                required=False,
                widget=forms.HiddenInput,
                help_text=gettext_lazy(
                    "Tick this (and choose the file again) to add the image even though it looks like one the "
                    "network already has."
                ),
            )
            names = list(self.fields)
            self.order_fields(names[: names.index("file") + 1] + ["upload_anyway"])

    def clean(self):
        cleaned_data = super().clean()
        upload = cleaned_data.get("file")
        if "file" not in self.changed_data or not upload or self.errors:
            return cleaned_data
        self.uploaded_perceptual_hash = perceptual_hash_of_file(upload)
        if "upload_anyway" in self.fields and not cleaned_data.get("upload_anyway") and self.user is not None:
            self.near_duplicates = near_duplicates_for(perceptual_hash=self.uploaded_perceptual_hash, user=self.user)
            if self.near_duplicates:
                self.fields["upload_anyway"].widget = forms.CheckboxInput()
                self.add_error("upload_anyway", self._near_duplicates_message())
        return cleaned_data

    def _near_duplicates_message(self):
        lines = [self._near_duplicate_html(duplicate) for duplicate in self.near_duplicates]
        lines.append(_("Reuse it instead, or tick “Upload anyway” and choose the file again."))
        return format_html_join(mark_safe("<br>"), "{}", ((line,) for line in lines))

    def _near_duplicate_html(self, duplicate: NearDuplicate):
        text = _("This looks like “%(title)s” from %(mission)s — reuse it?") % {
            "title": duplicate.image.title,
            "mission": duplicate.mission_name,
        }
        if self.permission_policy.user_has_permission_for_instance(self.user, "change", duplicate.image):
            return format_html('<a href="{}">{}</a>', reverse("wagtailimages:edit", args=[duplicate.image.pk]), text)
        return format_html("{} {}", text, _("(insert it with the image chooser)"))

    def save(self, commit=True):
        if "file" in self.changed_data:
            self.instance.perceptual_hash = self.uploaded_perceptual_hash or perceptual_hash_of_file(
                self.cleaned_data["file"]
            )
        return super().save(commit=commit)


class HubDocumentForm(BaseDocumentForm):
    """The document add/edit form, with the hub's content check on the file."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _apply_upload_rules(self, HubDocumentField)
