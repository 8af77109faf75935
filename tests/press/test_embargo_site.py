"""The press area's releases over real HTTP, per role: embargoed copies only for journalists they are addressed to,
every such read logged, and the log shown to the press office in the admin."""

import zoneinfo
from datetime import timedelta

import pytest
from django.utils import dateformat, timezone

from embassies import factories as content
from hub import factories as hub_factories
from hub.roles import Role
from press.models import EmbargoRead, ReadChannel

from .conftest import EMBARGO_SECRET, embargoed_release

pytestmark = pytest.mark.django_db


def _as(client, journalist):
    client.force_login(journalist.user)
    return client


def test_anonymous_visitors_are_sent_to_the_press_login(client, embargo_release):
    for url in ("/en/press/releases/", f"/en/press/releases/{embargo_release.pk}/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/en/press/login/")


def test_staff_without_a_journalist_account_are_refused(client, staff, embargo_release):
    client.force_login(staff["hanoi_editor"])
    response = client.get(f"/en/press/releases/{embargo_release.pk}/")
    assert response.status_code == 403
    assert EMBARGO_SECRET not in response.content.decode()


def test_an_accredited_journalist_of_the_mission_reads_the_embargoed_copy_with_its_banner(client, embargo_release, embargo_journalists):
    client = _as(client, embargo_journalists["hanoi"])
    listing = client.get("/en/press/releases/")
    assert EMBARGO_SECRET in listing.content.decode()
    client.cookies["press_timezone"] = "America/New_York"
    response = client.get(f"/en/press/releases/{embargo_release.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "EMBARGOED" in html and "Text under embargo" in html
    until = embargo_release.go_live_at
    new_york = dateformat.format(timezone.localtime(until, zoneinfo.ZoneInfo("America/New_York")), "j F Y, H:i T")
    hanoi = dateformat.format(timezone.localtime(until, zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")), "j F Y, H:i")
    assert f'<time datetime="{until.isoformat()}">{new_york}</time>' in html
    assert f"{hanoi} +07 at Embassy in Hanoi, Asia/Ho_Chi_Minh" in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    [read] = EmbargoRead.objects.all()
    assert (read.journalist, read.page_id, read.locale, read.channel) == (
        embargo_journalists["hanoi"], embargo_release.pk, "vi", ReadChannel.SITE
    )
    assert read.revision.approved_go_live_at == until


@pytest.mark.parametrize("who", ["paris", "unverified", "pending", "expired", "rejected"])
def test_journalists_it_is_not_addressed_to_or_not_accredited_never_see_it(client, embargo_release, embargo_journalists, who):
    client = _as(client, embargo_journalists[who])
    listing = client.get("/en/press/releases/")
    assert listing.status_code == 200 and EMBARGO_SECRET not in listing.content.decode()
    assert client.get(f"/en/press/releases/{embargo_release.pk}/").status_code == 404
    assert EMBARGO_SECRET not in client.get("/en/press/releases/?q=hanoi+trade").content.decode()
    assert not EmbargoRead.objects.exists()


def test_a_network_wide_journalist_reads_it_too(client, embargo_release, embargo_journalists):
    assert _as(client, embargo_journalists["network"]).get(f"/en/press/releases/{embargo_release.pk}/").status_code == 200


def test_the_list_shows_the_journalists_language_where_a_translation_exists(client, hanoi, embargo_journalists):
    original = embargoed_release(hanoi, title=f"{EMBARGO_SECRET} Hiệp định thương mại")
    english_locale = hanoi.home_pages.get(locale__language_code="en").locale
    english = original.copy_for_translation(english_locale)
    english.title = english.summary = f"{EMBARGO_SECRET} Trade agreement"
    english.go_live_at = original.go_live_at
    english.save_revision().publish()
    client = _as(client, embargo_journalists["hanoi"])  # reads English
    html = client.get("/fr/press/releases/").content.decode()  # no French copy: the journalist's English
    assert "Trade agreement" in html and "Hiệp định" not in html
    html = client.get("/vi/press/releases/").content.decode()  # the URL's language first
    assert "Hiệp định" in html and "Trade agreement" not in html


def test_press_area_search_finds_embargoed_text_for_those_it_is_addressed_to(client, embargo_release, embargo_journalists):
    html = _as(client, embargo_journalists["hanoi"]).get("/en/press/releases/?q=trade+agreement").content.decode()
    assert EMBARGO_SECRET in html
    html = client.get("/en/press/releases/?q=nothing+like+this").content.decode()
    assert EMBARGO_SECRET not in html


def test_public_releases_are_listed_and_readable_without_a_read_being_logged(client, hanoi, embargo_journalists):
    public = content.article(content.section(hanoi), title="Visa fees lowered", kind="press_release")
    client = _as(client, embargo_journalists["pending"])
    assert "Visa fees lowered" in client.get("/en/press/releases/").content.decode()
    assert client.get(f"/en/press/releases/{public.pk}/").status_code == 200
    assert not EmbargoRead.objects.exists()


def test_the_read_log_survives_the_journalists_deletion_as_a_pseudonymous_row(client, embargo_release, embargo_journalists):
    journalist = embargo_journalists["hanoi"]
    _as(client, journalist).get(f"/en/press/releases/{embargo_release.pk}/")
    journalist.user.delete()
    [read] = EmbargoRead.objects.all()
    assert read.journalist is None and read.outlet == "" and read.journalist_pseudonym.startswith("journalist-")
    assert read.page_id == embargo_release.pk


def test_the_press_office_sees_every_read_and_mission_staff_only_their_own(client, staff, hanoi, paris, embargo_journalists):
    hanoi_release = embargoed_release(hanoi, title="Hanoi release under embargo", missions=[hanoi, paris])
    paris_release = embargoed_release(paris, title="Paris release under embargo", until=timezone.now() + timedelta(hours=5))
    reader = _as(client, embargo_journalists["paris"])
    reader.get(f"/en/press/releases/{hanoi_release.pk}/")
    reader.get(f"/en/press/releases/{paris_release.pk}/")
    assert EmbargoRead.objects.count() == 2
    press_officer = hub_factories.staff_user("press_officer", Role.HQ_PRESS_OFFICER)

    def report(user):
        client.force_login(user)
        response = client.get("/admin/reports/embargoed-reads/")
        return response.status_code, response.content.decode()

    status, html = report(press_officer)
    assert status == 200 and "Hanoi release under embargo" in html and "Paris release under embargo" in html
    status, html = report(staff["hanoi_editor"])
    assert status == 200 and "Hanoi release under embargo" in html and "Paris release under embargo" not in html
    status, html = report(staff["paris_editor"])
    assert "Hanoi release under embargo" not in html and "Paris release under embargo" in html
    status, _html = report(staff["asia_reviewer"])
    assert status in (302, 403)


def test_journalists_never_reach_the_wagtail_admin(client, embargo_journalists):
    for journalist in embargo_journalists.values():
        assert not journalist.user.is_staff
        response = _as(client, journalist).get("/admin/")
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
