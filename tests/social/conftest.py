import re

import pytest

from embassies import factories
from hub.models import MissionSocialAccount
from social import services
from tests.social.fakes.facebook import FakeFacebook
from tests.social.fakes.linkedin import FakeLinkedIn
from tests.social.fakes.telegram import FakeTelegram
from tests.social.fakes.x import FakeX
from tests.social.fakes.youtube import FakeYouTube
from tests.social.fakes.zalo import FakeZalo


def _started(fake):
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture
def telegram():
    yield from _started(FakeTelegram())


@pytest.fixture
def fake_x():
    yield from _started(FakeX())


@pytest.fixture
def fake_facebook():
    yield from _started(FakeFacebook())


@pytest.fixture
def fake_linkedin():
    yield from _started(FakeLinkedIn())


@pytest.fixture
def fake_youtube():
    yield from _started(FakeYouTube())


@pytest.fixture
def fake_zalo():
    yield from _started(FakeZalo())


@pytest.fixture
def hub_points_at(settings, telegram):
    settings.HUB_SOCIAL_API_BASES = {"telegram": telegram.url}
    settings.HUB_SOCIAL_DELIVERY = {**settings.HUB_SOCIAL_DELIVERY, "TIMEOUT_SECONDS": 0.5}
    return settings


@pytest.fixture
def paris_telegram(paris, telegram, hub_points_at):
    account = MissionSocialAccount.objects.create(
        mission=paris, platform="telegram", handle="@embassy_test", language_code="fr", url="https://t.me/embassy_test")
    services.connect_with_token(account, token=telegram.token, chat="@embassy_test")
    return account


@pytest.fixture
def paris_page(paris):
    return factories.article(factories.section(paris), title="Fête de la science")


def header_title(html: str) -> str:
    """The text of the admin header's last breadcrumb: what the screen is called at the top of the page."""
    nav = re.search(r'<nav[^>]*aria-label="Breadcrumb">(.*?)</nav>', html, re.S).group(1)
    last = re.findall(r"<li\b.*?</li>", nav, re.S)[-1]
    return " ".join(re.sub(r"<[^>]+>", " ", last).split())
