"""Posts are approved with their page: drafts become approved (with the page) or scheduled (at their time)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from social.models import SocialPost
from social.services import approve_with_page

pytestmark = pytest.mark.django_db


def test_drafts_are_approved_with_the_page(paris_telegram, paris_page):
    with_page = SocialPost.objects.create(page=paris_page, account=paris_telegram, text="a")
    timed = SocialPost.objects.create(page=paris_page, account=paris_telegram, text="b",
                                      send_mode=SocialPost.SendMode.AT_TIME, send_at=timezone.now() + timedelta(days=1))
    failed = SocialPost.objects.create(page=paris_page, account=paris_telegram, text="c",
                                       status=SocialPost.Status.FAILED)
    assert approve_with_page(paris_page) == 2
    statuses = dict(SocialPost.objects.values_list("pk", "status"))
    assert statuses == {with_page.pk: "approved", timed.pk: "scheduled", failed.pk: "failed"}
