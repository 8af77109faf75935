"""Page models: validation rules, derived fields and the page-type tree, through models and the admin."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from embassies import factories as content
from embassies.models import ArticlePage, ConsularNoticePage, EventPage, SOCIAL_SHARE_LIMITS


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

