"""Asset rules on pages, through the page editor over HTTP: alt text before publishing or approval, and no new uses
of assets whose rights expired, whose licence does not allow this page, or that belong privately to another mission."""

import datetime

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from embassies import factories as content
from embassies.assets.selectors import asset_use_problem, usable_now_q
from embassies.models import ArticlePage, EventPage, HubImage
from embassies.assets.models import AssetLicence


def article_form(page, *, action: str | None = None, hero_image=None, body=()) -> dict:
    data = {
        "title": page.title,
        "slug": page.slug,
        "kind": "news",
        "summary": page.summary,
        "hero_image": hero_image.pk if hero_image else "",
        "body": streamfield(list(body)),
        "comments": inline_formset([]),
    }
    if action:
        data[action] = action
    return nested_form_data(data)


def image_block(image):
    return ("image", {"image": image.pk, "caption": "", "credit": ""})


def _errors(response) -> str:
    assert response.status_code == 200, f"expected the form back with errors, got {response.status_code}"
    return response.content.decode()


@pytest.fixture
def hanoi_draft(hanoi):
    return content.article(content.section(hanoi), title="Harbour festival", live=False)


@pytest.fixture
def paris_draft(paris):
    return content.article(content.section(paris), title="Fête de la musique", live=False)


def test_publishing_with_an_image_lacking_alt_text_fails_naming_the_image(client, staff, hanoi, hanoi_draft):
    bare = content.image(title="Lanterns at night", collection=hanoi.collection)
    client.force_login(staff["hq_admin"])

    response = client.post(f"/admin/pages/{hanoi_draft.pk}/edit/", article_form(hanoi_draft, action="action-publish", body=[image_block(bare)]))

    assert "Add alt text to the image &#x27;Lanterns at night&#x27;" in _errors(response)
    hanoi_draft.refresh_from_db()
    assert not hanoi_draft.live


def test_drafts_with_images_lacking_alt_text_can_still_be_saved(client, staff, hanoi, hanoi_draft):
    bare = content.image(title="Lanterns at night", collection=hanoi.collection)
    client.force_login(staff["hanoi_editor"])

    response = client.post(f"/admin/pages/{hanoi_draft.pk}/edit/", article_form(hanoi_draft, hero_image=bare))

    assert response.status_code == 302
    assert ArticlePage.objects.get(pk=hanoi_draft.pk).get_latest_revision_as_object().hero_image_id == bare.pk


def test_alt_text_in_the_pages_language_is_enough_to_publish(client, staff, hanoi, hanoi_draft):
    assert hanoi_draft.locale.language_code == "vi"
    localised = content.image(
        title="Lanterns at night", collection=hanoi.collection, translations={"vi": {"alt_text": "Đèn lồng về đêm"}}
    )
    client.force_login(staff["hq_admin"])

    response = client.post(f"/admin/pages/{hanoi_draft.pk}/edit/", article_form(hanoi_draft, action="action-publish", hero_image=localised))

    assert response.status_code == 302, response.content.decode()[:2000]
    hanoi_draft.refresh_from_db()
    assert hanoi_draft.live and hanoi_draft.hero_image_id == localised.pk


def test_approving_in_review_with_an_image_lacking_alt_text_is_refused(client, staff, hanoi, hanoi_draft):
    bare = content.image(title="Lanterns at night", collection=hanoi.collection)
    client.force_login(staff["hanoi_editor"])
    submitted = client.post(f"/admin/pages/{hanoi_draft.pk}/edit/", article_form(hanoi_draft, action="action-submit", hero_image=bare))
    assert submitted.status_code == 302
    hanoi_draft.refresh_from_db()
    task_state = hanoi_draft.current_workflow_task_state
    assert task_state is not None

    client.force_login(staff["asia_reviewer"])
    response = client.post(
        f"/admin/pages/workflow/action/{hanoi_draft.pk}/approve/{task_state.pk}/", {"comment": ""}, follow=True
    )

    hanoi_draft.refresh_from_db()
    assert "Not approved: Add alt text to the image &#x27;Lanterns at night&#x27;" in response.content.decode()
    assert not hanoi_draft.live and hanoi_draft.current_workflow_task_state.pk == task_state.pk

    HubImage.objects.filter(pk=bare.pk).update(alt_text="Red lanterns over a street")
    response = client.post(f"/admin/pages/workflow/action/{hanoi_draft.pk}/approve/{task_state.pk}/", {"comment": ""})
    hanoi_draft.refresh_from_db()
    assert hanoi_draft.live


def test_expired_asset_cannot_be_newly_inserted_but_existing_uses_keep_working(client, staff, hanoi, hanoi_draft):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    expired = content.image(
        title="Old press photo", collection=hanoi.collection, alt_text="Delegates", usage_rights_expire_at=yesterday
    )
    client.force_login(staff["hanoi_editor"])

    response = client.post(f"/admin/pages/{hanoi_draft.pk}/edit/", article_form(hanoi_draft, hero_image=expired))
    assert f"usage rights expired on {yesterday.isoformat()}" in _errors(response)

    still_valid = content.image(title="Press photo", collection=hanoi.collection, alt_text="Delegates")
    assert client.post(f"/admin/pages/{hanoi_draft.pk}/edit/", article_form(hanoi_draft, hero_image=still_valid)).status_code == 302
    HubImage.objects.filter(pk=still_valid.pk).update(usage_rights_expire_at=yesterday)
    response = client.post(f"/admin/pages/{hanoi_draft.pk}/edit/", article_form(hanoi_draft, hero_image=still_valid))
    assert response.status_code == 302, "an existing use must keep working after the rights expire"
    editor = client.get(f"/admin/pages/{hanoi_draft.pk}/edit/").content.decode()
    assert f"This page uses &#x27;Press photo&#x27; (usage rights expired on {yesterday.isoformat()})" in editor


def test_restricted_shared_asset_is_only_for_its_source_mission(client, staff, hanoi, hanoi_draft, paris_draft):
    restricted = content.image(
        title="Agency photo", collection=hanoi.collection, alt_text="A ceremony", is_shared=True,
        licence=AssetLicence.RESTRICTED,
    )
    assert restricted.source_mission_id == hanoi.pk

    client.force_login(staff["paris_editor"])
    response = client.post(f"/admin/pages/{paris_draft.pk}/edit/", article_form(paris_draft, body=[image_block(restricted)]))
    assert "licensed with restrictions to its source mission only" in _errors(response)

    client.force_login(staff["hanoi_editor"])
    assert client.post(f"/admin/pages/{hanoi_draft.pk}/edit/", article_form(hanoi_draft, hero_image=restricted)).status_code == 302


def test_private_asset_of_another_mission_cannot_be_inserted_by_id(client, staff, hanoi, paris_draft):
    private = content.image(title="Residence garden", collection=hanoi.collection, alt_text="A garden")
    client.force_login(staff["paris_editor"])

    response = client.post(f"/admin/pages/{paris_draft.pk}/edit/", article_form(paris_draft, hero_image=private))

    assert "is not available to your mission" in _errors(response)


def test_licence_semantics(hanoi, paris):
    editorial = content.image(title="Wire photo", collection=hanoi.collection, licence=AssetLicence.EDITORIAL_ONLY)
    restricted = content.image(title="Agency photo", collection=hanoi.collection, licence=AssetLicence.RESTRICTED)
    open_licence = content.image(title="CC photo", collection=hanoi.collection, licence=AssetLicence.CC_BY)

    assert asset_use_problem(editorial, page_model=ArticlePage, mission_id=paris.pk) is None
    assert "editorial use only" in asset_use_problem(editorial, page_model=EventPage, mission_id=paris.pk)
    assert asset_use_problem(restricted, page_model=EventPage, mission_id=hanoi.pk) is None
    assert asset_use_problem(open_licence, page_model=EventPage, mission_id=paris.pk) is None

    ids = {editorial.pk, restricted.pk, open_licence.pk}
    usable = lambda **kwargs: set(HubImage.objects.filter(usable_now_q(**kwargs), pk__in=ids).values_list("pk", flat=True))  # noqa: E731
    assert usable() == {editorial.pk, open_licence.pk}
    assert usable(editorial=False) == {open_licence.pk}
    assert usable(mission=hanoi) == ids
    assert usable(today=timezone.localdate()) == usable()
