"""The one place that writes dates, times and numbers for readers (`embassies.presentation.formats`)."""

import datetime as dt
import zoneinfo

from embassies.presentation.formats import cldr_locale, date_display, datetime_display, number_display, zone_named

UTC = dt.timezone.utc


def test_numbers_use_each_languages_separators():
    shown = {code: number_display(1234567.5, language_code=code) for code in ("en", "fr", "vi", "ar", "ja")}

    assert shown == {"en": "1,234,567.5", "fr": "1\u202f234\u202f567,5", "vi": "1.234.567,5", "ar": "1,234,567.5", "ja": "1,234,567.5"}


def test_a_moment_is_read_on_the_day_it_is_where_the_page_is_read():
    late_in_utc = dt.datetime(2025, 8, 6, 23, 30, tzinfo=UTC)

    assert date_display(late_in_utc, language_code="en", zone=zoneinfo.ZoneInfo("Asia/Tokyo")) == "August 7, 2025"
    assert date_display(late_in_utc, language_code="en", zone=UTC) == "August 6, 2025"


def test_the_hubs_language_codes_map_to_cldr_and_unknown_ones_fall_back_to_english():
    assert str(cldr_locale("zh-hans")) == "zh_Hans"
    assert str(cldr_locale("xx-nowhere")) == "en"
    assert datetime_display(dt.datetime(2026, 12, 30, 8, tzinfo=UTC), language_code="zh-hans", zone=UTC) == "2026年12月30日 08:00"


def test_an_unknown_time_zone_is_no_zone():
    assert zone_named("Mars/Olympus_Mons") is None and zone_named("") is None
