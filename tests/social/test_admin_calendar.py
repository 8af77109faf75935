"""The content calendar and its reschedule form, over HTTP, in the mission's timezone: Paris's spring-forward night
(02:30 does not exist on 28 March 2027) and its fall-back night (02:30 happens twice on 31 October 2027)."""

from datetime import datetime, timezone as dt_timezone

import pytest
import time_machine

from social.models import Campaign, SocialPost

pytestmark = pytest.mark.django_db
UTC = dt_timezone.utc
CALENDAR = "/admin/social/calendar/"


@pytest.fixture
def clock():
    with time_machine.travel(datetime(2027, 3, 20, 9, 0, tzinfo=UTC), tick=False) as traveller:
        yield traveller


@pytest.fixture
def scheduled(paris_page, paris_telegram, clock):
    return SocialPost.objects.create(page=paris_page, account=paris_telegram, text="Bonjour",
                                     status=SocialPost.Status.SCHEDULED, send_mode=SocialPost.SendMode.AT_TIME,
                                     send_at=datetime(2027, 3, 25, 8, 0, tzinfo=UTC))


def reschedule_url(post):
    return f"/admin/social/posts/{post.pk}/reschedule/"


def test_form_shows_the_time_in_the_missions_zone(client, staff, scheduled):
    client.force_login(staff["paris_editor"])
    page = client.get(reschedule_url(scheduled)).content.decode()
    assert 'value="2027-03-25T09:00"' in page and "Europe/Paris" in page


def test_a_time_the_clocks_skip_is_refused_with_a_clear_error(client, staff, scheduled):
    client.force_login(staff["paris_editor"])
    response = client.post(reschedule_url(scheduled), {"send_at": "2027-03-28T02:30"})
    assert response.status_code == 400
    assert "02:30 does not exist on 28 March 2027 in Europe/Paris" in response.content.decode()
    scheduled.refresh_from_db()
    assert scheduled.send_at == datetime(2027, 3, 25, 8, 0, tzinfo=UTC)  # nothing half-saved


@pytest.mark.parametrize(("local", "utc"), [
    ("2027-03-28T01:30", datetime(2027, 3, 28, 0, 30, tzinfo=UTC)),  # still winter time (UTC+1)
    ("2027-03-28T03:30", datetime(2027, 3, 28, 1, 30, tzinfo=UTC)),  # summer time already (UTC+2)
    ("2027-10-31T02:30", datetime(2027, 10, 31, 0, 30, tzinfo=UTC)),  # twice that night: the first, in summer time
    ("2027-10-31T03:30", datetime(2027, 10, 31, 2, 30, tzinfo=UTC)),  # winter time again
])
def test_reschedule_stores_utc_across_the_dst_change(client, staff, scheduled, local, utc):
    client.force_login(staff["paris_editor"])
    response = client.post(reschedule_url(scheduled), {"send_at": local})
    assert response.status_code == 302 and response["Location"] == CALENDAR
    scheduled.refresh_from_db()
    assert scheduled.send_at == utc and scheduled.status == "scheduled" and scheduled.send_mode == "at_time"


def test_the_calendar_places_the_post_on_its_local_day_and_time(client, staff, scheduled):
    client.force_login(staff["paris_editor"])
    client.post(reschedule_url(scheduled), {"send_at": "2027-03-28T00:30"})  # 23:30 UTC on the 27th
    week = client.get(CALENDAR, {"view": "week", "start": "2027-03-24"}).content.decode()
    sunday = week.split('data-day="2027-03-28"')[1].split("</section>")[0]
    assert f'data-post="{scheduled.pk}"' in sunday and ">00:30</time>" in sunday
    saturday = week.split('data-day="2027-03-27"')[1].split("</section>")[0]
    assert f'data-post="{scheduled.pk}"' not in saturday
    month = client.get(CALENDAR, {"view": "month", "start": "2027-03-01"}).content.decode()
    assert 'data-day="2027-03-31"' in month and f'data-post="{scheduled.pk}"' in month


def test_past_times_and_sent_or_cancelled_posts_are_refused(client, staff, scheduled):
    client.force_login(staff["paris_editor"])
    past = client.post(reschedule_url(scheduled), {"send_at": "2027-03-19T10:00"})
    assert past.status_code == 400 and "Choose a time in the future." in past.content.decode()
    assert client.post(reschedule_url(scheduled), {"send_at": "not a date"}).status_code == 400
    for status in ("sent", "cancelled"):
        SocialPost.objects.filter(pk=scheduled.pk).update(status=status)
        refused = client.post(reschedule_url(scheduled), {"send_at": "2027-04-01T10:00"})
        assert refused.status_code == 400 and "cannot be rescheduled" in refused.content.decode()
    scheduled.refresh_from_db()
    assert scheduled.send_at == datetime(2027, 3, 25, 8, 0, tzinfo=UTC)


def test_filters_and_isolation(client, staff, scheduled, hanoi):
    campaign = Campaign.objects.create(name="Francophonie", slug="francophonie")
    client.force_login(staff["paris_editor"])
    week = {"view": "week", "start": "2027-03-22"}
    assert f'data-post="{scheduled.pk}"' in client.get(CALENDAR, week).content.decode()
    for narrowing in ({"platform": "x"}, {"language": "vi"}, {"campaign": campaign.slug}, {"status": "sent"}):
        assert f'data-post="{scheduled.pk}"' not in client.get(CALENDAR, week | narrowing).content.decode()
    SocialPost.objects.filter(pk=scheduled.pk).update(campaign=campaign)
    assert f'data-post="{scheduled.pk}"' in client.get(CALENDAR, week | {"campaign": campaign.slug}).content.decode()

    client.force_login(staff["hanoi_editor"])
    assert f'data-post="{scheduled.pk}"' not in client.get(CALENDAR, week).content.decode()
    assert client.get(reschedule_url(scheduled)).status_code == 404
    assert client.post(reschedule_url(scheduled), {"send_at": "2027-04-01T10:00"}).status_code == 404

    client.force_login(staff["hq_admin"])
    network = client.get(CALENDAR, week).content.decode()
    assert f'data-post="{scheduled.pk}"' in network
    assert f'data-post="{scheduled.pk}"' not in client.get(CALENDAR, week | {"mission": "hanoi"}).content.decode()
