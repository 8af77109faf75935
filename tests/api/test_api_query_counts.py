"""Hot answers run a small, constant number of queries: the same for a list of 2 pages as for one of 14, and
whatever the number of renditions, tags, topics, translations and body images the pages carry (issue 24)."""

import pytest
from django.core.cache import caches
from wagtail.models import Locale

from embassies import factories as content
from embassies.assets.sizes import all_filter_specs
from embassies.models import Topic

pytestmark = pytest.mark.django_db

LIST_MAX_QUERIES = 10
DETAIL_MAX_QUERIES = 22
SEARCH_MAX_QUERIES = 25


def queries_of(client, url: str, django_assert_max_num_queries, most: int) -> int:
    """Queries of one GET of `url` once per-process lookups (content types, site roots) are warm."""
    assert client.get(url).status_code == 200
    with django_assert_max_num_queries(most) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return len(queries)


def topics(count: int) -> list[Topic]:
    locale = Locale.objects.get(language_code="vi")
    return [Topic.objects.create(name=f"Topic {number}", slug=f"topic-{number}", locale=locale) for number in range(count)]


def image(mission, title: str, *, renditions: bool):
    made = content.image(title=title, collection=mission.collection, credit="Photo: Embassy")
    if renditions:
        made.get_renditions(*all_filter_specs())
    return made


def publish(parent, title: str, *, hero, tags: int, filed_under: list[Topic], body=(), translate=False):
    page = content.article(parent, title=title, hero_image=hero, body=list(body), live=False)
    page.tags.add(*[f"Tag {number}" for number in range(tags)])
    page.topics.set(filed_under)
    page.save_revision().publish()
    if translate:
        translation = page.copy_for_translation(Locale.objects.get(language_code="en"))
        translation.save_revision().publish()
    return page


def body_with(images, documents, linked_page):
    """Image blocks, a gallery, a document and rich text linking a page: every kind of thing a body resolves."""
    return [
        *[("image", {"image": item, "caption": "", "credit": ""}) for item in images],
        ("gallery", {"title": "Gallery", "images": [{"image": item, "caption": "", "credit": ""} for item in images]}),
        *[("document", {"document": document, "title": "", "description": ""}) for document in documents],
        ("rich_text", f'<p>See <a linktype="page" id="{linked_page.pk}">the notice</a>.</p>'),
    ]


def test_page_list_queries_do_not_grow_with_page_size_renditions_tags_topics_or_translations(
    client, hanoi, django_assert_max_num_queries
):
    news = content.section(hanoi)
    bare = image(hanoi, "Garden", renditions=False)
    for number in range(2):
        publish(news, f"Short story {number}", hero=bare, tags=1, filed_under=[])
    few = queries_of(client, "/api/v1/pages/?page_size=50", django_assert_max_num_queries, LIST_MAX_QUERIES)

    rich = [image(hanoi, f"Reception {number}", renditions=True) for number in range(3)]
    many_topics = topics(3)
    for number in range(12):
        publish(news, f"Long story {number}", hero=rich[number % 3], tags=4, filed_under=many_topics, translate=True)

    assert queries_of(client, "/api/v1/pages/?page_size=50", django_assert_max_num_queries, LIST_MAX_QUERIES) == few
    assert queries_of(client, "/api/v1/pages/?page_size=5", django_assert_max_num_queries, LIST_MAX_QUERIES) == few


def test_page_detail_queries_do_not_grow_with_body_images_renditions_tags_topics_or_translations(
    client, hanoi, django_assert_max_num_queries
):
    news = content.section(hanoi)
    documents = [content.document(title=f"Form {number}", collection=hanoi.collection) for number in range(3)]
    notice = publish(news, "Visa hours", hero=None, tags=0, filed_under=[])
    plain = publish(
        news, "Plain", hero=image(hanoi, "Garden", renditions=False), tags=1, filed_under=[],
        body=body_with([image(hanoi, "Gate", renditions=False), image(hanoi, "Door", renditions=False)], documents[:1], notice),
    )  # fmt: skip
    few = queries_of(client, f"/api/v1/pages/{plain.pk}/", django_assert_max_num_queries, DETAIL_MAX_QUERIES)

    images = [image(hanoi, f"Reception {number}", renditions=True) for number in range(4)]
    full = publish(
        news, "Full", hero=images[0], tags=5, filed_under=topics(3), translate=True,
        body=body_with(images, documents, notice),
    )  # fmt: skip
    assert queries_of(client, f"/api/v1/pages/{full.pk}/", django_assert_max_num_queries, DETAIL_MAX_QUERIES) == few
    assert client.get(f"/api/v1/pages/{full.pk}/").json()["alternates"]  # the translation was counted


def test_search_answer_queries_do_not_grow_with_page_size(client, hanoi, settings, django_assert_max_num_queries):
    settings.HUB_SEARCH_ENGINE = ""  # the database fallback: every query of the answer runs here
    news = content.section(hanoi)
    hero = image(hanoi, "Garden", renditions=True)
    for number in range(2):
        publish(news, f"Trade fair {number}", hero=hero, tags=1, filed_under=[])
    url = "/api/v1/search/?q=trade&page_size={}"
    few = queries_of(client, url.format(20), django_assert_max_num_queries, SEARCH_MAX_QUERIES)

    for number in range(10):
        publish(news, f"Trade mission {number}", hero=hero, tags=3, filed_under=topics(1) if number == 0 else [])
    assert queries_of(client, url.format(20), django_assert_max_num_queries, SEARCH_MAX_QUERIES) == few
    assert queries_of(client, url.format(5), django_assert_max_num_queries, SEARCH_MAX_QUERIES) == few


def test_kept_summaries_and_bodies_save_queries_once_built(client, hanoi, django_assert_max_num_queries):
    """The second answer reads each page's summary (and a detail's head and body) kept for its revision
    (embassies/presentation/kept.py), so it runs fewer queries than the first, which built them."""
    news = content.section(hanoi)
    notice = publish(news, "Visa hours", hero=None, tags=0, filed_under=[])
    images = [image(hanoi, f"Reception {number}", renditions=True) for number in range(2)]
    full = publish(
        news, "Full", hero=images[0], tags=2, filed_under=topics(2), body=body_with(images, [], notice),
    )  # fmt: skip
    for url, most in (("/api/v1/pages/?page_size=50", LIST_MAX_QUERIES), (f"/api/v1/pages/{full.pk}/", DETAIL_MAX_QUERIES)):
        assert client.get(url).status_code == 200  # per-process lookups warm
        caches["presentation"].clear()
        with django_assert_max_num_queries(most) as cold:
            assert client.get(url).status_code == 200
        with django_assert_max_num_queries(most) as warm:
            assert client.get(url).status_code == 200
        assert len(warm) < len(cold), url
