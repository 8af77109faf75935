"""/api/v1/press/releases/ per caller: public releases for everyone (cacheable), embargoed ones only for a journalist
token whose journalist may read them (private, never cached, read logged); 404 for everyone else."""

import pytest

from api import factories as api_factories
from embassies import factories as content
from press.models import EmbargoRead, ReadChannel
from press.services import journalist_token_issue, journalist_token_revoke

from .conftest import EMBARGO_SECRET

pytestmark = pytest.mark.django_db

LIST = "/api/v1/press/releases/"


def _token(journalist) -> dict:
    issued = journalist_token_issue(journalist=journalist, name="newsroom")
    return {"HTTP_AUTHORIZATION": f"Journalist-Token {issued.token}"}


@pytest.fixture
def public_release(hanoi):
    return content.article(content.section(hanoi), title="Visa fees lowered", kind="press_release")


def test_public_releases_are_for_everyone_cacheable_with_etag_and_304(client, public_release, embargo_release):
    response = client.get(LIST)
    assert response.status_code == 200
    body = response.json()
    assert [item["title"] for item in body["results"]] == ["Visa fees lowered"]
    assert "embargoed" not in body and EMBARGO_SECRET not in response.content.decode()
    assert "public" in response["Cache-Control"] and response["ETag"] and "Authorization" in response["Vary"]
    assert client.get(LIST, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    detail = client.get(f"{LIST}{public_release.pk}/")
    assert detail.status_code == 200 and detail.json()["title"] == "Visa fees lowered" and "body" in detail.json()
    assert client.get(f"{LIST}{public_release.pk}/", HTTP_IF_NONE_MATCH=detail["ETag"]).status_code == 304


def test_news_articles_are_not_press_releases(client, hanoi):
    news = content.article(content.section(hanoi), title="Lunar new year fair")
    assert client.get(LIST).json()["results"] == []
    assert client.get(f"{LIST}{news.pk}/").status_code == 404


def test_a_journalist_who_may_read_it_gets_the_embargoed_copy_privately_and_the_read_is_logged(
    client, public_release, embargo_release, embargo_journalists
):
    headers = _token(embargo_journalists["hanoi"])
    listing = client.get(LIST, **headers)
    assert listing["Cache-Control"] == "private, no-store" and "ETag" not in listing
    [embargoed] = listing.json()["embargoed"]
    assert embargoed["id"] == embargo_release.pk and embargoed["embargoed_until"] == embargo_release.go_live_at.isoformat()
    assert [item["title"] for item in listing.json()["results"]] == ["Visa fees lowered"]
    response = client.get(f"{LIST}{embargo_release.pk}/", **headers)
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    data = response.json()
    assert data["title"] == embargo_release.title and data["embargoed_until"] and data["body"]
    [read] = EmbargoRead.objects.all()
    assert (read.journalist, read.channel, read.revision_id) == (embargo_journalists["hanoi"], ReadChannel.API, data["revision_id"])
    # The journalist's answer was never kept: the anonymous caller still gets a 404, not the copy.
    assert client.get(f"{LIST}{embargo_release.pk}/").status_code == 404


def test_a_network_wide_journalist_reads_it_too(client, embargo_release, embargo_journalists):
    response = client.get(f"{LIST}{embargo_release.pk}/", **_token(embargo_journalists["network"]))
    assert response.status_code == 200


@pytest.mark.parametrize("who", ["paris", "unverified", "pending", "expired", "rejected"])
def test_other_journalists_tokens_never_see_it(client, embargo_release, embargo_journalists, who):
    headers = _token(embargo_journalists[who])
    listing = client.get(LIST, **headers)
    assert listing.status_code == 200 and listing.json()["embargoed"] == []
    response = client.get(f"{LIST}{embargo_release.pk}/", **headers)
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert EMBARGO_SECRET not in listing.content.decode() + response.content.decode()
    assert not EmbargoRead.objects.exists()


def test_anonymous_callers_and_api_keys_get_a_404_like_for_nothing(client, hanoi, embargo_release):
    issued = api_factories.api_key(api_factories.consumer(missions=[hanoi]))
    missing = client.get(f"{LIST}999999/").json()
    for headers in ({}, {"HTTP_AUTHORIZATION": f"Api-Key {issued.key}"}):
        response = client.get(f"{LIST}{embargo_release.pk}/", **headers)
        assert response.status_code == 404
        assert response.json() == {**missing}
        assert EMBARGO_SECRET not in client.get(LIST, **headers).content.decode()


def test_a_revoked_or_wrong_token_is_a_401(client, embargo_journalists):
    issued = journalist_token_issue(journalist=embargo_journalists["hanoi"], name="old")
    journalist_token_revoke(record=issued.record)
    for token in (issued.token, "ejt_nope_nope"):
        response = client.get(LIST, HTTP_AUTHORIZATION=f"Journalist-Token {token}")
        assert response.status_code == 401 and "code" in response.json()


def test_bad_query_parameters_are_a_400_naming_them(client):
    response = client.get(f"{LIST}?page_size=1000")
    assert response.status_code == 400 and "page_size" in response.content.decode()
    response = client.get(f"{LIST}?colour=red")
    assert response.status_code == 400 and "colour" in response.content.decode()
