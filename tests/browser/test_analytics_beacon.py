"""The reference site's beacon in a real Chromium: a read is counted once through /api/v1/analytics/hit with the
browser's own request, a headless browser's user agent is a crawler's and is not counted, and Global Privacy
Control counts the read without a visitor hash."""

DESKTOP_CHROME = ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
                  "Safari/537.36")
HOME_AND_HITS = """
import json
from analytics.models import PageHit
from embassies.models import MissionHomePage
home = MissionHomePage.objects.get(mission__slug="hanoi", locale__language_code="vi")
print(json.dumps({"id": home.pk, "url": home.url,
                  "hits": list(PageHit.objects.filter(page_id=home.pk).order_by("pk").values_list("visitor", "device"))}))
"""


def _read(browser, hub_server, url: str, **context_options) -> int:
    """Open `url` in a new context and return the status of the beacon's answer."""
    context = browser.new_context(base_url=hub_server.base_url, **context_options)
    try:
        page = context.new_page()
        with page.expect_response(lambda response: response.url.endswith("/api/v1/analytics/hit")) as beacon:
            page.goto(url)
        assert beacon.value.request.method == "POST"
        return beacon.value.status
    finally:
        context.close()


def test_the_reference_site_counts_a_read_in_a_real_browser(browser, hub_server):
    home = hub_server.python(HOME_AND_HITS)
    assert _read(browser, hub_server, home["url"], user_agent=DESKTOP_CHROME) == 202
    assert _read(browser, hub_server, home["url"]) == 202  # Chromium's own headless user agent
    assert _read(browser, hub_server, home["url"], user_agent=DESKTOP_CHROME, extra_http_headers={"Sec-GPC": "1"}) == 202

    hits = hub_server.python(HOME_AND_HITS)["hits"][len(home["hits"]):]
    assert len(hits) == 2, hits
    (tracked, tracked_device), (private, private_device) = hits
    assert len(tracked) == 32 and private == ""
    assert tracked_device == private_device == "desktop"
