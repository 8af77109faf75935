"""The search service against the live engine: language analysis, filters, facets, snippets, sorting,
pages, autocomplete and related pages across missions."""

import datetime as dt

import pytest
from django.db.models import Count
from wagtail.models import Locale

from embassies.models import ArticlePage, Topic
from embassies.selectors import pages_public
from hub import factories as hub_factories
from search.selectors import pages_autocomplete, pages_related, pages_search

from .helpers import drain, publish_article

pytestmark = pytest.mark.django_db
UTC = dt.timezone.utc


def ids(results) -> list[int]:
    return [hit.page_id for hit in results.hits]


def test_vietnamese_without_diacritics_finds_the_page_and_exact_diacritics_rank_first(search_engine, hanoi):
    exact = publish_article(hanoi, title="Chuyển đổi số trong ngoại giao", body="Hội thảo về chuyển đổi số")
    lookalike = publish_article(hanoi, title="Chuyên đội sở", body="Một trang khác")
    unrelated = publish_article(hanoi, title="Lễ hội mùa xuân", body="Văn hoá truyền thống")
    drain(search_engine)

    assert set(ids(pages_search(q="chuyen doi so"))) == {exact.pk, lookalike.pk}
    assert ids(pages_search(q="chuyển đổi số")) == [exact.pk, lookalike.pk]
    assert unrelated.pk not in ids(pages_search(q="chuyen doi so"))


def test_a_query_in_one_language_matches_documents_in_others(search_engine, hanoi, paris):
    french = publish_article(paris, title="Semaine culturelle à Hanoï", body="Concerts et expositions")
    vietnamese = publish_article(hanoi, title="Tuần lễ văn hoá Pháp tại Hà Nội", body="Hợp tác với Hanoï Capital")
    drain(search_engine)

    assert set(ids(pages_search(q="Hanoi", page_types=["article"]))) == {french.pk, vietnamese.pk}


def test_language_analysis_stems_in_the_pages_language(search_engine, hq):
    page = publish_article(hq, title="Ministries coordinate consular responses", body="The ministry responded quickly.")
    drain(search_engine)

    assert ids(pages_search(q="ministry respond")) == [page.pk]


def test_chinese_and_japanese_text_is_found_by_words_inside_it(search_engine):
    beijing = hub_factories.mission(
        "beijing", name="Embassy in Beijing", country="CN", city="Beijing", timezone="Asia/Shanghai",
        default_language_code="zh-hans", extra_language_codes=["ja"],
    )
    chinese = publish_article(beijing, title="东盟数字化转型研讨会", body="数字化转型")
    japanese = publish_article(beijing, title="デジタル外交の新しい取り組み", language="ja")
    drain(search_engine)

    assert ids(pages_search(q="数字化")) == [chinese.pk]
    assert ids(pages_search(q="デジタル")) == [japanese.pk]
    assert [(hit.locale, hit.mission) for hit in pages_search(q="数字化").hits] == [("zh-hans", "beijing")]


def test_facet_counts_equal_the_database_counts(search_engine, hanoi, paris, hq):
    for n in range(3):
        publish_article(hanoi, title=f"Mekong water report {n}", tags=["water", "mekong"])
    for n in range(2):
        publish_article(hanoi, title=f"Mekong sediment study {n}", language="en", tags=["water"], kind="press_release")
    publish_article(paris, title="Coopération Mekong", tags=["mekong"], kind="statement")
    publish_article(hq, title="Mekong ministerial statement", kind="statement", first_published_at=dt.datetime(2024, 5, 2, tzinfo=UTC))
    publish_article(hanoi, title="Mekong draft never published", live=False, tags=["water"])
    drain(search_engine)

    facets = {name: {b.value: b.count for b in buckets} for name, buckets in pages_search(q="mekong").facets.items()}

    public = pages_public(queryset=ArticlePage.objects.filter(title__icontains="mekong")).order_by()
    assert facets["mission"] == dict(public.values_list("mission__slug").annotate(n=Count("pk")))
    assert facets["locale"] == dict(public.values_list("locale__language_code").annotate(n=Count("pk")))
    assert facets["kind"] == dict(public.values_list("kind").annotate(n=Count("pk")))
    assert facets["year"] == {str(y): n for y, n in public.values_list("first_published_at__year").annotate(n=Count("pk"))}
    tags = dict(public.values_list("tagged_items__tag__name").annotate(n=Count("pk")))
    assert facets["tags"] == {tag: n for tag, n in tags.items() if tag is not None}
    assert pages_search(q="mekong").total == public.count() == 7


def test_every_filter_narrows_the_results(search_engine, hanoi, paris, hq):
    climate = Topic.objects.create(name="Climate", slug="climate", locale=Locale.objects.get(language_code="en"))
    hanoi_news = publish_article(hanoi, title="Harvest fair news", language="en", tags=["agriculture"], topics=[climate],
                                 first_published_at=dt.datetime(2025, 3, 10, tzinfo=UTC))
    hanoi_speech = publish_article(hanoi, title="Harvest fair speech", language="en", kind="speech",
                                   first_published_at=dt.datetime(2025, 6, 1, tzinfo=UTC))
    paris_news = publish_article(paris, title="Harvest fair Paris", language="en", tags=["agriculture"])
    hq_statement = publish_article(hq, title="Harvest fair statement", kind="statement")
    drain(search_engine)

    def q(**filters):
        return set(ids(pages_search(q="harvest fair", **filters)))

    assert q() == {hanoi_news.pk, hanoi_speech.pk, paris_news.pk, hq_statement.pk}
    assert q(missions=["hanoi"]) == {hanoi_news.pk, hanoi_speech.pk}
    assert q(countries=["fr"]) == {paris_news.pk}
    assert q(regions=["europe"]) == {paris_news.pk, hq_statement.pk}
    assert q(locales=["en"], missions=["paris", "hq"]) == {paris_news.pk, hq_statement.pk}
    assert q(kinds=["speech", "statement"]) == {hanoi_speech.pk, hq_statement.pk}
    assert q(page_types=["article"]) == q()
    assert q(page_types=["event"]) == set()
    assert q(tags=["agriculture"]) == {hanoi_news.pk, paris_news.pk}
    assert q(topics=["climate"]) == {hanoi_news.pk}
    assert q(published_from="2025-01-01", published_to="2025-03-31") == {hanoi_news.pk}
    assert q(published_from=dt.date(2025, 5, 1), published_to="2025-12-31") == {hanoi_speech.pk}


def test_without_text_the_filters_list_pages_newest_first(search_engine, hanoi):
    older = publish_article(hanoi, title="Older", language="en", first_published_at=dt.datetime(2024, 1, 1, tzinfo=UTC))
    newer = publish_article(hanoi, title="Newer", language="en", first_published_at=dt.datetime(2025, 1, 1, tzinfo=UTC))
    drain(search_engine)

    results = pages_search(missions=["hanoi"], page_types=["article"])
    assert ids(results) == [newer.pk, older.pk]


def test_sort_by_date_and_pagination(search_engine, hq):
    pages = [
        publish_article(hq, title=f"Spokesperson briefing {n}", first_published_at=dt.datetime(2025, 1, n + 1, tzinfo=UTC))
        for n in range(5)
    ]
    drain(search_engine)

    newest_first = [page.pk for page in reversed(pages)]
    assert ids(pages_search(q="spokesperson briefing", sort="date")) == newest_first
    second_page = pages_search(q="spokesperson briefing", sort="date", page=2, page_size=2)
    assert ids(second_page) == newest_first[2:4]
    assert (second_page.total, second_page.page, second_page.page_size) == (5, 2, 2)


def test_snippets_highlight_the_matches_and_escape_the_text(search_engine, hq):
    publish_article(hq, title="Trade & investment forum", summary="Investors <b>meet</b> ministers",
                    body="The forum gathers investment agencies from twelve countries.")
    drain(search_engine)

    hit = pages_search(q="investment").hits[0]
    assert hit.highlights["title"] == ["Trade &amp; <mark>investment</mark> forum"]
    assert "<mark>investment</mark> agencies" in hit.highlights["body"][0]
    assert hit.title == "Trade & investment forum"


def test_autocomplete_completes_title_words_in_any_language(search_engine, hanoi, paris):
    vietnamese = publish_article(hanoi, title="Chuyển đổi số quốc gia")
    english = publish_article(hanoi, title="Digital diplomacy week", language="en")
    french = publish_article(paris, title="Diplomatie numérique")
    drain(search_engine)

    assert ids(pages_autocomplete(prefix="chuy")) == [vietnamese.pk]
    assert set(ids(pages_autocomplete(prefix="diplom"))) == {english.pk, french.pk}
    assert ids(pages_autocomplete(prefix="diplom", locales=["fr"])) == [french.pk]
    assert ids(pages_autocomplete(prefix="digital dip")) == [english.pk]


def test_related_pages_come_from_other_missions(search_engine, hanoi, paris, hq):
    text = "Mekong river water cooperation, hydropower dams, fisheries and sediment flows."
    source = publish_article(hanoi, title="Mekong water cooperation", language="en", body=text)
    same_mission = publish_article(hanoi, title="Mekong water cooperation again", language="en", body=text)
    paris_page = publish_article(paris, title="Mekong water cooperation seminar", language="en", body=text)
    hq_page = publish_article(hq, title="Statement on Mekong hydropower dams", body="Fisheries and sediment flows of the Mekong river.")
    publish_article(paris, title="Wine harvest in Burgundy", language="en", body="Grapes and cellars.")
    drain(search_engine)

    related = pages_related(page_id=source.pk)
    assert set(ids(related)) == {paris_page.pk, hq_page.pk}
    assert same_mission.pk not in ids(related)
    assert ids(related)[0] == paris_page.pk
    draft = publish_article(paris, title="Draft", live=False)
    assert pages_related(page_id=draft.pk).hits == []
