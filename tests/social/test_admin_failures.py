"""Failed posts in the admin, over HTTP: the platform's message, attempts, filters for HQ, isolation, and Retry
re-queueing a post that the delivery task then sends to the Telegram fake."""

import pytest

from embassies import factories
from hub.models import MissionSocialAccount
from social import tasks
from social.models import SocialPost

pytestmark = pytest.mark.django_db

FAILURES = "/admin/social/failures/"


def failed(page, account, **fields):
    return SocialPost.objects.create(page=page, account=account, text="Bonjour", status=SocialPost.Status.FAILED,
                                     attempts=3, last_error="Bad Request: chat not found", **fields)


def retry_url(post):
    return f"/admin/social/posts/{post.pk}/retry/"


def test_the_missions_editor_sees_the_platforms_message_and_retry_sends_it(client, staff, paris_page, paris_telegram,
                                                                           telegram):
    post = failed(paris_page, paris_telegram)
    client.force_login(staff["paris_editor"])
    page = client.get(FAILURES).content.decode()
    assert f'data-post="{post.pk}"' in page and "Bad Request: chat not found" in page and retry_url(post) in page

    response = client.post(retry_url(post))
    assert response.status_code == 302 and response["Location"] == FAILURES
    post.refresh_from_db()
    assert post.status == "approved" and post.attempts == 0 and post.next_attempt_at is None
    assert f'data-post="{post.pk}"' not in client.get(FAILURES).content.decode()

    tasks.deliver_due_posts.enqueue()  # the test settings run tasks at once, as the worker would
    post.refresh_from_db()
    assert post.status == "sent" and list(telegram.posts) == [post.platform_id]


def test_another_missions_editor_neither_sees_nor_retries(client, staff, paris_page, paris_telegram):
    post = failed(paris_page, paris_telegram)
    client.force_login(staff["hanoi_editor"])
    assert "chat not found" not in client.get(FAILURES).content.decode()
    assert client.post(retry_url(post)).status_code == 404
    post.refresh_from_db()
    assert post.status == "failed"


def test_only_a_failed_post_is_retried_and_a_get_does_nothing(client, staff, paris_page, paris_telegram):
    post = failed(paris_page, paris_telegram)
    client.force_login(staff["paris_editor"])
    assert client.get(retry_url(post)).status_code == 405
    SocialPost.objects.filter(pk=post.pk).update(status=SocialPost.Status.SENT)
    response = client.post(retry_url(post), follow=True)
    assert b"Only a failed post can be retried" in response.content
    post.refresh_from_db()
    assert post.status == "sent"


def test_hq_sees_every_mission_and_filters_by_mission_and_platform(client, staff, hanoi, paris_page, paris_telegram):
    hanoi_fb = MissionSocialAccount.objects.create(mission=hanoi, platform="facebook", handle="VNinHanoi",
                                                   language_code="vi", url="https://facebook.com/VNinHanoi")
    paris_post = failed(paris_page, paris_telegram)
    hanoi_post = failed(factories.article(factories.section(hanoi), title="Tết"), hanoi_fb)
    client.force_login(staff["hq_admin"])
    both = client.get(FAILURES).content.decode()
    assert f'data-post="{paris_post.pk}"' in both and f'data-post="{hanoi_post.pk}"' in both
    only_hanoi = client.get(FAILURES, {"mission": "hanoi"}).content.decode()
    assert f'data-post="{hanoi_post.pk}"' in only_hanoi and f'data-post="{paris_post.pk}"' not in only_hanoi
    only_telegram = client.get(FAILURES, {"platform": "telegram"}).content.decode()
    assert f'data-post="{paris_post.pk}"' in only_telegram and f'data-post="{hanoi_post.pk}"' not in only_telegram
    assert client.get(FAILURES, {"mission": "nowhere"}).status_code == 200  # an unknown filter is ignored, not a 500
    assert client.post(retry_url(hanoi_post)).status_code == 302


def test_staff_of_no_mission_are_answered_404(client, staff):
    client.force_login(staff["asia_reviewer"])
    assert client.get(FAILURES).status_code == 404
