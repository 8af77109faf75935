"""The social publishing admin's own URLs (mounted under /admin/ by social.wagtail_hooks)."""

from django.urls import path

from . import admin_accounts, admin_calendar, admin_campaigns, admin_failures

urlpatterns = [
    path("social/accounts/", admin_accounts.AccountListView.as_view(), name="social_accounts"),
    path("social/accounts/<int:account_id>/connect/", admin_accounts.ConnectView.as_view(), name="social_account_connect"),
    path("social/accounts/<int:account_id>/disconnect/", admin_accounts.DisconnectView.as_view(),
         name="social_account_disconnect"),
    path("social/oauth/callback/", admin_accounts.oauth_callback, name="social_oauth_callback"),
    path("social/failures/", admin_failures.FailureListView.as_view(), name="social_failures"),
    path("social/posts/<int:post_id>/retry/", admin_failures.retry_post, name="social_post_retry"),
    path("social/calendar/", admin_calendar.CalendarView.as_view(), name="social_calendar"),
    path("social/posts/<int:post_id>/reschedule/", admin_calendar.RescheduleView.as_view(), name="social_post_reschedule"),
    path("social/campaigns/<int:campaign_id>/rollout/", admin_campaigns.RolloutView.as_view(),
         name="social_campaign_rollout"),
]
