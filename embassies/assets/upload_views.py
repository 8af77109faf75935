"""The multiple image uploader with near-duplicate warnings, mounted over Wagtail's own paths
(embassies/assets/upload_hooks.py)."""

from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.images.views import multiple

from .duplicates import near_duplicates_for, perceptual_hash_of_file


class MultipleImageAddView(multiple.AddView):
    """Wagtail's uploader, warning about images that look like (not only are byte-identical to) each upload.

    Candidates come from ``images_choosable_by``: the editor's mission's images plus network-shared ones. The
    warning reuses Wagtail's exact-duplicate box, so its script offers "reuse" (delete the new upload) or "keep"."""

    def get_upload_form_class(self):
        form_class = super().get_upload_form_class()
        return type(form_class.__name__, (form_class,), {"near_duplicate_check": False})

    def get_edit_object_response_data(self):
        data = super(multiple.AddView, self).get_edit_object_response_data()
        delete_action = reverse(self.delete_object_url_name, args=(self.object.pk,))
        return self._with_near_duplicates(
            data,
            perceptual_hash=self.object.perceptual_hash,
            file_hash=self.object.file_hash,
            exclude_pk=self.object.pk,
            delete_action=delete_action,
        )

    def get_edit_upload_response_data(self):
        """An upload still waiting for required metadata (kept as an UploadedFile) is checked the same way."""
        data = super().get_edit_upload_response_data()
        delete_action = reverse(self.delete_upload_url_name, args=(self.upload_object.pk,))
        with self.upload_object.file.open("rb") as f:
            uploaded_hash = perceptual_hash_of_file(f)
        return self._with_near_duplicates(data, perceptual_hash=uploaded_hash, delete_action=delete_action)

    def _with_near_duplicates(self, data, *, perceptual_hash, delete_action, file_hash="", exclude_pk=None):
        duplicates = near_duplicates_for(
            perceptual_hash=perceptual_hash, file_hash=file_hash, user=self.request.user, exclude_pk=exclude_pk
        )
        data["duplicate"] = bool(duplicates)
        if not duplicates:
            return data
        for duplicate in duplicates:
            may_change = self.permission_policy.user_has_permission_for_instance(
                self.request.user, "change", duplicate.image
            )
            duplicate.edit_url = reverse("wagtailimages:edit", args=[duplicate.image.pk]) if may_change else ""
        data["confirm_duplicate_upload"] = render_to_string(
            "embassies/assets/confirm_near_duplicate_upload.html",
            {"near_duplicates": duplicates, "delete_action": delete_action},
            request=self.request,
        )
        return data


class CreateFromUploadedImageView(multiple.CreateFromUploadedImageView):
    """Turns a held upload into an image, recording its perceptual hash (the form never sees the file here)."""

    def save_object(self, form):
        self.upload.file.open("rb")
        try:
            self.object.perceptual_hash = perceptual_hash_of_file(self.upload.file)
            super().save_object(form)
        finally:
            self.upload.file.close()
