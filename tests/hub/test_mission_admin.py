"""Creating and editing missions through the Wagtail admin, over HTTP."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from embassies.models import MissionHomePage, NetworkRootPage, SectionIndexPage
from hub import factories
from hub.models import Mission

ADD_URL = "/admin/snippets/hub/mission/add/"


def _form(**overrides):
    data = {
        "name": "Embassy in Seoul",
        "slug": "seoul",
        "kind": "embassy",
        "region": factories.region("asia-pacific").pk,
        "country": "KR",
        "city": "Seoul",
        "timezone": "Asia/Seoul",
        "default_language_code": "ko",
        "extra_language_codes": ["en"],
        "email": "press@seoul.example.org",
        "names": inline_formset([{"language_code": "ko", "name": "주한 대사관"}]),
        "social_accounts": inline_formset(
            [{"platform": "x", "handle": "@EmbassySeoul", "language_code": "ko", "url": "https://x.com/EmbassySeoul"}]
        ),
    }
    data.update(overrides)
    # nested_form_data would number a plain list; multiple-choice fields post repeated keys instead.
    multiple = {key: data.pop(key) for key in [key for key, value in data.items() if isinstance(value, list)]}
    return {**nested_form_data(data), **multiple}


def _snapshot():
    return (Mission.objects.count(), Page.objects.count(), Collection.objects.count(), Group.objects.count())


@pytest.mark.django_db
def test_hq_administrator_creates_a_mission_in_the_admin(client, staff):
    client.force_login(staff["hq_admin"])
    assert client.get(ADD_URL).status_code == 200

    response = client.post(ADD_URL, _form())

    assert response.status_code == 302, response.content.decode()[:3000]
    mission = Mission.objects.get(slug="seoul")
    assert mission.names.get(language_code="ko").name == "주한 대사관"
    assert mission.social_accounts.get().handle == "@EmbassySeoul"
    assert MissionHomePage.objects.get(mission=mission, locale__language_code="ko").title == "주한 대사관"
    assert MissionHomePage.objects.filter(mission=mission).count() == 2
    assert mission.collection is not None and mission.editors_group is not None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [("country", "ZZ"), ("timezone", "Asia/Atlantis"), ("default_language_code", "tlh"), ("extra_language_codes", ["xx"])],
)
def test_invalid_mission_is_a_form_error_and_nothing_is_created(client, staff, field, value):
    client.force_login(staff["hq_admin"])
    before = _snapshot()

    response = client.post(ADD_URL, _form(**{field: value}))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert _snapshot() == before


@pytest.mark.django_db
def test_provisioning_conflict_is_a_form_error_and_nothing_is_half_created(client, staff):
    NetworkRootPage.objects.get(locale__language_code="en").add_child(
        instance=SectionIndexPage(title="Seoul archive", slug="seoul")
    )
    client.force_login(staff["hq_admin"])
    before = _snapshot()

    response = client.post(ADD_URL, _form())

    assert response.status_code == 200
    assert "already used" in str(response.context["form"].non_field_errors())
    assert _snapshot() == before


@pytest.mark.django_db
def test_editing_a_mission_renames_what_was_provisioned(client, staff, paris):
    client.force_login(staff["hq_admin"])
    url = f"/admin/snippets/hub/mission/edit/{paris.pk}/"
    form = _form(
        name="Embassy in Paris and Monaco", slug="paris", region=paris.region_id, country="FR", city="Paris",
        timezone="Europe/Paris", default_language_code="fr", extra_language_codes=["en", "es"],
        names=inline_formset([]), social_accounts=inline_formset([]),
    )

    response = client.post(url, form)

    assert response.status_code == 302, response.content.decode()[:3000]
    paris.refresh_from_db()
    assert paris.collection.name == "Embassy in Paris and Monaco"
    assert paris.heads_group.name == "Embassy in Paris and Monaco · Heads"
    assert MissionHomePage.objects.filter(mission=paris, locale__language_code="es").exists()


@pytest.mark.django_db
def test_mission_staff_cannot_create_missions(client, staff):
    client.force_login(staff["hanoi_head"])
    before = _snapshot()
    response = client.post(ADD_URL, _form())
    assert response.status_code in (302, 403)
    assert _snapshot() == before


@pytest.mark.django_db
def test_creating_and_renaming_a_region_provisions_its_reviewers_group(client, staff):
    client.force_login(staff["hq_admin"])
    response = client.post("/admin/snippets/hub/region/add/", {"name": "Pacific Islands", "slug": "pacific"})
    assert response.status_code == 302
    region = factories.region("pacific")
    assert region.reviewers_group.name == "HQ reviewers · Pacific Islands"
    assert region.reviewers_group.permissions.filter(codename="access_admin").exists()

    client.post(f"/admin/snippets/hub/region/edit/{region.pk}/", {"name": "Pacific", "slug": "pacific"})
    region.refresh_from_db()
    assert region.reviewers_group.name == "HQ reviewers · Pacific"
