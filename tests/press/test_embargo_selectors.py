"""Which embargoed releases a journalist may read: the approved, scheduled revision, for those it is addressed to."""

import pytest
from django.core.exceptions import ValidationError

from press.selectors import release_embargoed_for, releases_embargoed, releases_embargoed_for

from .conftest import EMBARGO_SECRET, embargoed_release

pytestmark = pytest.mark.django_db


def test_an_embargoed_release_is_scheduled_not_live_and_read_from_its_scheduled_revision(embargo_release):
    assert not embargo_release.live
    [release] = releases_embargoed()
    assert release.page.pk == embargo_release.pk
    assert release.revision.approved_go_live_at == embargo_release.go_live_at == release.embargoed_until
    assert release.mission_ids == [embargo_release.mission_id]


def test_only_accredited_journalists_of_the_addressed_mission_or_network_wide_read_it(embargo_release, embargo_journalists):
    readers = {name for name, journalist in embargo_journalists.items() if releases_embargoed_for(journalist=journalist)}
    assert readers == {"hanoi", "network"}
    assert release_embargoed_for(journalist=embargo_journalists["paris"], page_id=embargo_release.pk) is None
    assert release_embargoed_for(journalist=None, page_id=embargo_release.pk) is None


def test_a_network_wide_hq_release_reaches_every_accredited_journalist(hq, embargo_journalists):
    embargoed_release(hq, title=f"{EMBARGO_SECRET} Minister's statement", kind="statement", network_wide=True)
    readers = {name for name, journalist in embargo_journalists.items() if releases_embargoed_for(journalist=journalist)}
    assert readers == {"hanoi", "paris", "network"}


def test_a_release_addressed_to_other_missions_reaches_their_journalists(hanoi, paris, embargo_journalists):
    embargoed_release(hanoi, title=f"{EMBARGO_SECRET} Joint communiqué", missions=[paris])
    readers = {name for name, journalist in embargo_journalists.items() if releases_embargoed_for(journalist=journalist)}
    assert readers == {"paris", "network"}


def test_the_journalist_reads_the_scheduled_text_not_a_later_unapproved_draft(embargo_release, embargo_journalists):
    embargo_release.title = "Unapproved rewrite"
    embargo_release.save_revision()
    [release] = releases_embargoed_for(journalist=embargo_journalists["hanoi"])
    assert release.page.title.startswith(EMBARGO_SECRET)


def test_news_articles_flagged_by_code_are_not_embargoed_releases(hanoi, embargo_journalists):
    with pytest.raises(ValidationError, match="Only press releases and statements"):
        embargoed_release(hanoi, title="News with a flag", kind="news")
    assert releases_embargoed() == []
