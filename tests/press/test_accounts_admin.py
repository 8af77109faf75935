"""The press office's Journalists in the Wagtail admin: who sees whom, who may accredit, reject and revoke, the
e-mails on each decision, and the press card behind a permission check."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from hub import factories as hub_factories
from hub.models import Mission
from hub.roles import Role
from hub.services import mission_provision
from press import factories
from press.models import AccreditationStatus, Journalist
from press.services import journalist_register

from .conftest import EMBARGO_SECRET, PDF, accounts_png_bytes, embargoed_release

LISTING = "/admin/press/journalists/"


def _page(journalist):
    return f"/admin/press/journalists/{journalist.pk}/"


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("mission_editor", 403), ("hq_press_office", 200), ("hanoi_attache", 200),
     ("accredited", 302)],
)
@pytest.mark.django_db
def test_who_opens_the_journalists_listing(accounts_client, accounts_people, who, status):
    if who != "anonymous":
        accounts_client.force_login(accounts_people[who])
    assert accounts_client.get(LISTING).status_code == status


@pytest.mark.django_db
def test_a_press_attache_sees_only_journalists_of_their_mission(accounts_client, accounts_people, hanoi, paris):
    in_paris = factories.journalist("paris_reporter", status=AccreditationStatus.PENDING, full_name="Paris Reporter")
    in_paris.requested_missions.set([paris])
    factories.journalist("paris_holder", missions=[paris], full_name="Paris Holder")
    accounts_client.force_login(accounts_people["hanoi_attache"])
    html = accounts_client.get(LISTING).content.decode()
    assert "J_Pending" in html and "Paris Reporter" not in html and "Paris Holder" not in html
    assert accounts_client.get(_page(in_paris)).status_code == 404
    assert accounts_client.get(f"{_page(in_paris)}card/").status_code == 404
    accounts_client.force_login(accounts_people["paris_attache"])
    html = accounts_client.get(LISTING).content.decode()
    assert "Paris Reporter" in html and "Paris Holder" in html and "J_Pending" not in html
    accounts_client.force_login(accounts_people["hq_press_office"])
    html = accounts_client.get(LISTING).content.decode()
    assert all(name in html for name in ("Paris Reporter", "Paris Holder", "J_Pending", "J_Rejected"))


@pytest.mark.django_db
def test_the_listing_filters_by_status_mission_and_country_and_searches(accounts_client, accounts_people, paris):
    factories.journalist("berliner", status=AccreditationStatus.PENDING, full_name="Anna Berliner",
                         outlet="Tagesblatt", outlet_country="DE").requested_missions.set([paris])
    accounts_client.force_login(accounts_people["hq_press_office"])

    def names(query):
        html = accounts_client.get(LISTING + query).content.decode()
        return {name for name in ("Anna Berliner", "J_Pending", "J_Expired", "J_Accredited") if name in html}

    assert names("?status=expired") == {"J_Expired"}
    assert names("?status=accredited") == {"J_Accredited"}
    assert names("?status=pending") == {"Anna Berliner", "J_Pending"}
    assert names("?mission=paris") == {"Anna Berliner"}
    assert names("?country=de") == {"Anna Berliner"}
    assert names("?q=tagesbl") == {"Anna Berliner"}
    assert accounts_client.get(LISTING + "?mission=atlantis&status=bogus").status_code == 200


@pytest.mark.parametrize(
    ("who", "missions", "status", "scope"),
    [
        ("hq_press_office", [], 302, "network"),
        ("hq_press_office", ["paris"], 302, ["paris"]),
        ("hanoi_attache", ["hanoi"], 302, ["hanoi"]),
        ("hanoi_attache", [], 400, None),  # the whole network is HQ's
        ("hanoi_attache", ["paris"], 400, None),  # not their mission (not even a choice they are offered)
        ("paris_attache", ["paris"], 404, None),  # the journalist asked for Hanoi: Paris does not see them
        ("mission_editor", ["hanoi"], 403, None),
    ],
)
@pytest.mark.django_db
def test_who_accredits_for_which_scope(accounts_client, accounts_people, settings, who, missions, status, scope):
    journalist = accounts_people["pending"].journalist
    accounts_client.force_login(accounts_people[who])
    response = accounts_client.post(_page(journalist), {"action": "accredit", "missions": missions})
    assert response.status_code == status
    journalist.refresh_from_db()
    if scope is None:
        assert journalist.status == AccreditationStatus.PENDING and mail.outbox == []
        return
    assert journalist.status == AccreditationStatus.ACCREDITED and journalist.decided_by == accounts_people[who]
    expected_until = timezone.now() + timedelta(days=settings.HUB_PRESS_ACCREDITATION_DAYS)
    assert abs(journalist.accredited_until - expected_until) < timedelta(minutes=1)
    held = sorted(journalist.missions.values_list("slug", flat=True))
    assert held == ([] if scope == "network" else scope)
    (message,) = mail.outbox
    assert message.to == [journalist.user.email] and "You are accredited" in message.subject


@pytest.mark.django_db
def test_a_journalist_accredited_during_an_embargo_is_mailed_the_release(
    accounts_client, accounts_people, hanoi, paris, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        in_hanoi = embargoed_release(hanoi, title=f"{EMBARGO_SECRET} Hanoi trade agreement")
        embargoed_release(paris, title=f"{EMBARGO_SECRET} Paris treaty")
    mail.outbox.clear()  # the journalists accredited before were mailed at scheduling
    journalist = accounts_people["pending"].journalist
    accounts_client.force_login(accounts_people["hanoi_attache"])

    assert accounts_client.post(_page(journalist), {"action": "accredit", "missions": ["hanoi"]}).status_code == 302

    subjects = sorted(message.subject for message in mail.outbox)
    assert all(message.to == [journalist.user.email] for message in mail.outbox)
    assert len(subjects) == 2 and "You are accredited" in subjects[1]
    assert subjects[0].startswith("EMBARGOED until ") and in_hanoi.title in subjects[0]  # not Paris's
    mail.outbox.clear()
    accounts_client.force_login(accounts_people["hq_press_office"])
    accounts_client.post(_page(journalist), {"action": "accredit", "missions": ["hanoi"]})  # renewed: not again
    assert [message.subject for message in mail.outbox if message.subject.startswith("EMBARGOED")] == []


@pytest.mark.django_db
def test_accreditation_lasts_the_configured_days(accounts_client, accounts_people, settings):
    settings.HUB_PRESS_ACCREDITATION_DAYS = 30
    journalist = accounts_people["pending"].journalist
    accounts_client.force_login(accounts_people["hq_press_office"])
    accounts_client.post(_page(journalist), {"action": "accredit"})
    journalist.refresh_from_db()
    assert timedelta(days=29) < journalist.accredited_until - timezone.now() <= timedelta(days=30)
    assert journalist.is_accredited()


@pytest.mark.parametrize(
    ("who", "status"),
    [("hq_press_office", 302), ("hanoi_attache", 302), ("paris_attache", 404), ("mission_editor", 403),
     ("anonymous", 302)],
)
@pytest.mark.django_db
def test_who_rejects_with_a_reason(accounts_client, accounts_people, who, status):
    journalist = accounts_people["pending"].journalist
    if who != "anonymous":
        accounts_client.force_login(accounts_people[who])
    response = accounts_client.post(_page(journalist), {"action": "reject", "reason": "The outlet does not exist."})
    assert response.status_code == status
    journalist.refresh_from_db()
    rejected = who in ("hq_press_office", "hanoi_attache")
    assert (journalist.status == AccreditationStatus.REJECTED) == rejected
    if rejected:
        (message,) = mail.outbox
        assert "declined" in message.subject and "The outlet does not exist." in message.body


@pytest.mark.django_db
def test_a_rejection_needs_a_reason(accounts_client, accounts_people):
    journalist = accounts_people["pending"].journalist
    accounts_client.force_login(accounts_people["hq_press_office"])
    response = accounts_client.post(_page(journalist), {"action": "reject", "reason": "   "})
    assert response.status_code == 400 and "This field is required" in response.content.decode()
    journalist.refresh_from_db()
    assert journalist.status == AccreditationStatus.PENDING and mail.outbox == []


@pytest.mark.parametrize(
    ("who", "status"), [("hq_press_office", 302), ("hanoi_attache", 302), ("paris_attache", 404), ("mission_editor", 403)]
)
@pytest.mark.django_db
def test_who_revokes_an_accreditation(accounts_client, accounts_people, who, status):
    journalist = accounts_people["accredited"].journalist
    accounts_client.force_login(accounts_people[who])
    assert accounts_client.post(_page(journalist), {"action": "revoke"}).status_code == status
    journalist.refresh_from_db()
    revoked = status == 302
    assert journalist.is_accredited() is not revoked
    if revoked:
        assert "has ended" in mail.outbox[0].subject


@pytest.mark.django_db
def test_a_network_wide_accreditation_is_decided_by_hq_only(accounts_client, accounts_people, hanoi):
    journalist = factories.journalist("wire", full_name="Wire Reporter")  # accredited network-wide
    journalist.requested_missions.set([hanoi])
    accounts_client.force_login(accounts_people["hanoi_attache"])
    page = accounts_client.get(_page(journalist))
    assert page.status_code == 200 and "Only the HQ press office decides" in page.content.decode()
    assert accounts_client.post(_page(journalist), {"action": "revoke"}).status_code == 403
    assert Journalist.objects.get(pk=journalist.pk).is_accredited()


@pytest.mark.django_db
def test_an_unverified_journalist_cannot_be_accredited(accounts_client, accounts_people):
    journalist = accounts_people["unverified"].journalist
    accounts_client.force_login(accounts_people["hq_press_office"])
    response = accounts_client.post(_page(journalist), {"action": "accredit"})
    assert response.status_code == 400
    journalist.refresh_from_db()
    assert journalist.status == AccreditationStatus.UNVERIFIED


@pytest.mark.django_db
def test_a_renewal_shows_the_old_scope_to_the_press_office(accounts_client, accounts_people):
    journalist = accounts_people["expired"].journalist
    accounts_client.force_login(accounts_people["expired"])
    accounts_client.post("/en/press/renew/")
    accounts_client.force_login(accounts_people["hanoi_attache"])
    html = accounts_client.get(_page(journalist)).content.decode()
    assert "Previous scope" in html and "Embassy in Hanoi" in html and "asks to renew" in html
    assert accounts_client.post(_page(journalist), {"action": "accredit", "missions": ["hanoi"]}).status_code == 302
    journalist.refresh_from_db()
    assert journalist.is_accredited() and journalist.renewal_requested_at is None


@pytest.mark.parametrize(
    ("who", "status"),
    [("hq_press_office", 200), ("hanoi_attache", 200), ("paris_attache", 404), ("mission_editor", 403),
     ("anonymous", 302), ("accredited", 302)],
)
@pytest.mark.django_db
def test_the_press_card_is_served_only_to_the_press_office(accounts_client, accounts_people, hanoi, who, status):
    journalist = journalist_register(
        full_name="Card Holder", outlet="Wire", outlet_country="FR", email="card@example.org",
        password="a-long-enough-passphrase-7", press_card=SimpleUploadedFile("c.png", accounts_png_bytes()),
        press_card_content_type="image/png", requested_missions=[hanoi],
    )
    if who != "anonymous":
        accounts_client.force_login(accounts_people[who])
    response = accounts_client.get(f"{_page(journalist)}card/")
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "image/png" and b"".join(response.streaming_content).startswith(b"\x89PNG")
        assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_press_attache_groups_are_provisioned_idempotently_and_renamed_with_the_mission(hanoi):
    group = hanoi.press_attaches_group
    assert group.name == "Embassy in Hanoi · Press attachés"
    assert group.permissions.filter(codename="accredit_journalist").exists()
    assert not mission_provision(mission=Mission.objects.get(pk=hanoi.pk)).changed
    hanoi.name = "Embassy of the Realm in Hanoi"
    hanoi.save()
    mission_provision(mission=hanoi)
    assert Mission.objects.get(pk=hanoi.pk).press_attaches_group_id == group.pk
    group.refresh_from_db()
    assert group.name == "Embassy of the Realm in Hanoi · Press attachés"


@pytest.mark.django_db
def test_mission_editors_and_heads_of_any_mission_cannot_accredit(accounts_client, paris, accounts_people):
    head = hub_factories.staff_user("paris_head_for_press", Role.MISSION_HEAD, mission=paris)
    for user in [accounts_people["mission_editor"], head]:
        accounts_client.force_login(user)
        journalist = accounts_people["pending"].journalist
        assert accounts_client.post(_page(journalist), {"action": "accredit", "missions": ["paris"]}).status_code == 403


@pytest.mark.django_db
def test_a_pdf_press_card_downloads_rather_than_renders(accounts_client, accounts_people):
    journalist = journalist_register(
        full_name="Pdf Holder", outlet="Wire", outlet_country="FR", email="pdf@example.org",
        password="a-long-enough-passphrase-7", press_card=SimpleUploadedFile("c.pdf", PDF),
        press_card_content_type="application/pdf",
    )
    accounts_client.force_login(accounts_people["hq_press_office"])
    response = accounts_client.get(f"{_page(journalist)}card/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment") and "default-src 'none'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_a_press_attache_leaves_a_request_naming_other_missions_to_hq(accounts_client, accounts_people, hanoi, paris):
    journalist = accounts_people["pending"].journalist
    journalist.requested_missions.set([hanoi, paris])
    accounts_client.force_login(accounts_people["hanoi_attache"])
    response = accounts_client.post(_page(journalist), {"action": "reject", "reason": "Not for Hanoi."})
    assert response.status_code == 403
    journalist.refresh_from_db()
    assert journalist.status == AccreditationStatus.PENDING
