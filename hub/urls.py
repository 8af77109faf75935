from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.images.views.serve import ServeView

from api import urls as api_urls
from embassies.assets.downloads import document_download
from embassies.assets.views import AltTextCheckedWorkflowActionView
from frontend_templates import urls as site_urls
from frontend_templates import views as site_views
from hub.views import PageTypesUsageReportView
from search.assets import chooser as asset_chooser

urlpatterns = [
    # These shadow Wagtail's own admin views (same paths), so they carry its admin-access check themselves;
    # hub.isolation.AdminIsolationMiddleware checks the objects they name, as for every admin URL.
    # Asset rules: approving in review is refused while an image lacks alt text.
    path(
        "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        require_admin_access(AltTextCheckedWorkflowActionView.as_view()),
    ),
    # Page types usage names each type's last edited page: only one the user may see.
    path("admin/reports/page-types-usage/", require_admin_access(PageTypesUsageReportView.as_view())),
    path(
        "admin/reports/page-types-usage/results/",
        require_admin_access(PageTypesUsageReportView.as_view(results_only=True)),
    ),
    # The image and document choosers search with the asset search (search/assets/chooser.py).
    path("admin/images/chooser/", require_admin_access(asset_chooser.image_chooser.choose_view), name="hub_image_chooser"),
    path(
        "admin/images/chooser/results/",
        require_admin_access(asset_chooser.image_chooser.choose_results_view),
        name="hub_image_chooser_results",
    ),
    path(
        "admin/documents/chooser/",
        require_admin_access(asset_chooser.document_chooser.choose_view),
        name="hub_document_chooser",
    ),
    path(
        "admin/documents/chooser/results/",
        require_admin_access(asset_chooser.document_chooser.choose_results_view),
        name="hub_document_chooser_results",
    ),
    path("admin/", include(wagtailadmin_urls)),
    # Document files through the asset rule (shadows Wagtail's serve URL, same path and arguments).
    re_path(r"^documents/(\d+)/(.*)$", document_download),
    path("documents/", include(wagtaildocs_urls)),
    # Signed URLs of renditions the background task has not made yet: made on first fetch, then a redirect.
    re_path(r"^images/([^/]*)/(\d*)/([^/]*)/[^/]*$", ServeView.as_view(action="redirect"), name="wagtailimages_serve"),
    path("api/", include(api_urls)),
    # Crawlers: not language-prefixed (each mission's sitemap is, under its own path).
    path("sitemap.xml", site_views.sitemap_index, name="sitemap_index"),
    path("robots.txt", site_views.robots_txt, name="robots_txt"),
    path("favicon.ico", site_views.favicon, name="favicon"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include(site_urls)), path("", include(wagtail_urls)), prefix_default_language=True
)
