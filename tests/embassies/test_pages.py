"""Page models: validation rules, derived fields and the page-type tree, through models and the admin."""

from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from wagtail.actions.move_page import MovePageAction
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from embassies import factories as content
from embassies.models import (
    SOCIAL_SHARE_LIMITS, ArticlePage, ConsularNoticePage, EventPage, NetworkRootPage, SectionIndexPage,
)
from embassies.models.pages import page_mission_id


def _event_form(**overrides):
    data = {
        "title": "Vietnamese Film Week",
        "slug": "film-week",
        "summary": "Five evenings of new Vietnamese cinema.",
        "starts_at": "2026-12-10 19:00",
        "ends_at": "2026-12-14 22:00",
        "timezone": "Asia/Ho_Chi_Minh",
        "venue": "National Cinema Centre",
        "body": streamfield([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.mark.django_db
def test_event_ending_before_it_starts_is_a_form_error_in_the_admin(client, staff, hanoi):
    events = content.section(hanoi, "events")
    client.force_login(staff["hanoi_editor"])
    url = f"/admin/pages/add/embassies/eventpage/{events.pk}/"

    response = client.post(url, _event_form(starts_at="2026-12-14 19:00", ends_at="2026-12-10 22:00"))

    assert response.status_code == 200
    assert "must end after it starts" in str(response.context["form"].errors)
    assert not EventPage.objects.filter(slug="film-week").exists()

    response = client.post(url, _event_form())
    assert response.status_code == 302
    event = EventPage.objects.get(slug="film-week")
    assert event.mission == hanoi
    assert not event.live


@pytest.mark.django_db
def test_event_needs_a_venue_or_an_online_link(hanoi):
    event = EventPage(title="Briefing", slug="briefing", summary="s", timezone="Asia/Ho_Chi_Minh",
                      starts_at="2026-12-10T10:00Z", ends_at="2026-12-10T11:00Z")
    events = content.section(hanoi, "events")
    with pytest.raises(ValidationError, match="venue, an online link"):
        events.add_child(instance=event)
    event.online_url = "https://meet.example.org/briefing"
    events.add_child(instance=event)
    assert EventPage.objects.filter(slug="briefing").exists()


@pytest.mark.django_db
def test_consular_notice_must_end_after_it_starts(hanoi):
    notice = ConsularNoticePage(
        title="Typhoon warning", slug="typhoon", summary="s", notice_type="emergency", severity="critical",
        valid_from="2026-10-02T00:00Z", valid_until="2026-10-01T00:00Z",
    )
    with pytest.raises(ValidationError, match="must end after"):
        content.section(hanoi, "consular").add_child(instance=notice)
    assert not ConsularNoticePage.objects.filter(slug="typhoon").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("platform", sorted(SOCIAL_SHARE_LIMITS))
def test_social_share_text_over_the_platform_limit_is_refused(hanoi, platform):
    page = content.article(content.section(hanoi), title="Digital diplomacy week", live=False)
    limit = SOCIAL_SHARE_LIMITS[platform]
    setattr(page, f"share_text_{platform}", "x" * limit)
    page.full_clean()
    setattr(page, f"share_text_{platform}", "x" * (limit + 1))
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert f"share_text_{platform}" in error.value.message_dict


@pytest.mark.django_db
def test_content_pages_know_their_mission_and_stay_in_sections(hanoi, paris):
    article = content.article(content.section(paris), title="Climate week in Paris")
    assert article.mission == paris
    home = paris.home_pages.get(locale__language_code="fr")
    assert not ArticlePage.can_create_at(home)
    assert ArticlePage.can_create_at(content.section(paris))
    translated = article.copy_for_translation(paris.home_pages.get(locale__language_code="en").locale)
    assert translated.mission == paris



@pytest.mark.django_db
def test_provisioned_homes_and_sections_store_their_mission(hanoi, paris):
    for mission in (hanoi, paris):
        sections = SectionIndexPage.objects.filter(mission=mission)
        assert sections.exists()
        assert all(section.get_parent().specific.mission_id == mission.pk for section in sections)
    assert not SectionIndexPage.objects.filter(mission__isnull=True).exists()


@pytest.mark.django_db
def test_a_section_moved_to_another_mission_takes_it_with_everything_below(hanoi, paris):
    section = content.added(content.section(hanoi), SectionIndexPage(title="Trade", slug="trade"))
    article = content.article(section, title="Rice exports grow")
    notes = content.added(section, SectionIndexPage(title="Notes", slug="notes"))
    note = content.article(notes, title="A note", live=False)

    MovePageAction(section, content.section(paris, "news", "en"), pos="last-child").execute()

    for page in (section, article, notes, note):
        page.refresh_from_db()
        assert page.mission_id == paris.pk, page.title
        assert page_mission_id(Page.objects.get(pk=page.pk)) == paris.pk


@pytest.mark.django_db
def test_a_page_copied_to_another_mission_belongs_to_that_mission(hanoi, paris):
    section = content.added(content.section(hanoi), SectionIndexPage(title="Culture", slug="culture"))
    content.article(section, title="Film week")

    copy = section.copy(recursive=True, to=content.section(paris, "news", "en"), update_attrs={"slug": "culture-copy"})

    assert copy.specific.mission_id == paris.pk
    [child] = copy.get_children().specific()
    assert child.mission_id == paris.pk
    assert section.get_children().specific().get().mission_id == hanoi.pk


@pytest.mark.django_db
def test_pages_above_the_missions_have_none(hanoi):
    root = NetworkRootPage.objects.first()

    assert page_mission_id(root) is None
    assert page_mission_id(Page.objects.get(pk=root.pk)) is None
    assert page_mission_id(Page.objects.get(pk=hanoi.home_pages.first().pk)) == hanoi.pk


@pytest.mark.django_db
def test_a_draft_written_before_a_move_opens_with_the_new_mission(hanoi, paris):
    article = content.article(content.section(hanoi), title="Draft before the move")
    article.title = "Edited before the move"
    article.save_revision()

    MovePageAction(article, content.section(paris, "news", "en"), pos="last-child").execute()

    article.refresh_from_db()
    assert article.get_latest_revision_as_object().mission_id == paris.pk


@pytest.mark.django_db
def test_the_migration_gives_existing_sections_and_content_their_mission(hanoi, paris):
    article = content.article(content.section(paris), title="Stored before the migration")
    SectionIndexPage.objects.update(mission=None)
    ArticlePage.objects.filter(pk=article.pk).update(mission=hanoi)

    import_module("embassies.migrations.0007_section_mission").missions_from_the_tree(django_apps, None)

    assert not SectionIndexPage.objects.filter(mission__isnull=True).exists()
    assert content.section(hanoi).mission_id == hanoi.pk
    assert ArticlePage.objects.get(pk=article.pk).mission_id == paris.pk
