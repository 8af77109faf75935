"""What a request says about a read: the kind of device and where the reader came from."""

import pytest

from analytics.traffic import device_class, referrer_host, referrer_source

from .conftest import IPHONE, READER_AGENT

IPAD = "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
ANDROID_PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"
ANDROID_TABLET = "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


@pytest.mark.parametrize(("agent", "device"), [
    (IPHONE, "mobile"), (ANDROID_PHONE, "mobile"), (IPAD, "tablet"), (ANDROID_TABLET, "tablet"),
    (WINDOWS, "desktop"), (READER_AGENT, "desktop"),
])
def test_the_device_class_comes_from_the_user_agent(agent, device):
    assert device_class(agent) == device


@pytest.mark.parametrize(("referrer", "host", "source"), [
    ("https://www.google.com.vn/search?q=visa+vietnam", "google.com.vn", "search"),
    ("https://www.bing.com/", "bing.com", "search"),
    ("https://coccoc.com/search#query=thi+thuc", "coccoc.com", "search"),
    ("https://duckduckgo.com/", "duckduckgo.com", "search"),
    ("https://l.facebook.com/l.php?u=x", "l.facebook.com", "social"),
    ("https://t.co/abc", "t.co", "social"),
    ("https://www.linkedin.com/feed/", "linkedin.com", "social"),
    ("https://zalo.me/s/123", "zalo.me", "social"),
    ("https://mail.google.com/mail/u/0/", "mail.google.com", "other"),
    ("https://vnexpress.net/the-gioi/visa-4000.html", "vnexpress.net", "other"),
    ("android-app://com.google.android.gm/", "com.google.android.gm", "other"),
    ("android-app://com.google.android.googlequicksearchbox/", "com.google.android.googlequicksearchbox", "search"),
    ("https://www.google.co.uk/", "google.co.uk", "search"),
    ("https://search.brave.com/search?q=x", "search.brave.com", "search"),
    ("", "", "direct"),
    ("not a url", "", "direct"),
    ("https://embassy.example.vn/vi/hanoi/", "embassy.example.vn", "direct"),
])
def test_the_referrer_is_kept_as_its_host_and_its_kind(referrer, host, source):
    assert referrer_host(referrer) == host
    assert referrer_source(referrer_host(referrer), own_host="www.embassy.example.vn") == source
