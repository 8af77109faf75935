"""GET /api/v1/social/: campaigns with their rollout, and the posts sent (only while their page is public)."""

from datetime import datetime, timedelta, timezone as dt_timezone

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone

from api import factories
from embassies import factories as content
from hub.models import MissionSocialAccount
from social import services
from social.delivery import deliver_due
from social.models import Campaign, SocialPost
from tests.social.fakes.telegram import FakeTelegram

UTC = dt_timezone.utc
POSTS = "/api/v1/social/posts/"


def account(mission, platform: str, handle: str) -> MissionSocialAccount:
    return MissionSocialAccount.objects.create(mission=mission, platform=platform, handle=handle,
                                               url=f"https://{platform}.example/{handle.lstrip('@')}")


def sent_post(page, on: MissionSocialAccount, *, at: datetime | None = None, campaign=None, **fields) -> SocialPost:
    """A post as delivery leaves it once the platform accepted it."""
    at = at or timezone.now()
    number = SocialPost.objects.count() + 1
    return SocialPost.objects.create(
        page=page, account=on, campaign=campaign, text=fields.pop("text", "Hello"),
        status=fields.pop("status", SocialPost.Status.SENT), sent_at=at, platform_id=f"p{number}",
        platform_url=f"{on.url}/posts/p{number}", **fields)


@pytest.fixture
def posted(hanoi, paris):
    """Hanoi and Paris each posted a page to two platforms, some in a campaign; and posts in every other status."""
    campaign = Campaign.objects.create(name="Climate week", slug="climate-week", hashtag="#ClimateWeek")
    campaign.missions.set([hanoi, paris])
    hanoi_page = content.article(content.section(hanoi), title="Hanoi plants trees")
    paris_page = content.article(content.section(paris), title="Paris rides bikes")
    hanoi_fb, hanoi_x = account(hanoi, "facebook", "vnembassy"), account(hanoi, "x", "@vnembassy")
    paris_x = account(paris, "x", "@frembassy")
    start = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
    posts = {
        "hanoi_fb": sent_post(hanoi_page, hanoi_fb, at=start, campaign=campaign),
        "hanoi_x": sent_post(hanoi_page, hanoi_x, at=start + timedelta(hours=1), campaign=campaign),
        "paris_x": sent_post(paris_page, paris_x, at=start + timedelta(hours=2)),
    }
    unsent = [
        sent_post(hanoi_page, hanoi_x, at=None, status=status, campaign=campaign)
        for status in SocialPost.Status.values if status != SocialPost.Status.SENT
    ]
    return {"campaign": campaign, "hanoi_page": hanoi_page, "paris_page": paris_page, "posts": posts,
            "unsent": unsent, "hanoi_fb": hanoi_fb, "paris_x": paris_x}


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content[:500]
    return [item["id"] for item in response.json()["results"]]


@pytest.mark.django_db
def test_sent_posts_are_listed_newest_first_with_account_page_and_where_they_are(client, posted, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = client.get(POSTS)

    posts = posted["posts"]
    assert ids(response) == [posts["paris_x"].pk, posts["hanoi_x"].pk, posts["hanoi_fb"].pk]
    item = response.json()["results"][2]
    page = posted["hanoi_page"]
    assert item == {
        "id": posts["hanoi_fb"].pk, "platform": "facebook",
        "account": {"handle": "vnembassy", "platform": "facebook", "mission": "hanoi", "url": "https://facebook.example/vnembassy"},
        "page": {"id": page.pk, "title": "Hanoi plants trees", "url": page.get_full_url()},
        "platform_id": posts["hanoi_fb"].platform_id, "platform_url": posts["hanoi_fb"].platform_url,
        "sent_at": "2026-05-01T08:00:00Z",
        "campaign": {"slug": "climate-week", "name": "Climate week", "hashtag": "#ClimateWeek"},
    }


@pytest.mark.django_db
def test_filters_by_mission_platform_campaign_page_and_time_sent(client, posted):
    posts = posted["posts"]
    assert ids(client.get(POSTS, {"mission": "hanoi"})) == [posts["hanoi_x"].pk, posts["hanoi_fb"].pk]
    assert ids(client.get(POSTS, {"platform": "x"})) == [posts["paris_x"].pk, posts["hanoi_x"].pk]
    assert ids(client.get(POSTS, {"campaign": "climate-week"})) == [posts["hanoi_x"].pk, posts["hanoi_fb"].pk]
    assert ids(client.get(POSTS, {"page": posted["paris_page"].pk})) == [posts["paris_x"].pk]
    window = {"sent_after": "2026-05-01T09:00:00Z", "sent_before": "2026-05-01T10:00:00Z"}
    assert ids(client.get(POSTS, window)) == [posts["hanoi_x"].pk]
    assert ids(client.get(POSTS, {"sent_after": "2026-05-01T10:00:00+02:00"})) == [
        posts["paris_x"].pk, posts["hanoi_x"].pk, posts["hanoi_fb"].pk]


@pytest.mark.django_db
@pytest.mark.parametrize("query, parameter", [
    ({"platform": "myspace"}, "platform"),
    ({"page": "abc"}, "page"),
    ({"page": "0"}, "page"),
    ({"sent_after": "yesterday"}, "sent_after"),
    ({"sent_before": "2026-13-01T00:00:00Z"}, "sent_before"),
    ({"mission": ""}, "mission"),
    ({"page_size": "1000"}, "page_size"),
    ({"status": "failed"}, "status"),
])
def test_a_bad_filter_is_a_json_400_naming_it(client, posted, query, parameter):
    response = client.get(POSTS, query)

    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    assert list(response.json()["details"]) == [parameter]


@pytest.mark.django_db
@pytest.mark.parametrize("query", [{"mission": "atlantis"}, {"campaign": "no-such-campaign"}])
def test_an_unknown_mission_or_campaign_is_a_404_naming_it(client, posted, query):
    response = client.get(POSTS, query)

    assert response.status_code == 404
    assert next(iter(query.values())) in response.json()["message"]


@pytest.mark.django_db
def test_cursor_pages_walk_every_sent_post_once(client, posted):
    seen, url = [], f"{POSTS}?page_size=2"
    while url:
        body = client.get(url).json()
        seen += [item["id"] for item in body["results"]]
        url = body["next"]
    assert seen == [posted["posts"][name].pk for name in ("paris_x", "hanoi_x", "hanoi_fb")]


@pytest.mark.django_db
def test_nothing_unsent_and_nothing_of_a_page_no_longer_public(client, posted):
    assert not set(ids(client.get(POSTS))) & {post.pk for post in posted["unsent"]}
    posted["paris_page"].unpublish()
    assert ids(client.get(POSTS)) == [posted["posts"]["hanoi_x"].pk, posted["posts"]["hanoi_fb"].pk]
    expire = timezone.now() + timedelta(hours=1)
    type(posted["hanoi_page"]).objects.filter(pk=posted["hanoi_page"].pk).update(expire_at=expire)
    with time_machine.travel(expire + timedelta(seconds=1)):
        assert ids(client.get(POSTS)) == []


@pytest.mark.django_db
def test_one_missions_posts_under_its_own_route(client, posted):
    assert ids(client.get("/api/v1/missions/paris/social/posts/")) == [posted["posts"]["paris_x"].pk]
    assert ids(client.get("/api/v1/missions/hanoi/social/posts/", {"platform": "facebook"})) == [
        posted["posts"]["hanoi_fb"].pk]
    assert client.get("/api/v1/missions/atlantis/social/posts/").status_code == 404
    refused = client.get("/api/v1/missions/hanoi/social/posts/", {"mission": "paris"})
    assert refused.status_code == 400 and list(refused.json()["details"]) == ["mission"]


@pytest.mark.django_db
def test_campaigns_list_and_detail_show_missions_and_rollout_per_status(client, posted):
    listed = client.get("/api/v1/social/campaigns/")
    assert listed.status_code == 200
    [campaign] = listed.json()["results"]
    assert campaign["slug"] == "climate-week" and campaign["missions"] == ["hanoi", "paris"]
    expected = {status: 1 for status in SocialPost.Status.values}
    expected["sent"] = 2
    assert campaign["rollout"] == expected
    assert campaign["posts_url"] == "http://testserver/api/v1/social/posts/?campaign=climate-week"

    detail = client.get("/api/v1/social/campaigns/climate-week/")
    assert detail.status_code == 200 and detail.json() == campaign
    missing = client.get("/api/v1/social/campaigns/no-such-campaign/")
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"


@pytest.mark.django_db
def test_a_campaign_is_listed_from_its_start_date_and_never_with_its_goal(client, hanoi):
    """HQ plans a campaign a month ahead (an announcement may hang on it): the API knows nothing of it until its
    start date; one without dates shows once a post of it is public; HQ's goal stays in the admin."""
    Campaign.objects.create(name="National day", slug="national-day", goal="Secret aim",
                                      starts_on=datetime(2027, 9, 2).date())
    undated = Campaign.objects.create(name="Undated", slug="undated")

    def slugs():
        return [item["slug"] for item in client.get("/api/v1/social/campaigns/").json()["results"]]

    with time_machine.travel(datetime(2027, 9, 1, 12, tzinfo=UTC), tick=False):
        assert slugs() == []
        assert client.get("/api/v1/social/campaigns/national-day/").status_code == 404
        page = content.article(content.section(hanoi), title="Hanoi marks the day")
        sent_post(page, account(hanoi, "x", "@vn"), at=timezone.now(), campaign=undated)
        assert slugs() == ["undated"]
    with time_machine.travel(datetime(2027, 9, 2, 12, tzinfo=UTC), tick=False):
        assert slugs() == ["undated", "national-day"]
        detail = client.get("/api/v1/social/campaigns/national-day/")
        assert detail.status_code == 200 and "goal" not in detail.json()
        assert "Secret aim" not in detail.content.decode()


@pytest.mark.django_db
def test_etag_gives_304_until_a_post_goes_out(client, posted):
    first = client.get(POSTS)
    etag = first["ETag"]
    assert etag and "max-age=60" in first["Cache-Control"]
    again = client.get(POSTS, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""

    sent_post(posted["paris_page"], posted["paris_x"])

    changed = client.get(POSTS, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


@pytest.mark.django_db
def test_api_keys_work_as_on_every_endpoint(client, posted, hanoi):
    key = factories.api_key(factories.consumer("Hanoi site", missions=[hanoi])).key
    assert client.get(POSTS, HTTP_AUTHORIZATION=f"Api-Key {key}").status_code == 200
    wrong = client.get(POSTS, HTTP_AUTHORIZATION="Api-Key not-a-key")
    assert wrong.status_code == 401 and wrong.json()["code"] == "authentication_failed"


@pytest.mark.django_db
def test_anonymous_callers_are_throttled(client, posted, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
        **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "anonymous": "2/min"}}
    statuses = [client.get(POSTS).status_code for _ in range(3)]
    assert statuses[:2] == [200, 200] and statuses[2] == 429


@pytest.fixture
def telegram(settings):
    fake = FakeTelegram().start()
    settings.HUB_SOCIAL_API_BASES = {"telegram": fake.url}
    settings.HUB_SOCIAL_DELIVERY = {**settings.HUB_SOCIAL_DELIVERY, "TIMEOUT_SECONDS": 2}
    yield fake
    fake.stop()


@pytest.mark.django_db
def test_a_post_delivered_to_the_platform_appears_and_its_answers_are_purged(
        client, paris, telegram, cdn, django_capture_on_commit_callbacks):
    """Through the real delivery: approved, sent to the Telegram fake, then listed with the platform's URL."""
    channel = account(paris, "telegram", "@embassy_test")
    services.connect_with_token(channel, token=telegram.token, chat="@embassy_test")
    page = content.article(content.section(paris), title="Fête de la science")
    post = SocialPost.objects.create(page=page, account=channel, text="Bonjour", status=SocialPost.Status.APPROVED)
    assert ids(client.get(POSTS)) == []

    location, purged = cdn
    frontend_cache = {"cdn": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": location}}
    with override_settings(WAGTAILFRONTENDCACHE=frontend_cache, HUB_API_BASE_URL="https://hub.example.org"):
        with django_capture_on_commit_callbacks(execute=True):
            assert deliver_due() == 1

    post.refresh_from_db()
    [item] = client.get(POSTS).json()["results"]
    assert (item["id"], item["platform"], item["platform_id"]) == (post.pk, "telegram", post.platform_id)
    assert item["platform_url"].startswith("https://t.me/embassy_test/") and list(telegram.posts) == [post.platform_id]
    assert {"/api/v1/social/posts/", "/api/v1/missions/paris/social/posts/", "/api/v1/social/campaigns/"} <= set(purged)


@pytest.mark.django_db
def test_unpublishing_a_page_with_sent_posts_purges_the_social_answers(posted, cdn, django_capture_on_commit_callbacks):
    location, purged = cdn
    frontend_cache = {"cdn": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": location}}
    with override_settings(WAGTAILFRONTENDCACHE=frontend_cache, HUB_API_BASE_URL="https://hub.example.org"):
        with django_capture_on_commit_callbacks(execute=True):
            posted["hanoi_page"].unpublish()

    assert {"/api/v1/social/posts/", "/api/v1/missions/hanoi/social/posts/",
            "/api/v1/social/campaigns/climate-week/"} <= set(purged)
    assert "/api/v1/missions/paris/social/posts/" not in purged
