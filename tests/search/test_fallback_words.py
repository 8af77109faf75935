"""The database fallback's page words (issue 15, item 1): Vietnamese typed without diacritics finds its page,
exact diacritics rank first, snippets mark whole words with their accents, and only public pages ever have words
to find (publish → findable; unpublish, restrict, delete → gone; a draft's words never). No engine needed."""

import pytest
from wagtail.models import PageViewRestriction

from hub import factories
from search.folding import folded_words
from search.highlight import highlight
from search.models import PageSearchText
from search.selectors import pages_search

from .helpers import publish_article

pytestmark = pytest.mark.django_db

LONG_ARTICLE = (
    "Bộ Ngoại giao đẩy mạnh chuyển đổi số trong công tác lãnh sự. " * 40
    + "Người dân có thể nộp hồ sơ hộ chiếu trực tuyến."
)


def found(q: str, **criteria) -> list[int]:
    results = pages_search(q=q, **criteria)
    assert results.backend == "database"
    return [hit.page_id for hit in results.hits]


def test_chuyen_doi_so_finds_the_long_vietnamese_article(hanoi):
    page = publish_article(hanoi, title="Chuyển đổi số ngành ngoại giao", body=LONG_ARTICLE, language="vi")
    publish_article(hanoi, title="Lễ kỷ niệm Quốc khánh", body="Đại sứ quán tổ chức lễ kỷ niệm.", language="vi")

    assert found("chuyen doi so") == [page.pk]
    assert found("Chuyển đổi số") == [page.pk]
    assert found("ho so truc tuyen") == [page.pk]


def test_a_name_typed_without_accents_finds_the_page_that_names_the_person(hanoi):
    page = publish_article(hanoi, title="Đại sứ trình quốc thư", body="Đại sứ Nguyễn Thị Thanh Hương trình quốc thư.", language="vi")
    publish_article(hanoi, title="Thông báo lãnh sự", body="Lịch làm việc dịp nghỉ lễ.", language="vi")

    assert found("nguyen thi thanh huong") == [page.pk]
    assert found("NGUYEN THANH HUONG") == [page.pk]


def test_exact_diacritics_rank_above_a_folded_only_match(hanoi):
    # Published first, so by date alone it would come second.
    exact = publish_article(hanoi, title="Chuyển đổi số", body="Kế hoạch năm 2026.", language="vi")
    folded_only = publish_article(hanoi, title="Chuyen doi so", body="Digital transformation plan.", language="en")
    other_accents = publish_article(hanoi, title="Chuyên đôi sổ", body="Một trang khác.", language="vi")

    assert found("chuyển đổi số")[0] == exact.pk
    assert set(found("chuyen doi so")) == {exact.pk, folded_only.pk, other_accents.pk}


def test_a_word_matches_whole_words_only(hanoi):
    page = publish_article(hanoi, title="Giáo dục và đào tạo", summary="Hợp tác giáo dục", language="vi")

    assert found("ao") == []
    assert found("giao duc") == [page.pk]


def test_snippets_mark_whole_words_and_keep_their_accents(hanoi):
    publish_article(hanoi, title="Giáo dục và đào tạo", summary="Học bổng <giáo dục> & đào tạo", language="vi")

    (hit,) = pages_search(q="dao tao").hits

    assert hit.highlights["title"] == ["Giáo dục và <mark>đào</mark> <mark>tạo</mark>"]
    assert hit.highlights["summary"] == ["Học bổng &lt;giáo dục&gt; &amp; <mark>đào</mark> <mark>tạo</mark>"]


@pytest.mark.parametrize(
    ("text", "query", "marked"),
    [
        ("Giáo dục", "ao", None),
        ("Giáo dục", "giao", "<mark>Giáo</mark> dục"),
        ("Đổi mới", "doi", "<mark>Đổi</mark> mới"),
        ("Trade & investment", "INVESTMENT", "Trade &amp; <mark>investment</mark>"),
        ("press_release", "release", "press_<mark>release</mark>"),
        ("Hà Nội, Hanoi", "ha noi", "<mark>Hà</mark> <mark>Nội</mark>, Hanoi"),
        ("技能実習生の受け入れ", "技能実習生", "<mark>技能実習生</mark>の受け入れ"),
        ("ベトナムフェスティバル2026", "フェスティバル", "ベトナム<mark>フェスティバル</mark>2026"),
        ("査証の申請", "証", None),
        ("ｶﾞｲﾑ省", "ガイム", "<mark>ガイム</mark>省"),
        ("외교부 발표", "외교부", "<mark>외교부</mark> 발표"),
    ],
)
def test_the_highlighter_marks_whole_folded_words_escaped(text, query, marked):
    assert highlight(text, query) == marked


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("技能実習生", ["技能", "能実", "実習", "習生"]),
        ("査", ["査"]),
        ("ASEAN加盟国", ["asean", "加盟", "盟国"]),
        ("ｶﾞｲﾑ", ["ガイ", "イム"]),
        ("ガイム", ["ガイ", "イム"]),  # the voicing mark stays: ガ is not カ
        ("Đổi mới", ["doi", "moi"]),
    ],
)
def test_cjk_runs_are_cut_into_character_pairs_as_the_engine_does(text, pairs):
    assert folded_words(text) == pairs


@pytest.fixture
def tokyo(db):
    return factories.mission(
        "tokyo", name="Embassy in Tokyo", country="JP", city="Tokyo", region_slug="asia-pacific",
        timezone="Asia/Tokyo", default_language_code="ja", extra_language_codes=["en"],
    )


def test_japanese_finds_its_page_without_the_engine(tokyo):
    trainees = publish_article(tokyo, title="技能実習生の受け入れについて", body="ベトナム人技能実習生の支援。", language="ja")
    visa = publish_article(tokyo, title="査証申請の案内", body="必要書類と手数料。", language="ja")

    assert found("技能実習生") == [trainees.pk]
    assert found("査証") == [visa.pk]
    assert found("実習査証") == []  # every pair must be there; these two words are on different pages
    (hit,) = pages_search(q="査証").hits
    assert hit.highlights["title"] == ["<mark>査証</mark>申請の案内"]


def test_only_public_pages_have_words_to_find(hanoi):
    page = publish_article(hanoi, title="Bảo hộ công dân", language="vi")
    draft = publish_article(hanoi, title="Dự thảo bí mật", language="vi", live=False)
    assert found("bao ho cong dan") == [page.pk]
    assert found("du thao bi mat") == [] and not PageSearchText.objects.filter(page_id=draft.pk).exists()

    page.title = "Tin mật chưa duyệt"
    page.save_revision()  # a draft of a live page: its new words stay out
    assert found("tin mat chua duyet") == []
    assert found("bao ho cong dan") == [page.pk]

    page.unpublish()
    assert found("bao ho cong dan") == [] and not PageSearchText.objects.filter(page_id=page.pk).exists()

    page.get_latest_revision().publish()  # publishes the draft too: now its words are public
    assert found("bao ho cong dan") == [page.pk] and found("tin mat chua duyet") == [page.pk]

    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert found("bao ho cong dan") == [] and not PageSearchText.objects.filter(page_id=page.pk).exists()
    restriction.delete()
    assert found("bao ho cong dan") == [page.pk]

    page.delete()
    assert found("bao ho cong dan") == [] and not PageSearchText.objects.filter(page_id=page.pk).exists()


def test_a_restricted_section_hides_the_words_of_every_page_below_it(hanoi):
    page = publish_article(hanoi, title="Lịch tiếp công dân", language="vi", section="news")
    PageViewRestriction.objects.create(page=page.get_parent(), restriction_type=PageViewRestriction.LOGIN)

    assert found("lich tiep cong dan") == []
    assert not PageSearchText.objects.filter(page_id=page.pk).exists()


def test_english_and_french_stop_words_are_optional_in_their_own_pages_only(hanoi, paris):
    english = publish_article(hanoi, title="Apply online for an electronic visa", language="en")
    french = publish_article(paris, title="Demander un visa électronique", language="fr")
    vietnamese = publish_article(hanoi, title="Thủ tục cấp thị thực cho Hoài Trung", language="vi")

    assert found("apply for a visa") == [english.pk]  # `a` is an English stop word: the engine drops it too
    assert found("demander le visa") == [french.pk]  # `le`, French
    assert found("le hoai trung") == []  # Vietnamese: `lê` is a syllable of the name, never optional
    assert found("hoai trung") == [vietnamese.pk]
    assert found("the") == [] and found("a") == []  # a query of stop words alone still needs them
