"""Admin wiring for safe uploads (imported by embassies/wagtail_hooks.py): the multiple image uploader with
near-duplicate warnings, mounted before Wagtail's own URLs of the same paths."""

from django.urls import path
from wagtail import hooks

from . import upload_views


@hooks.register("register_admin_urls", order=-2)
def register_upload_admin_urls():
    return [
        path("images/multiple/add/", upload_views.MultipleImageAddView.as_view()),
        path(
            "images/multiple/create_from_uploaded_image/<int:uploaded_file_id>/",
            upload_views.CreateFromUploadedImageView.as_view(),
        ),
    ]
