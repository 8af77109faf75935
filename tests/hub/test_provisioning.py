"""Mission provisioning: what it creates, that it is idempotent, that it updates, and that failures leave nothing."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Workflow

from embassies import signal_handlers as embassies_handlers
from embassies.models import MissionHomePage, NetworkRootPage, SectionIndexPage
from embassies.signals import mission_homes_provisioned
from hub import factories
from hub.models import Mission
from hub.roles import Role
from hub.services import ProvisioningError, mission_create, mission_provision
from hub.signals import mission_provisioned


def _counts():
    return {
        "missions": Mission.objects.count(),
        "pages": Page.objects.count(),
        "collections": Collection.objects.count(),
        "groups": Group.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "collection_permissions": GroupCollectionPermission.objects.count(),
    }


def _mission_kwargs(**overrides):
    kwargs = {
        "slug": "cairo",
        "name": "Embassy in Cairo",
        "kind": "embassy",
        "country": "EG",
        "city": "Cairo",
        "region": factories.region("africa-middle-east"),
        "timezone": "Africa/Cairo",
        "default_language_code": "ar",
        "extra_language_codes": ["en", "fr"],
        "names": {"ar": "السفارة في القاهرة", "fr": "Ambassade au Caire"},
    }
    kwargs.update(overrides)
    return kwargs


@pytest.mark.django_db
def test_creating_a_mission_provisions_pages_collection_and_groups():
    mission, report = mission_create(**_mission_kwargs())

    homes = {home.locale.language_code: home for home in MissionHomePage.objects.filter(mission=mission)}
    assert set(homes) == {"ar", "en", "fr"}
    assert homes["ar"].title == "السفارة في القاهرة"
    assert homes["fr"].title == "Ambassade au Caire"
    assert homes["en"].title == "Embassy in Cairo"
    assert all(home.live for home in homes.values())
    assert len({home.translation_key for home in homes.values()}) == 1
    for code, home in homes.items():
        sections = SectionIndexPage.objects.child_of(home)
        assert sorted(sections.values_list("slug", flat=True)) == ["consular", "events", "news", "press-briefings"]
        assert all(section.locale.language_code == code for section in sections)
    assert SectionIndexPage.objects.child_of(homes["ar"]).get(slug="news").title == "الأخبار"
    assert SectionIndexPage.objects.child_of(homes["fr"]).get(slug="press-briefings").title == "Points de presse"

    assert mission.collection.name == "Embassy in Cairo"
    assert mission.editors_group.name == "Embassy in Cairo · Editors"
    editor_page_perms = set(
        GroupPagePermission.objects.filter(group=mission.editors_group).values_list("page_id", "permission__codename")
    )
    assert editor_page_perms == {(home.pk, codename) for home in homes.values() for codename in ("add_page", "change_page")}
    head_codenames = set(
        GroupPagePermission.objects.filter(group=mission.heads_group).values_list("permission__codename", flat=True)
    )
    assert head_codenames == {"add_page", "change_page", "lock_page", "unlock_page"}
    assert "publish_page" not in head_codenames
    assert mission.heads_group.permissions.filter(codename="fast_track_mission_content").exists()
    reviewers = mission.region.reviewers_group
    assert set(GroupPagePermission.objects.filter(group=reviewers).values_list("page_id", flat=True)) == {
        home.pk for home in homes.values()
    }
    assert report.created


@pytest.mark.django_db
def test_provisioning_again_changes_nothing():
    mission, _report = mission_create(**_mission_kwargs())
    before = _counts()
    revisions_before = sum(page.revisions.count() for page in Page.objects.all())

    report = mission_provision(mission=mission)

    assert not report.changed
    assert _counts() == before
    assert sum(page.revisions.count() for page in Page.objects.all()) == revisions_before


@pytest.mark.django_db
def test_provisioning_adds_a_press_briefings_section_a_mission_made_before_lacks_and_its_editors_add_briefings_there(
    client,
):
    mission, _report = mission_create(**_mission_kwargs())
    older = SectionIndexPage.objects.filter(mission=mission, slug="press-briefings")
    assert older.count() == 3
    for section in older:
        section.delete()  # as a mission provisioned before every mission had one

    report = mission_provision(mission=mission)

    added = SectionIndexPage.objects.filter(mission=mission, slug="press-briefings")
    assert {section.locale.language_code for section in added} == {"ar", "en", "fr"}
    assert all(section.live for section in added) and len({section.translation_key for section in added}) == 1
    assert sum("press-briefings" in line for line in report.created) == 3
    assert not mission_provision(mission=mission).changed
    editor = factories.staff_user("cairo_editor", Role.MISSION_EDITOR, mission=mission)
    client.force_login(editor)
    english = added.get(locale__language_code="en")
    assert client.get(f"/admin/pages/add/press/briefingpage/{english.pk}/").status_code == 200
    news = SectionIndexPage.objects.get(mission=mission, slug="news", locale__language_code="en")
    refused = client.get(f"/admin/pages/add/press/briefingpage/{news.pk}/")  # Wagtail sends a wrong type home
    assert refused.status_code == 302 and refused.url == "/admin/"


@pytest.mark.django_db
def test_renaming_and_adding_a_locale_update_what_was_provisioned():
    mission, _report = mission_create(**_mission_kwargs())
    mission.name = "Embassy of the Republic in Cairo"
    mission.extra_language_codes = ["en", "fr", "es"]
    mission.save()

    report = mission_provision(mission=mission)

    mission.refresh_from_db()
    assert mission.collection.name == "Embassy of the Republic in Cairo"
    assert mission.editors_group.name == "Embassy of the Republic in Cairo · Editors"
    assert MissionHomePage.objects.get(mission=mission, locale__language_code="en").title == mission.name
    spanish_home = MissionHomePage.objects.get(mission=mission, locale__language_code="es")
    assert SectionIndexPage.objects.child_of(spanish_home).get(slug="news").title == "Noticias"
    assert GroupPagePermission.objects.filter(group=mission.editors_group, page=spanish_home).count() == 2
    assert any("es" in line or "Noticias" in line for line in report.created)


@pytest.mark.django_db
def test_renaming_never_publishes_a_pending_draft_or_an_unpublished_home():
    mission, _report = mission_create(**_mission_kwargs(extra_language_codes=["en", "es"]))
    english = MissionHomePage.objects.get(mission=mission, locale__language_code="en")
    draft = english.get_latest_revision_as_object()
    draft.introduction = "Draft welcome text, not approved yet"
    draft.save_revision()
    spanish = MissionHomePage.objects.get(mission=mission, locale__language_code="es")  # titled with the main name
    spanish.unpublish()
    mission.name = "Embassy of the Republic in Cairo"
    mission.save()

    mission_provision(mission=mission)

    english.refresh_from_db()
    assert english.live and english.has_unpublished_changes
    assert english.introduction != "Draft welcome text, not approved yet"  # the live page did not take the draft
    pending = english.get_latest_revision_as_object()
    assert pending.title == mission.name and pending.introduction == "Draft welcome text, not approved yet"
    spanish.refresh_from_db()
    assert not spanish.live and spanish.get_latest_revision_as_object().title == mission.name


@pytest.mark.django_db
def test_moving_a_mission_to_another_region_moves_its_reviewers():
    mission, _report = mission_create(**_mission_kwargs())
    old_reviewers = mission.region.reviewers_group
    mission.region = factories.region("europe")
    mission.save()

    mission_provision(mission=mission)

    homes = MissionHomePage.objects.filter(mission=mission)
    assert not GroupPagePermission.objects.filter(group=old_reviewers, page__in=homes).exists()
    assert GroupPagePermission.objects.filter(group=mission.region.reviewers_group, page__in=homes).count() == 3


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("country", "XX", "not an ISO 3166-1"),
        ("timezone", "Mars/Olympus_Mons", "not an IANA time zone"),
        ("default_language_code", "tlh", "not a content language"),
        ("extra_language_codes", ["en", "xx"], "not a content language"),
    ],
)
def test_invalid_mission_data_is_refused_and_nothing_is_created(field, value, message):
    before = _counts()
    with pytest.raises(ValidationError) as error:
        mission_create(**_mission_kwargs(**{field: value}))
    assert message in str(error.value.message_dict[field])
    assert _counts() == before


@pytest.mark.django_db
def test_a_provisioning_conflict_rolls_everything_back():
    # A page already sits where Cairo's French home page must go; the Arabic and English parts
    # would succeed first, and must be rolled back with everything else.
    french_network_root = NetworkRootPage.objects.get(locale__language_code="fr")
    french_network_root.add_child(instance=SectionIndexPage(title="Archives du Caire", slug="cairo"))
    before = _counts()

    with pytest.raises(ProvisioningError, match="already used"):
        mission_create(**_mission_kwargs())

    assert _counts() == before
    assert not Mission.objects.filter(slug="cairo").exists()
    assert not Collection.objects.filter(name="Embassy in Cairo").exists()


@pytest.mark.django_db
def test_a_room_above_failing_on_the_provisioning_signal_rolls_everything_back():
    """Pages and workflows come from the rooms above hub through signals inside the provisioning transaction:
    when the last receiver (moderation's workflows) fails, the mission, its groups, collection and pages go too."""
    def workflows_fail(sender, mission, home_pages, **kwargs):
        assert len(home_pages) == 3  # the pages were made, in Arabic, English and French
        raise RuntimeError("workflow store unavailable")

    before, workflows_before = _counts(), Workflow.objects.count()
    mission_homes_provisioned.connect(workflows_fail, dispatch_uid="test_workflows_fail")
    try:
        with pytest.raises(RuntimeError, match="workflow store unavailable"):
            mission_create(**_mission_kwargs())
    finally:
        mission_homes_provisioned.disconnect(dispatch_uid="test_workflows_fail")

    assert _counts() == before and Workflow.objects.count() == workflows_before
    assert not MissionHomePage.objects.filter(slug="cairo").exists()


@pytest.mark.django_db
def test_provisioning_reaches_pages_and_workflows_only_through_its_signals():
    """With the rooms above disconnected, hub provisions only what it owns: the mission, groups, collection."""
    assert mission_provisioned.disconnect(sender=Mission, dispatch_uid="embassies_mission_pages")
    try:
        mission, report = mission_create(**_mission_kwargs())
    finally:
        mission_provisioned.connect(
            embassies_handlers.mission_provisioned, sender=Mission, dispatch_uid="embassies_mission_pages"
        )
    assert mission.collection is not None and mission.editors_group is not None and mission.heads_group is not None
    assert not MissionHomePage.objects.filter(mission=mission).exists()
    assert not any(line.startswith("home page") for line in report.created)

    report = mission_provision(mission=mission)  # connected again: the pages follow on the next run
    assert MissionHomePage.objects.filter(mission=mission).count() == 3
    assert sum(line.startswith("home page") for line in report.created) == 3


@pytest.mark.django_db
def test_create_mission_command_provisions_and_reports_bad_input(capsys):
    call_command(
        "create_mission", "lagos", "--name", "Consulate-General in Lagos", "--kind", "consulate_general",
        "--country", "NG", "--city", "Lagos", "--region", "africa-middle-east", "--timezone", "Africa/Lagos",
        "--locale", "en", "--extra-locales", "fr", "--localised-name", "fr=Consulat général à Lagos",
    )
    assert MissionHomePage.objects.filter(mission__slug="lagos").count() == 2
    assert "Created Consulate-General in Lagos" in capsys.readouterr().out

    before = _counts()
    with pytest.raises(CommandError, match="timezone"):
        call_command(
            "create_mission", "abuja", "--name", "Embassy in Abuja", "--country", "NG", "--city", "Abuja",
            "--region", "africa-middle-east", "--timezone", "Africa/Atlantis", "--locale", "en",
        )
    with pytest.raises(CommandError, match="Unknown region"):
        call_command(
            "create_mission", "abuja", "--name", "Embassy in Abuja", "--country", "NG", "--city", "Abuja",
            "--region", "antarctica", "--timezone", "Africa/Lagos", "--locale", "en",
        )
    assert _counts() == before
