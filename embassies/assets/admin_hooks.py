"""Admin wiring for the asset library (imported by embassies/wagtail_hooks.py): the sharing-aware permission policy,
the image and document views mounted over Wagtail's paths, and the HQ report of assets used against their rights."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from hub.isolation import admin_object_kind

from . import views
from .permissions import register_asset_permission_policies
from .rules import page_asset_warnings
from .selectors import documents_choosable_by, images_choosable_by

register_asset_permission_policies()


@hooks.register("register_admin_urls", order=-2)
def register_asset_admin_urls():
    """Mounted before Wagtail's own image and document URLs, which they shadow (same paths, Wagtail's names)."""
    return [
        path("images/", views.ImageIndexView.as_view()),
        path("images/results/", views.ImageIndexView.as_view(results_only=True)),
        path("images/<int:image_id>/", views.ImageEditView.as_view()),
        path("images/<int:image_id>/delete/", views.ImageDeleteView.as_view()),
        path("images/usage/<int:image_id>/", views.ImageUsageView.as_view()),
        path("documents/", views.DocumentIndexView.as_view()),
        path("documents/results/", views.DocumentIndexView.as_view(results_only=True)),
        path("documents/edit/<int:document_id>/", views.DocumentEditView.as_view()),
        path("documents/delete/<int:document_id>/", views.DocumentDeleteView.as_view()),
        path("documents/usage/<int:document_id>/", views.DocumentUsageView.as_view()),
        path("reports/assets-in-use/", views.AssetsFlaggedInUseView.as_view(), name="embassies_assets_flagged"),
        path(
            "reports/assets-in-use/results/",
            views.AssetsFlaggedInUseView.as_view(results_only=True),
            name="embassies_assets_flagged_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_assets_flagged_menu_item():
    return MenuItem(
        _("Assets with expired or restricted rights in use"), reverse("embassies_assets_flagged"), icon_name="warning", order=9300
    )


@hooks.register("before_edit_page")
def flag_assets_used_against_their_rights(request, page):
    """The page editor flags assets the page already uses whose rights expired or whose licence does not allow it."""
    if request.method == "GET":
        for warning in page_asset_warnings(page=page.specific):
            messages.warning(request, warning)


@admin_object_kind("image")
def _visible_images(*, user, ids):
    """Admin URLs naming an image answer only staff who may choose it (own collections, or shared)."""
    return set(images_choosable_by(user=user).filter(pk__in=ids).values_list("pk", flat=True))


@admin_object_kind("document")
def _visible_documents(*, user, ids):
    """Admin URLs naming a document answer only staff who may choose it (own collections, or shared)."""
    return set(documents_choosable_by(user=user).filter(pk__in=ids).values_list("pk", flat=True))

