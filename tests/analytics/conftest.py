"""Pages to read and a reader's request: an address and a browser's user agent, which nothing may keep."""

import json

import pytest
from wagtail.models import PageViewRestriction

from embassies import factories as content

HIT = "/api/v1/analytics/hit"
READER_ADDRESS = "203.0.113.77"
READER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0 ReaderMarker/7.7"
IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
          "Version/17.5 Mobile/15E148 Safari/604.1")
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


@pytest.fixture
def pages(hanoi, paris):
    """A live Hanoi article, a Hanoi draft, a restricted Hanoi article and a live Paris article."""
    news = content.section(hanoi)
    restricted = content.article(news, title="For the team only")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    return {
        "hanoi": content.article(news, title="Visa hours during Tet"),
        "draft": content.article(news, title="Not yet approved", live=False),
        "restricted": restricted,
        "paris": content.article(content.section(paris), title="Fête nationale"),
    }


@pytest.fixture
def read(client):
    """Report a read through the API as a browser would: JSON sent as text/plain, from the reader's address."""

    def read(body: dict | str, *, agent: str = READER_AGENT, address: str = READER_ADDRESS, **headers):
        data = body if isinstance(body, str) else json.dumps(body)
        return client.post(
            HIT, data, content_type="text/plain;charset=UTF-8", REMOTE_ADDR=address, HTTP_USER_AGENT=agent, **headers
        )

    return read
