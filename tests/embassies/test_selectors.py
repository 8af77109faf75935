"""Mission ownership read in one place: `pages_under` and `mission_home_for_page`."""

import pytest
from wagtail.models import Page

from embassies.models import MissionHomePage, NetworkRootPage, SectionIndexPage
from embassies.selectors import mission_home_for_page, pages_under, subtrees
from hub.models import Mission


def _subtree_ids(homes) -> set[int]:
    ids = set()
    for home in homes:
        ids |= set(Page.objects.descendant_of(home, inclusive=True).values_list("pk", flat=True))
    return ids


@pytest.mark.django_db
def test_the_pages_under_a_mission_are_its_homes_in_every_language_and_all_below(hanoi, paris):
    hanoi_homes = list(MissionHomePage.objects.filter(mission=hanoi))
    assert len(hanoi_homes) >= 2  # Hanoi publishes in more than one language

    under_hanoi = set(pages_under(missions=[hanoi]).values_list("pk", flat=True))
    under_paris = set(pages_under(missions=Mission.objects.filter(slug="paris")).values_list("pk", flat=True))

    assert under_hanoi == _subtree_ids(hanoi_homes)
    assert under_paris == _subtree_ids(MissionHomePage.objects.filter(mission=paris))
    assert not under_hanoi & under_paris
    assert not set(NetworkRootPage.objects.values_list("pk", flat=True)) & under_hanoi
    assert set(pages_under(missions=[hanoi, paris]).values_list("pk", flat=True)) == under_hanoi | under_paris
    assert not pages_under(missions=[]).exists()
    assert not Page.objects.filter(subtrees([])).exists()


@pytest.mark.django_db
def test_pages_under_narrows_a_given_queryset(hanoi):
    sections = pages_under(missions=[hanoi], queryset=SectionIndexPage.objects.all())
    assert sections.exists()
    assert all(section.get_parent().specific.mission_id == hanoi.pk for section in sections)


@pytest.mark.django_db
def test_the_mission_home_of_a_page_is_found_from_any_depth(hanoi):
    home = MissionHomePage.objects.filter(mission=hanoi).first()
    section = SectionIndexPage.objects.child_of(home).first()

    assert mission_home_for_page(page=home) == home
    assert mission_home_for_page(page=section) == home
    assert mission_home_for_page(page=section).mission == hanoi
    assert mission_home_for_page(page=home.get_parent()) is None
    assert mission_home_for_page(page=Page.get_first_root_node()) is None
