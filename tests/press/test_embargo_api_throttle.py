"""Journalist tokens are throttled per token (the `journalist_token` rate), with the JSON 429 and Retry-After of
the rest of v1: one token running out neither stops another journalist's token nor counts as anonymous."""

import pytest
from django.core.cache import cache

from press.services import journalist_token_issue

pytestmark = pytest.mark.django_db

RELEASE = "/api/v1/press/releases/{pk}/"


@pytest.fixture
def throttles(settings):
    """A small journalist-token rate and a low anonymous one, counted from zero."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anonymous": "2/min", "api_key": "1000/min", "journalist_token": "3/min"},
    }
    cache.clear()
    yield
    cache.clear()


def _token(journalist) -> dict:
    return {"HTTP_AUTHORIZATION": f"Journalist-Token {journalist_token_issue(journalist=journalist, name='feed').token}"}


def test_a_journalist_token_is_throttled_on_its_own_count_with_a_json_429(
    client, throttles, embargo_release, embargo_journalists
):
    hanoi, network = _token(embargo_journalists["hanoi"]), _token(embargo_journalists["network"])
    url = RELEASE.format(pk=embargo_release.pk)

    statuses = [client.get(url, **hanoi).status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]  # above the anonymous 2/min: the token is not counted as anonymous
    refused = client.get(url, **hanoi)
    body = refused.json()
    assert refused.status_code == 429 and body["code"] == "throttled"
    assert 0 < body["details"]["retry_after_seconds"] <= 60
    assert int(refused["Retry-After"]) == body["details"]["retry_after_seconds"]
    assert embargo_release.title not in refused.content.decode()
    assert client.get(url, **network).status_code == 200  # another token: its own count
    assert client.get("/api/v1/press/releases/").status_code == 200  # the address's anonymous count is untouched


def test_a_second_token_of_the_same_journalist_has_its_own_count(client, throttles, embargo_journalists):
    first, second = _token(embargo_journalists["hanoi"]), _token(embargo_journalists["hanoi"])
    me = "/api/v1/press/journalists/me/"

    assert [client.get(me, **first).status_code for _ in range(4)] == [200, 200, 200, 429]
    assert client.get(me, **second).status_code == 200
