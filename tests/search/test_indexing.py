"""Every change that affects the index reaches it through the outbox, and nothing non-public is ever returned.

Live engine: each test starts from a fresh index of the session's network (tests/search/conftest.py).
"""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction, Revision

from embassies import factories as content
from embassies.models import ArticlePage, Topic
from search.models import IndexOutbox
from search.selectors import pages_search
from search.services import outbox_drain

from .helpers import doc_ids, drain, publish_article

pytestmark = pytest.mark.django_db


def found(q: str, **filters) -> list[int]:
    results = pages_search(q=q, **filters)
    assert results.backend == "opensearch" and not results.degraded
    return [hit.page_id for hit in results.hits]


def test_published_page_is_searchable_once_its_commit_drains_the_outbox(search_engine, hanoi, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = publish_article(hanoi, title="Hội chợ cà phê Buôn Ma Thuột", body="Cà phê đặc sản Tây Nguyên")

    assert not IndexOutbox.objects.pending().exists()
    search_engine.index_refresh()
    assert found("cà phê") == [page.pk]


def test_outbox_entry_rolls_back_with_the_change(search_engine, hanoi):
    before = IndexOutbox.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        publish_article(hanoi, title="Never happened")
        raise RuntimeError("editor's save failed")

    assert IndexOutbox.objects.count() == before
    assert not ArticlePage.objects.filter(title="Never happened").exists()


def test_drafts_and_unpublished_draft_changes_are_never_returned(search_engine, hanoi):
    draft = publish_article(hanoi, title="Zeppelin landing plans", live=False)
    live = publish_article(hanoi, title="Harbour festival", language="en")
    live.title = "Zeppelin harbour secret"
    live.save_revision()
    drain(search_engine)

    assert found("zeppelin") == []
    assert found("harbour festival") == [live.pk]
    assert draft.pk not in doc_ids(search_engine)


def test_unpublished_page_leaves_the_index(search_engine, hanoi):
    page = publish_article(hanoi, title="Visa fee changes", language="en")
    drain(search_engine)
    assert found("visa fee") == [page.pk]

    page.unpublish()
    drain(search_engine)

    assert found("visa fee") == []
    assert page.pk not in doc_ids(search_engine)


def test_deleted_page_and_its_outbox_entry(search_engine, paris):
    page = publish_article(paris, title="Fête de la gastronomie", body="Une soirée de dégustation")
    drain(search_engine)
    assert found("gastronomie") == [page.pk]

    page.delete()
    drain(search_engine)

    assert found("gastronomie") == []
    assert page.pk not in doc_ids(search_engine)


def test_index_lagging_behind_never_leaks_an_unpublished_page(search_engine, hanoi):
    page = publish_article(hanoi, title="Embargoed trade figures", language="en")
    drain(search_engine)
    page.unpublish()

    assert page.pk in doc_ids(search_engine)  # the outbox has not been applied yet
    assert found("embargoed trade") == []


def test_privacy_restriction_on_a_section_hides_everything_below_it(search_engine, hanoi):
    page = publish_article(hanoi, title="Staff-only security briefing", language="en")
    drain(search_engine)
    assert found("security briefing") == [page.pk]

    restriction = PageViewRestriction.objects.create(
        page=content.section(hanoi, "news", "en"), restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    drain(search_engine)
    assert found("security briefing") == []
    assert page.pk not in doc_ids(search_engine)

    restriction.delete()
    drain(search_engine)
    assert found("security briefing") == [page.pk]


def test_expired_page_is_never_returned_and_the_scheduler_removes_it(search_engine, hanoi):
    page = publish_article(
        hanoi, title="Typhoon warning for coastal provinces", language="en", expire_at=timezone.now() + dt.timedelta(hours=1)
    )
    drain(search_engine)
    assert found("typhoon warning") == [page.pk]

    ArticlePage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - dt.timedelta(minutes=1))  # an hour later
    assert found("typhoon warning") == []
    assert page.pk in doc_ids(search_engine)

    call_command("publish_scheduled")
    drain(search_engine)
    assert page.pk not in doc_ids(search_engine)


def test_scheduled_page_appears_when_the_scheduler_publishes_it(search_engine, hanoi):
    go_live = timezone.now() + dt.timedelta(hours=1)
    page = publish_article(hanoi, title="National Day reception", language="en", go_live_at=go_live)
    drain(search_engine)
    assert not ArticlePage.objects.get(pk=page.pk).live
    assert found("national day reception") == []

    past = timezone.now() - dt.timedelta(minutes=1)  # an hour later
    revision = Revision.objects.get(approved_go_live_at=go_live, object_id=str(page.pk))
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    call_command("publish_scheduled")
    drain(search_engine)

    assert found("national day reception") == [page.pk]


def test_moved_page_takes_its_new_mission_and_url(search_engine, hanoi, paris):
    page = publish_article(hanoi, title="Mekong delta climate study", language="en")
    drain(search_engine)

    page.move(content.section(paris, "news", "en"), pos="last-child")
    drain(search_engine)

    results = pages_search(q="mekong delta")
    assert [(hit.page_id, hit.mission, hit.country) for hit in results.hits] == [(page.pk, "paris", "FR")]
    assert results.hits[0].url_path.startswith("/network/paris/news/")


def test_a_section_slug_change_reaches_the_urls_of_the_pages_below(search_engine, hanoi, django_capture_on_commit_callbacks):
    page = publish_article(hanoi, title="Mekong rice harvest report", language="en")
    drain(search_engine)
    section = content.section(hanoi, "news", "en")

    section.slug = "press-room"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail sends page_slug_changed after the commit
        section.save_revision().publish()
    drain(search_engine)

    [hit] = pages_search(q="mekong rice harvest").hits
    assert hit.page_id == page.pk and "/press-room/" in hit.url_path


def test_mission_rename_reaches_every_document_of_the_mission(search_engine, hanoi):
    page = publish_article(hanoi, title="Lotus pond restoration", language="en")
    drain(search_engine)

    hanoi.name = "Embassy of the Republic in Hanoi"
    hanoi.save()
    drain(search_engine)

    assert pages_search(q="lotus pond").hits[0].mission_name == "Embassy of the Republic in Hanoi"
    home_hits = pages_search(missions=["hanoi"], page_types=["mission_home"], locales=["en"]).hits
    assert [hit.mission_name for hit in home_hits] == ["Embassy of the Republic in Hanoi"]


def test_topic_slug_change_reaches_the_pages_filed_under_it(search_engine, hanoi):
    topic = Topic.objects.create(name="Climate", slug="climate", locale=Locale.objects.get(language_code="en"))
    page = publish_article(hanoi, title="Mangrove planting", language="en", topics=[topic])
    drain(search_engine)
    assert found("", topics=["climate"]) == [page.pk]

    topic.slug = "climate-action"
    topic.save()
    drain(search_engine)

    assert found("", topics=["climate"]) == []
    assert found("", topics=["climate-action"]) == [page.pk]


def test_published_translation_is_indexed_in_its_own_locale(search_engine, hanoi):
    source = publish_article(hanoi, title="Lễ hội áo dài", body="Trình diễn áo dài truyền thống")
    translation = source.copy_for_translation(Locale.objects.get(language_code="en"))
    translation.title = "Ao dai festival"
    translation.save_revision().publish()
    drain(search_engine)

    results = pages_search(q="festival", missions=["hanoi"])
    assert [(hit.page_id, hit.locale) for hit in results.hits] == [(translation.pk, "en")]
    assert {hit.page_id for hit in pages_search(q="áo dài").hits} == {source.pk, translation.pk}


def test_refused_documents_wait_and_are_retried_with_backoff(search_engine, hanoi):
    index = search_engine.indices_behind_alias()[0]
    search_engine.transport.client.indices.close(index=index)
    page = publish_article(hanoi, title="Rice export agreement", language="en")
    try:
        report = outbox_drain()
    finally:
        search_engine.transport.client.indices.open(index=index, wait_for_active_shards=1)

    entry = IndexOutbox.objects.get(target_id=page.pk, reason="publish")
    covering = IndexOutbox.objects.filter(target_id=page.pk)  # the publish, and the page's saves ("edit")
    assert report.failed == covering.count() and report.applied == 0
    assert entry.attempts == 1 and entry.processed_at is None and "closed" in entry.last_error
    assert entry.next_attempt_at > timezone.now()
    assert outbox_drain().applied == 0  # not due yet

    covering.update(next_attempt_at=timezone.now())  # the backoff has passed
    drain(search_engine)
    assert found("rice export") == [page.pk]
