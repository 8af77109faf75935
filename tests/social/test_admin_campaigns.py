"""Campaigns in the admin, over HTTP: HQ administrators create and edit them and read their rollout; mission staff
may not."""

import pytest

from embassies import factories
from hub.models import MissionSocialAccount
from social.models import Campaign, SocialPost

pytestmark = pytest.mark.django_db

FORM = {"name": "Francophonie 2027", "slug": "francophonie-2027", "hashtag": "#Francophonie", "starts_on": "2027-03-01",
        "ends_on": "2027-03-31", "goal": "One message, every mission."}


def test_hq_creates_and_edits_a_campaign(client, staff, hanoi, paris):
    client.force_login(staff["hq_admin"])
    assert client.get("/admin/social/campaigns/").status_code == 200
    response = client.post("/admin/social/campaigns/new/", FORM | {"missions": [hanoi.pk, paris.pk]})
    assert response.status_code == 302
    campaign = Campaign.objects.get(slug="francophonie-2027")
    assert set(campaign.missions.values_list("slug", flat=True)) == {"hanoi", "paris"}
    bad = client.post(f"/admin/social/campaigns/edit/{campaign.pk}/", FORM | {"name": ""})
    assert bad.status_code == 200 and b"This field is required" in bad.content
    client.post(f"/admin/social/campaigns/edit/{campaign.pk}/", FORM | {"hashtag": "#Francophonie2027", "missions": [paris.pk]})
    campaign.refresh_from_db()
    assert campaign.hashtag == "#Francophonie2027" and list(campaign.missions.all()) == [paris]
    assert f"/admin/social/campaigns/{campaign.pk}/rollout/" in client.get("/admin/social/campaigns/").content.decode()


@pytest.mark.parametrize("username", ["hanoi_head", "paris_editor", "asia_reviewer"])
def test_mission_staff_may_not_manage_campaigns(client, staff, username):
    campaign = Campaign.objects.create(name="Secret plan", slug="secret-plan")
    client.force_login(staff[username])
    assert client.post("/admin/social/campaigns/new/", FORM).status_code == 302  # Wagtail's refusal: to the dashboard
    assert not Campaign.objects.filter(slug=FORM["slug"]).exists()
    client.post(f"/admin/social/campaigns/edit/{campaign.pk}/", FORM | {"slug": "secret-plan"})
    campaign.refresh_from_db()
    assert campaign.name == "Secret plan"
    assert client.get(f"/admin/social/campaigns/{campaign.pk}/rollout/").status_code == 404
    assert b"Secret plan" not in client.get("/admin/social/campaigns/", follow=True).content


def test_rollout_counts_posts_per_mission_and_status(client, staff, hanoi, paris, paris_page, paris_telegram):
    campaign = Campaign.objects.create(name="Francophonie", slug="francophonie")
    campaign.missions.set([hanoi, paris])
    hanoi_fb = MissionSocialAccount.objects.create(mission=hanoi, platform="facebook", handle="VNinHanoi",
                                                   language_code="vi", url="https://facebook.com/VNinHanoi")
    hanoi_page = factories.article(factories.section(hanoi), title="Ngày Quốc tế Pháp ngữ")
    for page, account, status in [(paris_page, paris_telegram, "sent"), (paris_page, paris_telegram, "failed"),
                                  (hanoi_page, hanoi_fb, "sent"), (hanoi_page, hanoi_fb, "scheduled")]:
        SocialPost.objects.create(page=page, account=account, campaign=campaign, text=f"{status} post", status=status)
    SocialPost.objects.create(page=paris_page, account=paris_telegram, text="not in the campaign", status="sent")
    client.force_login(staff["hq_admin"])
    page = client.get(f"/admin/social/campaigns/{campaign.pk}/rollout/").content.decode()
    paris_row = page.split('data-mission="paris"')[1].split("</tr>")[0]
    assert "Fête de la science" in paris_row
    cells = [cell.split("</td>")[0] for cell in paris_row.split("<td>")[2:]]
    statuses = [value for value, _label in SocialPost.Status.choices]
    assert dict(zip(statuses, cells)) == {"draft": "0", "approved": "0", "scheduled": "0", "sending": "0", "sent": "1",
                                          "failed": "1", "cancelled": "0", "deleted": "0"}
    assert "Ngày Quốc tế Pháp ngữ" in page.split('data-mission="hanoi"')[1].split("</tr>")[0]
    assert 'data-total="Sent">2<' in page and 'data-total="Failed">1<' in page
