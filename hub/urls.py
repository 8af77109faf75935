from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.images.views.serve import ServeView

from api import urls as api_urls
from embassies.assets.views import AltTextCheckedWorkflowActionView
from frontend_templates import urls as site_urls
from hub import isolation
from search.assets import chooser as asset_chooser

urlpatterns = [
    # Mission isolation: these shadow Wagtail's explorer and chooser browse URLs (same names).
    path("admin/pages/<int:parent_page_id>/", isolation.explorer_index, name="wagtailadmin_explore"),
    path(
        "admin/pages/<int:parent_page_id>/results/",
        isolation.explorer_index_results,
        name="wagtailadmin_explore_results",
    ),
    path("admin/choose-page/<int:parent_page_id>/", isolation.page_chooser_browse, name="wagtailadmin_choose_page_child"),
    # Asset rules: approving in review is refused while an image lacks alt text (shadows Wagtail's workflow action).
    path(
        "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        AltTextCheckedWorkflowActionView.as_view(),
    ),
    # The image and document choosers search with the asset search (search/assets/chooser.py).
    path("admin/images/chooser/", asset_chooser.image_chooser.choose_view, name="hub_image_chooser"),
    path("admin/images/chooser/results/", asset_chooser.image_chooser.choose_results_view, name="hub_image_chooser_results"),
    path("admin/documents/chooser/", asset_chooser.document_chooser.choose_view, name="hub_document_chooser"),
    path(
        "admin/documents/chooser/results/",
        asset_chooser.document_chooser.choose_results_view,
        name="hub_document_chooser_results",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Signed URLs of renditions the background task has not made yet: made on first fetch, then a redirect.
    re_path(r"^images/([^/]*)/(\d*)/([^/]*)/[^/]*$", ServeView.as_view(action="redirect"), name="wagtailimages_serve"),
    path("api/", include(api_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include(site_urls)), path("", include(wagtail_urls)), prefix_default_language=True
)
