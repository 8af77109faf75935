"""URLs of the reference site outside Wagtail's page tree (language-prefixed, before Wagtail's catch-all)."""

from django.urls import path

from . import press_briefings, views

urlpatterns = [
    # The press area (before the mission routes, which would take "press" for a mission slug).
    path("press/briefings/<int:briefing_id>/", press_briefings.press_briefing, name="press_briefing"),
    path(
        "press/briefings/<slug:mission_slug>.ics",
        press_briefings.press_briefings_calendar,
        name="press_briefings_calendar",
    ),
    path("<slug:mission_slug>/search/", views.mission_search, name="mission_search"),
    path("<slug:mission_slug>/topics/<str:topic_slug>/", views.mission_topic, name="mission_topic"),
    path("<slug:mission_slug>/sitemap.xml", views.mission_sitemap, name="mission_sitemap"),
]
