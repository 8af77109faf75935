from django.conf import settings
from django.urls import path
from drf_spectacular.views import SpectacularSwaggerView
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from .analytics.views import AnalyticsHitView
from .assets import views as assets
from .feeds.views import MissionFeedView
from .index import ApiIndexView
from .missions.views import MissionViewSet
from .pages import views as pages
from .schema_view import SchemaView
from .press import accounts as press_accounts
from .press import briefings as press_briefings
from .press import press_kits
from .press import releases as press_releases
from .preview.views import PreviewView
from .search import views as search
from .social import views as social
from .webhooks.views import WebhookViewSet

# Wagtail's stock API, mounted only for side-by-side benchmarks: it has no notion of the hub's
# public-content rules (e.g. expiry before the scheduler runs), so it is never on in production.
wagtail_v2 = WagtailAPIRouter("wagtailapi")
wagtail_v2.register_endpoint("pages", PagesAPIViewSet)

v1 = [
    path("missions/", MissionViewSet.as_view({"get": "list"}), name="mission-list"),
    path("missions/<slug:slug>/", MissionViewSet.as_view({"get": "retrieve"}), name="mission-detail"),
    path("missions/<slug:slug>/social/posts/", social.MissionSocialPostListView.as_view(),
         name="mission-social-post-list"),
    path("pages/", pages.PageListView.as_view(keep_answers=True), name="page-list"),
    path("pages/find/", pages.PageFindView.as_view(keep_answers=True), name="page-find"),
    path("pages/<int:pk>/", pages.PageDetailView.as_view(keep_answers=True), name="page-detail"),
    path(
        "pages/<int:pk>/social/<str:platform>/",
        pages.SocialPayloadView.as_view(keep_answers=True),
        name="page-social",
    ),
    path("pages/<int:pk>/related/", search.RelatedView.as_view(), name="page-related"),
    path("search/", search.SearchView.as_view(), name="search"),
    path("search/autocomplete/", search.AutocompleteView.as_view(), name="search-autocomplete"),
    path("events/", pages.EventListView.as_view(), name="event-list"),
    path("consular-notices/", pages.ConsularNoticeListView.as_view(), name="consular-notice-list"),
    path("images/", assets.ImageListView.as_view(), name="image-list"),
    path("images/search/", assets.ImageSearchView.as_view(), name="image-search"),
    path("images/<int:pk>/", assets.ImageDetailView.as_view(), name="image-detail"),
    path("images/<int:pk>/usage/", assets.ImageUsageView.as_view(), name="image-usage"),
    path("documents/", assets.DocumentListView.as_view(), name="document-list"),
    path("documents/search/", assets.DocumentSearchView.as_view(), name="document-search"),
    path("documents/<int:pk>/", assets.DocumentDetailView.as_view(), name="document-detail"),
    path("documents/<int:pk>/usage/", assets.DocumentUsageView.as_view(), name="document-usage"),
    path(
        "feeds/<slug:mission>/<str:locale>/<str:feed_format>/",
        MissionFeedView.as_view(),
        name="mission-feed",
    ),
    # Social publishing (docs/social.md): campaigns and the posts sent, only while their page is public.
    path("social/campaigns/", social.CampaignListView.as_view(), name="social-campaign-list"),
    path("social/campaigns/<slug:slug>/", social.CampaignDetailView.as_view(), name="social-campaign-detail"),
    path("social/posts/", social.SocialPostListView.as_view(), name="social-post-list"),
    # The press centre (docs/press-centre.md): journalists' self-service, personal, never cached.
    path("press/journalists/", press_accounts.JournalistRegisterView.as_view(), name="press-journalist-register"),
    path("press/journalists/me/", press_accounts.JournalistMeView.as_view(), name="press-journalist-me"),
    path("press/briefings/", press_briefings.BriefingListView.as_view(), name="press-briefing-list"),
    path("press/briefings/calendar.ics", press_briefings.BriefingCalendarView.as_view(), name="press-briefing-calendar"),
    path("press/briefings/<int:pk>/", press_briefings.BriefingDetailView.as_view(), name="press-briefing-detail"),
    path("press/kits/<int:pk>/", press_kits.PressKitDownloadView.as_view(), name="press-kit-download"),
    # The press centre: public releases for everyone; embargoed ones only with a journalist token (never cached).
    path("press/releases/", press_releases.PressReleaseListView.as_view(), name="press-release-list"),
    path("press/releases/<int:pk>/", press_releases.PressReleaseDetailView.as_view(), name="press-release-detail"),
    # Analytics (docs/analytics.md): the beacon's reads of public pages, anonymous, never cached.
    path("analytics/hit", AnalyticsHitView.as_view(), name="analytics-hit"),
    # Consumers with a key (never cached): draft previews and webhook registration.
    path("preview/<str:token>/", PreviewView.as_view(), name="preview-detail"),
    path("webhooks/", WebhookViewSet.as_view({"get": "list", "post": "create"}), name="webhook-list"),
    path(
        "webhooks/<int:pk>/",
        WebhookViewSet.as_view({"get": "retrieve", "delete": "destroy"}),
        name="webhook-detail",
    ),
]

urlpatterns = [
    path("v1/", ApiIndexView.as_view(endpoints=tuple(v1)), name="api-index"),
    path("v1/schema/", SchemaView.as_view(), name="api-schema"),
    path("v1/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    *[path(f"v1/{pattern.pattern}", pattern.callback, name=pattern.name) for pattern in v1],
] + ([path("v2/", wagtail_v2.urls)] if settings.HUB_WAGTAIL_API_V2 else [])
