"""Values kept per content version (embassies/presentation/kept.py, `kept_while_content_unchanged`): the API list's
page of results, the public page a detail answers and a page's alternates. Each is built through the public
querysets, and a page unpublished or put behind a view restriction leaves it on the very next answer, over HTTP."""

import pytest
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Locale, PageViewRestriction

from embassies import factories as content

pytestmark = pytest.mark.django_db

LIST = "/api/v1/pages/?page_size=50"


@pytest.fixture
def story(hanoi):
    """A published article with a published translation, and a second article beside it."""
    news = content.section(hanoi)
    story = content.article(news, title="Trade fair")
    translation = story.copy_for_translation(Locale.objects.get(language_code="en"))
    translation.save_revision().publish()
    translation.refresh_from_db()
    content.article(news, title="Visa hours")
    return {"story": story, "translation": translation}


def listed_ids(client, url: str = LIST) -> list[int]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return [entry["id"] for entry in response.json()["results"]]


def alternate_ids(client, page) -> list[int]:
    return [entry["id"] for entry in client.get(f"/api/v1/pages/{page.pk}/").json()["alternates"]]


def restrict(page):
    """A login restriction, saved as the page privacy dialog saves it (which logs it)."""
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


@pytest.mark.parametrize("hide", [lambda page: UnpublishPageAction(page).execute(), restrict], ids=["unpublished", "private"])
def test_a_hidden_page_leaves_the_kept_page_of_results_and_its_detail_at_once(client, story, hide):
    page = story["story"]
    assert page.pk in listed_ids(client) and page.pk in listed_ids(client)  # the second answer is the kept one
    assert client.get(f"/api/v1/pages/{page.pk}/").status_code == 200

    hide(page)

    assert page.pk not in listed_ids(client)
    assert page.pk not in listed_ids(client, f"{LIST}&fields=id,title")
    detail = client.get(f"/api/v1/pages/{page.pk}/")
    assert detail.status_code == 404 and detail.json()["code"] == "not_found"


@pytest.mark.parametrize("hide", [lambda page: UnpublishPageAction(page).execute(), restrict], ids=["unpublished", "private"])
def test_a_hidden_translation_leaves_the_kept_alternates_at_once(client, story, hide):
    page, translation = story["story"], story["translation"]
    assert alternate_ids(client, page) == [translation.pk] == alternate_ids(client, page)

    hide(translation)

    assert alternate_ids(client, page) == []


def test_a_page_published_later_joins_the_kept_page_of_results(client, story, hanoi):
    first = listed_ids(client)
    added = content.article(content.section(hanoi), title="Scholarships open")
    assert listed_ids(client) == [added.pk, *first]


def test_sparse_fields_share_the_page_of_results_and_bad_ones_are_still_a_400(client, story):
    full = client.get(LIST).json()
    sparse = client.get(f"{LIST}&fields=id,title").json()
    assert [{"id": item["id"], "title": item["title"]} for item in full["results"]] == sparse["results"]
    for _ in range(2):
        response = client.get(f"{LIST}&fields=id,nonsense")
        assert response.status_code == 400 and "fields" in response.json()["details"]


def test_a_bad_filter_is_a_400_every_time_and_never_kept(client, story):
    for _ in range(2):
        response = client.get("/api/v1/pages/?page_size=500")
        assert response.status_code == 400 and "page_size" in response.json()["details"]
    assert client.get("/api/v1/pages/?page_size=5").status_code == 200


def test_the_cursor_links_of_a_kept_page_of_results_lead_on(client, story, hanoi):
    for number in range(3):
        content.article(content.section(hanoi), title=f"More news {number}")
    first = client.get("/api/v1/pages/?page_size=2").json()
    again = client.get("/api/v1/pages/?page_size=2").json()
    assert again == first and first["next"] and first["previous"] is None
    second = client.get(first["next"]).json()
    assert {item["id"] for item in second["results"]}.isdisjoint({item["id"] for item in first["results"]})
    assert second["previous"]


def test_a_kept_list_and_detail_ask_a_constant_few_queries(client, story, hanoi, django_assert_max_num_queries):
    client.get(LIST)
    client.get(f"/api/v1/pages/{story['story'].pk}/")
    with django_assert_max_num_queries(2):  # the content version and the newest rendition
        assert client.get(LIST).status_code == 200
    with django_assert_max_num_queries(2):
        assert client.get(f"/api/v1/pages/{story['story'].pk}/").status_code == 200
