"""Summaries, details and site bodies kept per revision (embassies/presentation/kept.py): the same bytes cold,
warm and with the layer off, and every change that alters them shows on the next answer, over HTTP."""

import datetime as dt

import pytest
import time_machine
from django.core.cache import caches
from django.utils import timezone
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log
from wagtail.models import Locale

from embassies import factories as content
from embassies.assets.sizes import all_filter_specs
from embassies.models import Topic
from embassies.presentation.kept import CACHE_ALIAS

pytestmark = pytest.mark.django_db

LIST = "/api/v1/pages/?page_size=50"
NOW = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def articles(hanoi):
    """Two published articles, one with a hero image without renditions and a body linking the other page."""
    news = content.section(hanoi)
    hero = content.image(title="Garden", collection=hanoi.collection, credit="Photo: Embassy")
    notice = content.article(news, title="Visa hours", live=False)
    notice.save_revision().publish()
    body = [
        ("image", {"image": hero, "caption": "", "credit": ""}),
        ("rich_text", f'<p>See <a linktype="page" id="{notice.pk}">the notice</a>.</p>'),
    ]
    story = content.article(news, title="Trade fair", hero_image=hero, body=body, live=False)
    story.tags.add("Trade")
    story.save_revision().publish()
    translation = story.copy_for_translation(Locale.objects.get(language_code="en"))
    story.refresh_from_db()
    notice.refresh_from_db()
    return {"story": story, "notice": notice, "hero": hero, "translation": translation}


def answers(client, articles) -> dict[str, bytes]:
    story = articles["story"]
    return {
        "list": client.get(LIST).content,
        "detail": client.get(f"/api/v1/pages/{story.pk}/").content,
        "site": client.get(story.get_url()).content,
    }


def test_answers_are_byte_for_byte_the_same_cold_warm_and_without_the_layer(client, articles, settings):
    for response in (client.get(LIST), client.get(articles["story"].get_url())):
        assert response.status_code == 200
    caches[CACHE_ALIAS].clear()
    cold = answers(client, articles)
    warm = answers(client, articles)
    settings.CACHES = {name: config for name, config in settings.CACHES.items() if name != CACHE_ALIAS}
    without = answers(client, articles)
    assert cold == warm == without
    assert b"Trade fair" in cold["list"] and b"Trade fair" in cold["site"]


def item(client, page_id: int) -> dict | None:
    return next((entry for entry in client.get(LIST).json()["results"] if entry["id"] == page_id), None)


def test_a_new_revision_shows_on_the_next_list_detail_and_site_answer(client, articles):
    story = articles["story"]
    answers(client, articles)  # kept
    story.title, story.summary = "Trade fair opens", "Now open."
    story.save_revision().publish()
    assert item(client, story.pk)["summary"] == "Now open."
    assert client.get(f"/api/v1/pages/{story.pk}/").json()["title"] == "Trade fair opens"
    assert b"Trade fair opens" in client.get(story.get_url()).content


def test_a_rendition_made_later_replaces_the_signed_url_at_once(client, articles):
    story, hero = articles["story"], articles["hero"]
    signed = item(client, story.pk)["hero_image"]["web"][0]["url"]
    assert "/images/" in signed  # Wagtail's dynamic-serve URL while no rendition exists
    hero.get_renditions(*all_filter_specs())
    made = item(client, story.pk)["hero_image"]["web"][0]["url"]
    assert made != signed and "/media/" in made
    detail = client.get(f"/api/v1/pages/{story.pk}/").json()
    assert detail["body"][0]["value"]["image"]["web"][0]["url"] == made


def test_an_edited_image_shows_in_list_detail_and_site(client, articles):
    story, hero = articles["story"], articles["hero"]
    answers(client, articles)
    hero.credit = "Photo: Nguyen Van A"
    hero.save()
    log(instance=hero, action="wagtail.edit")  # what the image admin writes on every edit
    assert item(client, story.pk)["hero_image"]["credit"] == "Photo: Nguyen Van A"
    body_image = client.get(f"/api/v1/pages/{story.pk}/").json()["body"][0]["value"]
    assert body_image["credit"] == "Photo: Nguyen Van A"
    assert b"Nguyen Van A" in client.get(story.get_url()).content


def test_unpublishing_a_page_removes_it_at_once_and_unlinks_it_from_bodies(client, articles):
    story, notice = articles["story"], articles["notice"]
    answers(client, articles)
    assert f'/api/v1/pages/{notice.pk}/' in client.get(LIST).content.decode()
    assert notice.get_url() in client.get(f"/api/v1/pages/{story.pk}/").json()["body"][1]["value"]["html"]
    UnpublishPageAction(notice).execute()
    assert item(client, notice.pk) is None
    assert client.get(f"/api/v1/pages/{notice.pk}/").status_code == 404
    assert client.get(notice.get_url()).status_code == 404
    assert notice.get_url() not in client.get(f"/api/v1/pages/{story.pk}/").json()["body"][1]["value"]["html"]
    assert notice.get_url().encode() not in client.get(story.get_url()).content


def test_a_page_past_its_expiry_is_never_served_from_a_kept_summary(client, articles):
    story = articles["story"]
    with time_machine.travel(NOW, tick=False):
        story.expire_at = NOW + dt.timedelta(hours=1)
        story.save_revision().publish()
        answers(client, articles)
        assert item(client, story.pk) is not None
    with time_machine.travel(NOW + dt.timedelta(hours=2), tick=False):
        assert timezone.now() > story.expire_at
        assert item(client, story.pk) is None
        assert client.get(f"/api/v1/pages/{story.pk}/").status_code == 404
        assert client.get(story.get_url()).status_code == 404


def test_a_translation_published_later_appears_among_the_alternates(client, articles):
    story, translation = articles["story"], articles["translation"]
    assert client.get(f"/api/v1/pages/{story.pk}/").json()["alternates"] == []
    translation.save_revision().publish()
    alternates = client.get(f"/api/v1/pages/{story.pk}/").json()["alternates"]
    assert [entry["id"] for entry in alternates] == [translation.pk]


def test_kept_summaries_are_per_host(client, articles, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "api.example.org"]
    story = articles["story"]
    assert item(client, story.pk)["detail_url"].startswith("http://testserver/")
    other = client.get(LIST, HTTP_HOST="api.example.org").json()["results"]
    assert next(entry for entry in other if entry["id"] == story.pk)["detail_url"].startswith("http://api.example.org/")


def test_a_renamed_topic_shows_in_kept_summaries(client, articles):
    story = articles["story"]
    topic = Topic.objects.create(name="Trade", slug="trade", locale=story.locale)
    story.topics.set([topic])
    story.save_revision().publish()
    assert item(client, story.pk)["topics"] == [{"slug": "trade", "name": "Trade"}]
    topic.name = "Trade and investment"
    topic.save()
    log(instance=topic, action="wagtail.edit")  # what the topic snippet admin writes on every edit
    assert item(client, story.pk)["topics"] == [{"slug": "trade", "name": "Trade and investment"}]
