import pytest

from embassies import factories
from hub.models import MissionSocialAccount
from social import services
from tests.social.fakes.telegram import FakeTelegram


@pytest.fixture
def telegram():
    fake = FakeTelegram().start()
    yield fake
    fake.stop()


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
