"""URLs of the reference site outside Wagtail's page tree (language-prefixed, before Wagtail's catch-all)."""

from django.urls import path, register_converter


class DatabaseId:
    """A row id: at most ten digits, so a longer number is a 404 here rather than an overflow in the database."""

    regex = "[0-9]{1,10}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(DatabaseId, "id")

from . import press_accounts, press_briefings, press_kits, press_releases, views

# The press area (docs/press-centre.md), before the mission routes so "press" is never taken for a mission slug.
press_accounts_urls = [
    path("press/", press_accounts.status, name="press_status"),
    path("press/register/", press_accounts.register, name="press_register"),
    path("press/verify/<str:token>/", press_accounts.verify, name="press_verify"),
    path("press/login/", press_accounts.sign_in, name="press_sign_in"),
    path("press/logout/", press_accounts.sign_out, name="press_sign_out"),
    path("press/password-reset/", press_accounts.password_reset, name="press_password_reset"),
    path("press/password-reset/sent/", press_accounts.password_reset_done, name="press_password_reset_done"),
    path(
        "press/password-reset/<uidb64>/<token>/", press_accounts.password_reset_confirm,
        name="press_password_reset_confirm",
    ),
    path("press/password-reset/done/", press_accounts.password_reset_complete, name="press_password_reset_complete"),
    path("press/tokens/", press_accounts.token_create, name="press_token_create"),
    path("press/tokens/<id:pk>/revoke/", press_accounts.token_revoke, name="press_token_revoke"),
    path("press/renew/", press_accounts.renew, name="press_renew"),
    path("press/two-factor/", press_accounts.two_factor, name="press_two_factor"),
    path("press/my-data/", press_accounts.data_export, name="press_data_export"),
    path("press/my-data/delete/", press_accounts.data_delete, name="press_data_delete"),
]

urlpatterns = [
    *press_accounts_urls,
    path("press/briefings/<id:briefing_id>/", press_briefings.press_briefing, name="press_briefing"),
    path(
        "press/briefings/<slug:mission_slug>.ics",
        press_briefings.press_briefings_calendar,
        name="press_briefings_calendar",
    ),
    path("press/releases/", press_releases.press_releases, name="press_releases"),
    path("press/releases/<id:page_id>/", press_releases.press_release_detail, name="press_release_detail"),
    path("press/kits/<id:page_id>.zip", press_kits.press_kit_download, name="press_kit_download"),
    path("<slug:mission_slug>/search/", views.mission_search, name="mission_search"),
    path("<slug:mission_slug>/topics/<str:topic_slug>/", views.mission_topic, name="mission_topic"),
    path("<slug:mission_slug>/sitemap.xml", views.mission_sitemap, name="mission_sitemap"),
]
