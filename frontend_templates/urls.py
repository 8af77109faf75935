"""URLs of the reference site outside Wagtail's page tree (language-prefixed, before Wagtail's catch-all)."""

from django.urls import path

from . import views

urlpatterns = [
    path("<slug:mission_slug>/search/", views.mission_search, name="mission_search"),
    path("<slug:mission_slug>/topics/<str:topic_slug>/", views.mission_topic, name="mission_topic"),
    path("<slug:mission_slug>/sitemap.xml", views.mission_sitemap, name="mission_sitemap"),
]
