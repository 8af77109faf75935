"""The embargo in the page editor: only press releases and statements, a moment in the future, HQ for network-wide."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, streamfield

from embassies import factories as content
from embassies.models import ArticlePage

pytestmark = pytest.mark.django_db


def _post(client, user, parent, embargo_missions=(), **fields):
    client.force_login(user)
    data = nested_form_data({
        "title": "Trade agreement signed", "slug": "trade-agreement", "kind": "press_release",
        "summary": "The agreement was signed today.", "body": streamfield([]), "comments": nested_form_data({}),
        **fields,
    })
    data.update({"comments-TOTAL_FORMS": 0, "comments-INITIAL_FORMS": 0, "embargo_missions": list(embargo_missions)})
    return client.post(f"/admin/pages/add/embassies/articlepage/{parent.pk}/", data)


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def test_an_embargo_in_the_past_is_a_form_error_and_nothing_is_saved(client, staff, hanoi):
    response = _post(client, staff["hanoi_editor"], content.section(hanoi), embargo_for_press="on",
                     go_live_at=_local(timezone.now() - timedelta(hours=1)))
    assert response.status_code == 200
    assert "The embargo time is in the past" in response.content.decode()
    assert not ArticlePage.objects.filter(slug="trade-agreement").exists()


def test_an_embargo_needs_a_go_live_moment(client, staff, hanoi):
    response = _post(client, staff["hanoi_editor"], content.section(hanoi), embargo_for_press="on")
    assert "needs a go-live date/time" in response.content.decode()
    assert not ArticlePage.objects.filter(slug="trade-agreement").exists()


def test_only_press_releases_and_statements_can_be_embargoed(client, staff, hanoi):
    response = _post(client, staff["hanoi_editor"], content.section(hanoi), kind="news", embargo_for_press="on",
                     go_live_at=_local(timezone.now() + timedelta(hours=3)))
    assert "Only press releases and statements can be embargoed" in response.content.decode()
    assert not ArticlePage.objects.filter(slug="trade-agreement").exists()


def test_only_headquarters_may_address_the_whole_network(client, staff, hanoi):
    response = _post(client, staff["hanoi_editor"], content.section(hanoi), embargo_for_press="on",
                     embargo_network_wide="on", go_live_at=_local(timezone.now() + timedelta(hours=3)))
    assert "Only headquarters releases may address the whole network" in response.content.decode()
    assert not ArticlePage.objects.filter(slug="trade-agreement").exists()


def test_an_editor_saves_an_embargoed_release_addressed_to_another_mission(client, staff, hanoi, paris):
    go_live = timezone.now().replace(second=0, microsecond=0) + timedelta(hours=3)
    response = _post(client, staff["hanoi_editor"], content.section(hanoi), embargo_for_press="on",
                     embargo_missions=[paris.pk], go_live_at=_local(go_live))
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ArticlePage.objects.get(slug="trade-agreement")
    draft = page.get_latest_revision_as_object()
    assert draft.embargo_for_press and draft.go_live_at == go_live
    assert draft.embargo_mission_ids() == [paris.pk]


def test_a_live_page_may_not_address_a_new_revision_to_the_whole_network(client, staff, hanoi):
    live = content.article(content.section(hanoi), title="Trade agreement signed", slug="trade-agreement",
                           kind="press_release")
    client.force_login(staff["hanoi_editor"])
    data = nested_form_data({
        "title": live.title, "slug": live.slug, "kind": "press_release", "summary": live.summary,
        "body": streamfield([]), "comments": nested_form_data({}), "embargo_for_press": "on",
        "embargo_network_wide": "on", "go_live_at": _local(timezone.now() + timedelta(hours=3)),
    })
    data.update({"comments-TOTAL_FORMS": 0, "comments-INITIAL_FORMS": 0, "embargo_missions": []})
    response = client.post(f"/admin/pages/{live.pk}/edit/", data)
    assert "Only headquarters releases may address the whole network" in response.content.decode()
    assert not live.get_latest_revision_as_object().embargo_network_wide
