"""URLs of the reference site outside Wagtail's page tree (language-prefixed, before Wagtail's catch-all)."""

from django.urls import path

from . import press_releases, views

urlpatterns = [
    # The press area (before the mission routes: "press" is not a mission).
    path("press/releases/", press_releases.press_releases, name="press_releases"),
    path("press/releases/<int:page_id>/", press_releases.press_release_detail, name="press_release_detail"),
    path("<slug:mission_slug>/search/", views.mission_search, name="mission_search"),
    path("<slug:mission_slug>/topics/<str:topic_slug>/", views.mission_topic, name="mission_topic"),
    path("<slug:mission_slug>/sitemap.xml", views.mission_sitemap, name="mission_sitemap"),
]
