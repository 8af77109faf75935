"""Pages, events and consular notices: filters, ordering, pagination, shapes and bad input."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from embassies import factories as content
from embassies.models import ConsularNoticePage, EventPage


def _titles(response):
    assert response.status_code == 200, response.content[:500]
    return [item["title"] for item in response.json()["results"]]


@pytest.mark.django_db
def test_page_list_filters(client, network_content, paris):
    content.article(content.section(paris), title="Semaine du climat", kind="press_release")
    assert "Semaine du climat" in _titles(client.get("/api/v1/pages/?mission=paris"))
    assert "Semaine du climat" not in _titles(client.get("/api/v1/pages/?mission=hanoi"))
    assert _titles(client.get("/api/v1/pages/?kind=press_release")) == ["Semaine du climat"]
    tagged = _titles(client.get("/api/v1/pages/?tag=digital%20diplomacy"))
    assert sorted(tagged) == sorted([network_content["article"].title, network_content["english"].title])
    assert set(_titles(client.get("/api/v1/pages/?locale=en"))) == {"Digital transformation in diplomacy"}
    future = (timezone.now() + timedelta(days=1)).isoformat()
    assert _titles(client.get("/api/v1/pages/", {"published_after": future})) == []
    assert "Semaine du climat" in _titles(client.get("/api/v1/pages/", {"updated_since": (timezone.now() - timedelta(hours=1)).isoformat()}))


@pytest.mark.django_db
def test_locale_fallback_fills_gaps_with_the_other_language(client, network_content):
    titles = _titles(client.get("/api/v1/pages/?mission=hanoi&locale=en&fallback=vi"))
    assert "Digital transformation in diplomacy" in titles  # the English version wins
    assert network_content["article"].title not in titles  # …so the Vietnamese original is not repeated
    assert "Consular hours for Tet" in titles  # Vietnamese only: filled in from the fallback


@pytest.mark.django_db
def test_cursor_pagination_walks_every_page_once(client, hanoi):
    news = content.section(hanoi)
    for number in range(7):
        content.article(news, title=f"Briefing {number}")
    seen, url = [], "/api/v1/pages/?mission=hanoi&page_size=3&ordering=first_published_at"
    while url:
        payload = client.get(url).json()
        seen += [item["title"] for item in payload["results"]]
        url = payload["next"]
    assert seen == [f"Briefing {number}" for number in range(7)]


@pytest.mark.django_db
def test_sparse_fields(client, network_content):
    item = client.get("/api/v1/pages/?fields=id,title").json()["results"][0]
    assert set(item) == {"id", "title"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("locale=xx", "locale"),
        ("kind=gossip", "kind"),
        ("type=blog", "type"),
        ("published_after=last-tuesday", "published_after"),
        ("updated_since=2026-13-45", "updated_since"),
        ("ordering=title", "ordering"),
        ("fields=id,password", "fields"),
        ("page_size=abc", "page_size"),
        ("page_size=1000", "page_size"),
        ("kind=", "kind"),
        ("fields=%C2%A0", "fields"),
    ],
)
def test_bad_parameters_are_400_naming_the_parameter(client, network_content, query, parameter):
    response = client.get(f"/api/v1/pages/?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert parameter in body["details"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "named"), [("mission=atlantis", "No mission 'atlantis'"), ("cursor=bz1hYmM%3D", "(`cursor`)")]
)
def test_an_unknown_mission_or_cursor_is_a_404_naming_it(client, network_content, query, named):
    response = client.get(f"/api/v1/pages/?{query}")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found" and named in response.json()["message"]


@pytest.mark.django_db
def test_page_detail_has_typed_body_blocks_with_resolved_images(client, network_content):
    detail = client.get(f"/api/v1/pages/{network_content['article'].pk}/").json()
    assert [block["type"] for block in detail["body"]] == ["rich_text", "document"]
    assert detail["body"][0]["value"]["html"].startswith("<p>")
    document = detail["body"][1]["value"]["document"]
    assert document["url"].startswith("http://testserver/") and document["licence"] == "ministry"
    hero = detail["hero_image"]
    assert hero["credit"] == "Photo: Embassy"
    assert set(hero["social"]) == {"og", "square", "x", "story"}
    assert hero["srcset"].count("w,") >= 1
    assert detail["tags"] == ["Digital diplomacy"]
    assert detail["mission"] == "hanoi" and detail["locale"] == "vi" and detail["path"].startswith("news/")


@pytest.mark.django_db
def test_find_by_mission_locale_and_path_with_fallback(client, network_content):
    article = network_content["article"]
    found = client.get(f"/api/v1/pages/find/?mission=hanoi&locale=vi&path=news/{article.slug}/").json()
    assert found["id"] == article.pk
    revised = network_content["revised"]
    fallback = client.get(f"/api/v1/pages/find/?mission=hanoi&locale=en&path=news/{revised.slug}/&fallback=vi")
    assert fallback.json()["id"] == revised.pk
    missing = client.get("/api/v1/pages/find/?mission=hanoi")
    assert missing.status_code == 400 and "locale" in missing.json()["details"]
    home = client.get("/api/v1/pages/find/?mission=hanoi&locale=vi").json()
    assert home["type"] == "mission_home"


@pytest.mark.django_db
def test_events_upcoming_in_their_own_time_zone(client, hanoi):
    events = content.section(hanoi, "events")
    now = timezone.now()
    for title, start in (("Past concert", now - timedelta(days=10)), ("Film week", now + timedelta(days=5)), ("Book fair", now + timedelta(days=2))):
        page = EventPage(
            title=title, summary="s", starts_at=start, ends_at=start + timedelta(hours=3),
            timezone="Asia/Ho_Chi_Minh", venue="Hanoi Opera House",
        )
        events.add_child(instance=page)
        page.save_revision().publish()
    upcoming = client.get("/api/v1/events/?upcoming=true").json()["results"]
    assert [event["title"] for event in upcoming] == ["Book fair", "Film week"]
    assert upcoming[0]["starts_at"].endswith("+07:00")
    assert upcoming[0]["timezone"] == "Asia/Ho_Chi_Minh"
    assert client.get("/api/v1/events/?upcoming=maybe").status_code == 400


@pytest.mark.django_db
def test_consular_notices_active_most_severe_first(client, hanoi):
    consular = content.section(hanoi, "consular")
    now = timezone.now()
    notices = [
        ("Passport office moves", "passport", "information", now - timedelta(days=1), None),
        ("Typhoon Yagi: avoid travel to the north", "emergency", "critical", now - timedelta(hours=2), now + timedelta(days=2)),
        ("Visa fee change", "visa", "advisory", now - timedelta(days=30), now - timedelta(days=1)),
    ]
    for title, notice_type, severity, valid_from, valid_until in notices:
        page = ConsularNoticePage(
            title=title, summary="s", notice_type=notice_type, severity=severity, valid_from=valid_from, valid_until=valid_until
        )
        consular.add_child(instance=page)
        page.save_revision().publish()
    active = client.get("/api/v1/consular-notices/?active=true").json()["results"]
    assert [notice["title"] for notice in active] == ["Typhoon Yagi: avoid travel to the north", "Passport office moves"]
    assert active[0]["in_force"] is True
    assert _titles(client.get("/api/v1/consular-notices/?severity=advisory")) == ["Visa fee change"]
    assert client.get("/api/v1/consular-notices/?severity=apocalyptic").status_code == 400


@pytest.mark.django_db
def test_list_runs_a_constant_number_of_queries_whatever_the_page_size(client, hanoi):
    news = content.section(hanoi)
    image = content.image(title="Embassy garden", collection=hanoi.collection)

    def count_queries(url):
        client.get(url)  # warm renditions and site-root caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    def add_articles(count):
        for number in range(count):
            page = content.article(news, title=f"Story {number} {count}", hero_image=image)
            page.tags.add("Culture", "Trade")
            page.save_revision().publish()

    add_articles(2)
    small_list = count_queries("/api/v1/pages/?page_size=50")
    add_articles(20)
    assert count_queries("/api/v1/pages/?page_size=50") == small_list
    assert count_queries("/api/v1/pages/?page_size=5") == small_list


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/pages/?page_size=%C2%B2",  # a superscript two is a digit to str.isdigit(), not to int()
        "/api/v1/consular-notices/?cursor=cD1hYmM%3D",  # a well-formed cursor whose position is not a number
        "/api/v1/pages/?published_after=0001-01-01T00:00:00%2B14:00",
        "/api/v1/search/?published_before=9999-12-31T23:59:59-14:00",
        "/api/v1/pages/find/?mission=%00&locale=en",
        "/api/v1/feeds/hanoi/%00/json/",
        "/api/v1/pages/?mission=%00",
        "/api/v1/search/autocomplete/?q=%00",
        "/api/v1/search/?q=%22",
    ],
)
def test_odd_input_is_a_400_or_an_answer_never_a_500(client, network_content, url):
    response = client.get(url)
    assert response.status_code in (200, 400, 404), response.content[:300]
    if response.status_code == 400:
        assert response.json()["code"] == "invalid"
