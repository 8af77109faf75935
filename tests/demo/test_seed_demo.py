"""`manage.py seed_demo`: a realistic demo network, built once and found again on every later run.

Seeding runs Wagtail's real provisioning, revision and translation machinery for about 160 pages, so
the network is built once, inside one test, and everything is checked against that one build.
"""

import io
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Collection, Locale, Page, PageLogEntry, Revision

from embassies.models import ArticlePage, ConsularNoticePage, EventPage, HubDocument, HubImage, Topic
from demo.content import demo_content
from hub.models import Mission, MissionKind

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
