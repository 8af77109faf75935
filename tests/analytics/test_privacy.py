"""Nothing of a reader is kept: no address, no user agent, no cookie in any table; Do-Not-Track and Global Privacy
Control count a read without a visitor hash; the hash changes with the day and its salt does not outlive the day."""

import datetime as dt

import pytest
import time_machine
from django.db import connection

from analytics.models import DailySalt, PageHit

from .conftest import IPHONE, READER_ADDRESS, READER_AGENT

COOKIE_VALUE = "cookie-value-reader-7f3a9c"
DAY = dt.datetime(2027, 2, 10, 9, 30, tzinfo=dt.UTC)


def database_text() -> str:
    """Every row of every table in the database, as text: what a dump would show."""
    rows = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            rows.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(rows)


def test_no_address_user_agent_or_cookie_is_stored_anywhere(client, read, pages):
    client.cookies["sessionid"] = COOKIE_VALUE
    client.cookies["_ga"] = COOKIE_VALUE
    for address, agent in [(READER_ADDRESS, READER_AGENT), ("2001:db8::77", IPHONE)]:
        for page in (pages["hanoi"], pages["paris"]):
            assert read({"page": page.pk, "referrer": "https://www.google.com/search?q=visa"},
                        address=address, agent=agent, HTTP_X_FORWARDED_FOR=address).status_code == 202
    assert PageHit.objects.count() == 4

    dump = database_text()
    assert str(pages["hanoi"].pk) in dump  # the scan does read the hits
    for secret in (READER_ADDRESS, "2001:db8::77", READER_AGENT, "ReaderMarker", IPHONE, "iPhone OS 17_5",
                   COOKIE_VALUE, "q=visa"):
        assert secret not in dump, secret
    assert "Set-Cookie" not in read({"page": pages["hanoi"].pk}).headers


@pytest.mark.parametrize("opt_out", [{"HTTP_DNT": "1"}, {"HTTP_SEC_GPC": "1"}, {"body": True}])
def test_do_not_track_and_global_privacy_control_count_without_a_visitor_hash(read, pages, opt_out):
    body = {"page": pages["hanoi"].pk, "dnt": opt_out.pop("body", False)}
    assert read(body, **opt_out).status_code == 202
    assert read({"page": pages["hanoi"].pk}).status_code == 202

    private, tracked = PageHit.objects.order_by("pk")
    assert private.visitor == "" and len(tracked.visitor) == 32
    assert private.device == tracked.device == "desktop"


def test_dnt_0_is_no_opt_out(read, pages):
    read({"page": pages["hanoi"].pk}, HTTP_DNT="0", HTTP_SEC_GPC="0")
    assert PageHit.objects.get().visitor


def test_the_visitor_hash_is_the_same_all_day_and_changes_with_the_day(read, pages):
    page = pages["hanoi"].pk
    with time_machine.travel(DAY, tick=False):
        read({"page": page})
    with time_machine.travel(DAY + dt.timedelta(hours=12), tick=False):
        read({"page": page})
        read({"page": page}, address="198.51.100.20")
        read({"page": pages["paris"].pk})
    with time_machine.travel(DAY + dt.timedelta(days=1), tick=False):
        read({"page": page})

    morning, evening, other_reader, other_site, next_day = PageHit.objects.order_by("pk")
    assert morning.visitor == evening.visitor
    assert len({morning.visitor, other_reader.visitor, other_site.visitor, next_day.visitor}) == 4
    assert (morning.day, next_day.day) == (DAY.date(), DAY.date() + dt.timedelta(days=1))
    assert morning.hour == DAY.replace(minute=0)
    # Only the new day's salt is left: yesterday's hashes can never be recomputed.
    assert list(DailySalt.objects.values_list("day", flat=True)) == [next_day.day]


BOTS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
    "python-requests/2.32.3",
    "curl/8.5.0",
    "",
]


@pytest.mark.parametrize("agent", BOTS)
def test_crawlers_and_scripts_are_answered_but_not_counted(read, pages, agent):
    assert read({"page": pages["hanoi"].pk}, agent=agent).status_code == 202
    assert not PageHit.objects.exists()


@pytest.mark.parametrize("header", [
    {"HTTP_PURPOSE": "prefetch"}, {"HTTP_SEC_PURPOSE": "prefetch"}, {"HTTP_SEC_PURPOSE": "prefetch;prerender"},
    {"HTTP_X_MOZ": "prefetch"}, {"HTTP_X_PURPOSE": "preview"},
])
def test_prefetches_are_answered_but_not_counted(read, pages, header):
    assert read({"page": pages["hanoi"].pk}, **header).status_code == 202
    assert not PageHit.objects.exists()


@pytest.mark.parametrize("method", ["head", "get", "put"])
def test_only_a_post_is_a_read(client, pages, method):
    response = getattr(client, method)("/api/v1/analytics/hit", HTTP_USER_AGENT=READER_AGENT)
    assert response.status_code == 405 and response["Allow"] == "POST, OPTIONS"
    assert not PageHit.objects.exists()
