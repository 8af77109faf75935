"""`manage.py analytics_rollup`: per-page, per-day reads equal a recount of the raw hits, a second run changes
nothing, late hits are counted, and raw hits past HUB_ANALYTICS_RAW_DAYS are deleted once rolled up."""

import datetime as dt
import io
from collections import Counter, defaultdict

import pytest
import time_machine
from django.core.management import call_command

from analytics.models import BREAKDOWN_DIMENSIONS, PageHit, PageReadsDaily, ReadsRollup
from analytics.selectors import page_reads_for_missions
from analytics.services import raw_hits_prune

from .conftest import GOOGLEBOT, IPHONE

DAY = dt.datetime(2027, 3, 1, 8, tzinfo=dt.UTC)


def rollup() -> str:
    out = io.StringIO()
    call_command("analytics_rollup", stdout=out)
    return out.getvalue()


def recount() -> dict:
    """The expected rollup, counted in Python from the raw hits."""
    expected = defaultdict(lambda: {"views": 0, "visitors": set(), "breakdown": defaultdict(Counter)})
    for hit in PageHit.objects.all():
        row = expected[(hit.page_id, hit.day)]
        row["views"] += 1
        if hit.visitor:
            row["visitors"].add(hit.visitor)
        for dimension in BREAKDOWN_DIMENSIONS:
            if value := getattr(hit, dimension):
                row["breakdown"][dimension][value] += 1
    return {
        key: (row["views"], len(row["visitors"]), {name: dict(values) for name, values in row["breakdown"].items()})
        for key, row in expected.items()
    }


def rolled_up() -> dict:
    return {(row.page_id, row.day): (row.views, row.visitors, row.breakdown) for row in PageReadsDaily.objects.all()}


@pytest.fixture
def three_days_of_reads(read, pages):
    """Reads of Hanoi's and Paris's pages over three days: repeat readers, DNT, campaigns, phones, a crawler."""
    hanoi, paris = pages["hanoi"].pk, pages["paris"].pk
    for offset in range(3):
        with time_machine.travel(DAY + dt.timedelta(days=offset), tick=False):
            for reader in range(4 + offset):
                address = f"198.51.100.{reader}"
                read({"page": hanoi, "referrer": "https://www.google.com/", "language": "vi"}, address=address)
                read({"page": hanoi, "url": f"https://vn.example{pages['hanoi'].url}?utm_campaign=tet"},
                     address=address, agent=IPHONE)
            read({"page": paris, "language": "fr-FR", "referrer": "https://t.co/x"}, HTTP_DNT="1")
            read({"page": paris}, agent=GOOGLEBOT)
    return pages


def test_the_rollup_equals_a_recount_of_the_raw_hits(three_days_of_reads, hanoi, paris):
    with time_machine.travel(DAY + dt.timedelta(days=2, hours=10), tick=False):
        output = rollup()

    assert rolled_up() == recount()
    assert PageReadsDaily.objects.count() == 6 and PageHit.objects.count() == 2 * (4 + 5 + 6) + 3
    first = PageReadsDaily.objects.get(page=three_days_of_reads["hanoi"], day=DAY.date())
    assert (first.views, first.visitors, first.mission_id) == (8, 8, hanoi.pk)  # a phone and a desktop per reader
    assert first.breakdown["device"] == {"desktop": 4, "mobile": 4}
    assert first.breakdown["utm_campaign"] == {"tet": 4} and first.breakdown["referrer_host"] == {"google.com": 4}
    private = PageReadsDaily.objects.get(page=three_days_of_reads["paris"], day=DAY.date())
    assert (private.views, private.visitors, private.mission_id) == (1, 0, paris.pk)
    assert private.breakdown == {"referrer_source": {"social": 1}, "referrer_host": {"t.co": 1}, "language": {"fr": 1},
                                 "device": {"desktop": 1}}
    assert "2027-03-01: 9 hits, 2 pages" in output and "Rolled up 3 day(s), 33 hits" in output and "hits/s" in output


def test_a_second_run_changes_nothing_and_a_forced_recount_gives_the_same_rows(three_days_of_reads):
    with time_machine.travel(DAY + dt.timedelta(days=2, hours=10), tick=False):
        rollup()
        first = {row.pk: row.views for row in PageReadsDaily.objects.all()}
        assert "Rolled up 0 day(s), 0 hits" in rollup()
        assert {row.pk: row.views for row in PageReadsDaily.objects.all()} == first
        before = rolled_up()
        ReadsRollup.objects.all().delete()
        rollup()
    assert rolled_up() == before == recount()


def test_reads_after_a_rollup_are_counted_by_the_next(read, three_days_of_reads):
    today = DAY + dt.timedelta(days=2, hours=10)
    with time_machine.travel(today, tick=False):
        rollup()
        read({"page": three_days_of_reads["paris"].pk})
        output = rollup()
    assert "Rolled up 1 day(s), 14 hits" in output  # only today, again, with its new read
    assert rolled_up() == recount()


def test_raw_hits_past_retention_are_deleted_after_their_rollup(three_days_of_reads, settings):
    settings.HUB_ANALYTICS_RAW_DAYS = 1
    with time_machine.travel(DAY + dt.timedelta(days=2, hours=10), tick=False):
        before = recount()
        output = rollup()
        assert "Deleted 9 raw hits older than 1 days." in output
        assert set(PageHit.objects.values_list("day", flat=True)) == {DAY.date() + dt.timedelta(days=n) for n in (1, 2)}
        # The deleted day's reads live on, and a later run leaves them alone.
        rollup()
    assert rolled_up() == before


def test_raw_hits_never_rolled_up_are_not_deleted(three_days_of_reads, settings):
    settings.HUB_ANALYTICS_RAW_DAYS = 0
    assert raw_hits_prune(today=DAY.date() + dt.timedelta(days=10)) == 0
    assert PageHit.objects.count() == 33


def test_a_missions_reads_are_its_own(three_days_of_reads, hanoi, paris):
    with time_machine.travel(DAY + dt.timedelta(days=2, hours=10), tick=False):
        rollup()
    days = {"since": DAY.date(), "until": DAY.date() + dt.timedelta(days=2)}
    hanoi_reads = list(page_reads_for_missions(missions=[hanoi], **days))
    assert {row.page_id for row in hanoi_reads} == {three_days_of_reads["hanoi"].pk}
    assert [row.views for row in hanoi_reads] == [8, 10, 12]
    assert {row.page_id for row in page_reads_for_missions(missions=[paris], **days)} == {three_days_of_reads["paris"].pk}
    later = {"since": DAY.date() + dt.timedelta(days=3), "until": DAY.date() + dt.timedelta(days=9)}
    assert not page_reads_for_missions(missions=[hanoi], **later).exists()
