"""`manage.py seed_demo`: a realistic demo network, built once and found again on every later run.

Seeding runs Wagtail's real provisioning, revision and translation machinery for about 160 pages, so
the network is built once, inside one test, and everything is checked against that one build.
"""

import io
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Collection, Locale, Page, PageLogEntry, Revision

from embassies.models import ArticlePage, ConsularNoticePage, EventPage, HubDocument, HubImage, Topic
from demo.content import demo_content
from hub.models import Mission, MissionKind
from hub.roles import HQ_PRESS_OFFICE_GROUP
from press.models import AccreditationStatus, BriefingPage, BriefingQuestion, Journalist
from press.selectors import release_embargoed_for
from press.services import journalist_token_issue

CONTENT_MODELS = (ArticlePage, EventPage, ConsularNoticePage)
STAFF = demo_content().staff


def _snapshot() -> dict[str, int]:
    """How many of each thing a seed writes exist, so two runs can be compared."""
    return {
        "missions": Mission.objects.count(),
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "page log entries": PageLogEntry.objects.count(),
        "images": HubImage.objects.count(),
        "documents": HubDocument.objects.count(),
        "collections": Collection.objects.count(),
        "topics": Topic.objects.count(),
        "tags": Tag.objects.count(),
        "users": get_user_model().objects.count(),
        "groups": Group.objects.count(),
        "journalists": Journalist.objects.count(),
        "briefing questions": BriefingQuestion.objects.count(),
    }


def _content_pages():
    return [page for model in CONTENT_MODELS for page in model.objects.all()]


def _assert_network_is_realistic() -> None:
    missions = Mission.objects.exclude(kind=MissionKind.HQ)
    assert missions.count() >= 6
    assert missions.values("region").distinct().count() >= 3

    content = _content_pages()
    assert len(content) >= 140
    live_languages = {page.locale.language_code for page in content if page.live}
    assert len(live_languages) >= 5
    assert {"vi", "ar"} <= live_languages

    drafts = [page for page in content if page.first_published_at is None and page.go_live_at is None]
    assert drafts, "some pages should be drafts that were never published"
    assert not any(page.live for page in drafts)
    scheduled = [page for page in content if page.go_live_at is not None]
    assert scheduled and not any(page.live for page in scheduled)

    assert not ArticlePage.objects.live().filter(summary="").exists()
    for page in content:
        page.body.stream_block.clean(page.body)  # every body is valid as if entered in the admin

    infographics = [
        block.value
        for page in ArticlePage.objects.live()
        for block in page.body
        if block.block_type == "infographic"
    ]
    assert any(value["text_alternative"].strip() for value in infographics)

    now = timezone.now()
    events = EventPage.objects.live()
    assert events.filter(starts_at__gt=now).exists() and events.filter(ends_at__lt=now).exists()
    notices = list(ConsularNoticePage.objects.live())
    assert any(notice.is_in_force(now) for notice in notices)
    assert any(notice.valid_until and notice.valid_until < now for notice in notices)
    published = ArticlePage.objects.live().values_list("first_published_at", flat=True)
    assert max(published) - min(published) > timedelta(days=365)

    vietnamese = Locale.objects.get(language_code="vi")
    hanoi_in_english = ArticlePage.objects.live().filter(mission__slug="hanoi", locale__language_code="en")
    assert any(page.get_translation_or_none(vietnamese) for page in hanoi_in_english), "Hanoi translates into English"


@pytest.mark.django_db
def test_seed_demo_builds_a_realistic_network_and_a_second_run_changes_nothing(demo_network):
    after_first_run = _snapshot()

    _assert_network_is_realistic()
    for account in STAFF:
        assert account.username in demo_network
    assert Mission.objects.filter(slug__in=["hq", "hanoi", "paris"]).count() == 3  # the session's missions were reused

    second_output = io.StringIO()
    call_command("seed_demo", verbosity=1, no_progress=True, force=True, stdout=second_output, stderr=io.StringIO())

    assert _snapshot() == after_first_run
    assert "nothing changed" in second_output.getvalue()
    for account in STAFF:
        assert account.username in second_output.getvalue()


@pytest.mark.django_db
def test_seed_demo_refuses_to_create_published_passwords_with_debug_off(settings):
    settings.DEBUG = False
    before = _snapshot()

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo", verbosity=0, stdout=io.StringIO())

    assert _snapshot() == before


def _embargoed_release() -> ArticlePage:
    return ArticlePage.objects.get(slug="trade-agreement-signing-embargoed")


@pytest.mark.django_db
def test_seed_demo_gives_the_press_centre_its_people_briefings_and_an_embargoed_release(demo_network):
    office = get_user_model().objects.get(username="press.office")
    assert office.groups.filter(name=HQ_PRESS_OFFICE_GROUP).exists() and not office.is_superuser
    hanoi = Mission.objects.get(slug="hanoi")
    assert hanoi.press_attaches_group.user_set.filter(username="attache.hanoi").exists()
    now = timezone.now()
    journalists = {journalist.user.email: journalist for journalist in Journalist.objects.select_related("user")}
    accredited = journalists["lena.weber@demo.press.example"]
    assert accredited.is_accredited() and list(accredited.missions.all()) == [hanoi]
    assert journalists["kofi.asante@demo.press.example"].status == AccreditationStatus.PENDING
    expired = journalists["marie.lefevre@demo.press.example"]
    assert expired.status == AccreditationStatus.ACCREDITED and expired.accredited_until < now
    assert all(not journalist.user.is_staff for journalist in journalists.values())
    for email in journalists:
        assert email in demo_network  # printed with its password, like the staff logins

    briefings = BriefingPage.objects.live().filter(mission__slug="hq")
    past = briefings.get(slug="regular-briefing-last-week")
    assert past.last_ends_at < now
    [exchange, *_] = [block.value for block in past.transcript if block.block_type == "exchange"]
    assert exchange["question"] and exchange["outlet"] and exchange["answer"].source and exchange["spokesperson"]
    assert past.questions.filter(status="answered", in_transcript_at__isnull=False).exists()
    upcoming = briefings.get(slug="weekly-press-briefing")
    assert upcoming.recurrence_frequency == "WEEKLY" and upcoming.last_ends_at is None
    assert upcoming.next_occurrence()[0] > now and upcoming.questions.filter(status="submitted").exists()
    assert Client().get(past.url).status_code == 200
    assert Client().get(upcoming.url).status_code == 200

    release = _embargoed_release()
    assert release.embargo_for_press and not release.live and release.go_live_at > now
    assert release.revisions.filter(approved_go_live_at__isnull=False).exists()
    assert release_embargoed_for(journalist=accredited, page_id=release.pk) is not None
    assert release_embargoed_for(journalist=expired, page_id=release.pk) is None


@pytest.mark.django_db
def test_the_seeded_embargoed_release_reaches_its_journalist_and_nobody_anonymous(demo_network):
    release = _embargoed_release()
    anonymous = Client()
    site_path = f"/en/hanoi/news/{release.slug}/"
    assert anonymous.get(site_path).status_code == 404
    assert release.title not in anonymous.get("/en/hanoi/news/").content.decode()
    assert anonymous.get(f"/api/v1/pages/{release.pk}/").status_code == 404
    assert anonymous.get(f"/api/v1/press/releases/{release.pk}/").status_code == 404
    assert release.title not in anonymous.get("/api/v1/press/releases/").content.decode()
    listing = anonymous.get("/api/v1/pages/", {"mission": "hanoi"})
    assert listing.status_code == 200 and release.title not in listing.content.decode()

    journalist = Journalist.objects.get(user__email="lena.weber@demo.press.example")
    token = journalist_token_issue(journalist=journalist, name="demo check").token
    read = anonymous.get(f"/api/v1/press/releases/{release.pk}/", HTTP_AUTHORIZATION=f"Journalist-Token {token}")
    assert read.status_code == 200 and read.json()["title"] == release.title
