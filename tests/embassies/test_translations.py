"""The translation workflow in the admin over HTTP: translate, edit strings, publish, sync, see what is out of date.

Hanoi publishes in Vietnamese (default) and English. Its editor translates a Vietnamese article into English with
wagtail-localize; editors of other missions must not reach any of it.
"""

import json

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from embassies import factories as content
from hub import factories as hub_factories

REPORT = "/admin/reports/translations-out-of-date/"
# Listings are read from their results fragments: the full pages also carry the flash messages of earlier actions.
REPORT_RESULTS = REPORT + "results/"
LOCALIZE_REPORT_RESULTS = "/admin/localize/reports/translations/results/"
SUMMARY = "Việt Nam và đối tác ký kết."
NEW_SUMMARY = "Việt Nam và Pháp ký kết thỏa thuận."


def submit_url(page):
    return f"/admin/localize/submit/page/{page.pk}/"


def update_url(page):
    return f"/admin/localize/update/{TranslationSource.objects.get_for_instance(page).pk}/"


def refused(response) -> bool:
    """Refused: Wagtail's redirect to the dashboard for a PermissionDenied, or the hub's 404 for another
    mission's page (hub/isolation.py), which the other mission's staff may not know exists."""
    return response.status_code == 404 or (response.status_code == 302 and response["Location"] == "/admin/")


def locale(code):
    return Locale.objects.get(language_code=code)


def publish_change(page, **fields):
    """The source page edited and published again (by HQ, as mission editors publish through review)."""
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()


@pytest.fixture
def article(hanoi):
    return content.article(content.section(hanoi), title="Hợp tác khí hậu", summary=SUMMARY)


@pytest.fixture
def editor(staff):
    """Hanoi's editor, in a browser of their own."""
    browser = Client()
    browser.force_login(staff["hanoi_editor"])
    return browser


@pytest.fixture
def translated(editor, article):
    """The article translated into English by Hanoi's editor; returns the English page."""
    response = editor.post(submit_url(article), {"locales": [locale("en").pk]})
    assert response.status_code == 302
    return article.get_translation(locale("en"))


def test_mission_editor_translates_article_into_another_language_of_the_mission(editor, hanoi, article):
    form = editor.get(submit_url(article))
    assert form.status_code == 200
    assert list(form.context["form"].fields["locales"].queryset) == [locale("en")]

    response = editor.post(submit_url(article), {"locales": [locale("en").pk]})

    english = article.get_translation(locale("en"))
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{english.pk}/edit/"
    assert english.get_parent().pk == content.section(hanoi, language_code="en").pk
    assert Translation.objects.filter(source__object_id=article.translation_key, target_locale=locale("en")).exists()


def test_mission_editor_cannot_open_a_language_the_mission_does_not_publish_in(editor, article):
    response = editor.post(submit_url(article), {"locales": [locale("es").pk]})

    assert response.status_code == 200
    assert "locales" in response.context["form"].errors
    assert article.get_translation_or_none(locale("es")) is None
    assert not Translation.objects.exists()


def test_editor_translates_strings_and_hq_publishes_them(
    editor, client, staff, translated, django_capture_on_commit_callbacks
):
    title = StringSegment.objects.get(source__object_id=translated.translation_key, context__path="title")
    translation = Translation.objects.get(target_locale=locale("en"))
    string_url = f"/admin/localize/translate/{translation.pk}/strings/{title.pk}/edit/"

    # The translation editor's JavaScript sends each string as multipart form data.
    saved = editor.put(string_url, encode_multipart(BOUNDARY, {"value": "Climate cooperation"}), MULTIPART_CONTENT)
    publish_attempt = editor.post(f"/admin/pages/{translated.pk}/edit/", {"action": "publish"})
    client.force_login(staff["hq_admin"])
    with django_capture_on_commit_callbacks(execute=True):
        published = client.post(f"/admin/pages/{translated.pk}/edit/", {"action": "publish"})

    translated.refresh_from_db()
    assert saved.status_code == 201
    assert refused(publish_attempt), "mission editors publish through review"
    assert published.status_code == 302
    assert (translated.live, translated.title) == (True, "Climate cooperation")
    assert translated.summary == SUMMARY, "untranslated strings fall back to the source"


def test_translation_of_a_live_page_waits_for_someone_who_may_publish(
    editor, article, django_capture_on_commit_callbacks
):
    """Without WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False, submitting would publish it, skipping review."""
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(submit_url(article), {"locales": [locale("en").pk]})

    assert not article.get_translation(locale("en")).live


def test_sync_brings_new_source_text_to_translate(editor, article, translated):
    publish_change(article, summary=NEW_SUMMARY)

    response = editor.post(update_url(article))

    translation = Translation.objects.get(target_locale=locale("en"))
    total, done = translation.get_progress()
    assert response.status_code == 302
    assert json.loads(translation.source.content_json)["summary"] == NEW_SUMMARY
    assert done < total, "the new standfirst waits for translation"


def test_sync_publishes_immediately_only_for_those_who_may_publish(
    editor, client, staff, article, translated, django_capture_on_commit_callbacks
):
    publish_change(article, summary=NEW_SUMMARY)

    with django_capture_on_commit_callbacks(execute=True):
        editor.post(update_url(article), {"publish_translations": "on"})
    translated.refresh_from_db()
    assert translated.summary == SUMMARY

    client.force_login(staff["hq_admin"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(update_url(article), {"publish_translations": "on"})
    translated.refresh_from_db()
    assert (translated.live, translated.summary) == (True, NEW_SUMMARY)


def test_editor_of_another_mission_cannot_translate_or_sync(client, staff, article, translated):
    synced_at = TranslationSource.objects.get_for_instance(article).last_updated_at
    client.force_login(staff["paris_editor"])

    form = client.get(submit_url(article))
    submitted = client.post(submit_url(article), {"locales": [locale("fr").pk]})
    synced = client.post(update_url(article), {"publish_translations": "on"})

    assert refused(form) and refused(submitted) and refused(synced)
    assert article.get_translation_or_none(locale("fr")) is None
    assert list(Translation.objects.values_list("target_locale__language_code", flat=True)) == ["en"]
    assert TranslationSource.objects.get_for_instance(article).last_updated_at == synced_at


def test_translations_report_shows_only_the_users_missions(client, staff, translated):
    """wagtail-localize's own "Translations" report listed every mission's translations to any translator."""
    client.force_login(staff["paris_editor"])
    other = client.get(LOCALIZE_REPORT_RESULTS)
    client.force_login(staff["hanoi_editor"])
    own = client.get(LOCALIZE_REPORT_RESULTS)

    assert other.status_code == own.status_code == 200
    assert "Hợp tác khí hậu" not in other.content.decode()
    assert "Hợp tác khí hậu" in own.content.decode()


def test_out_of_date_report_lists_translation_once_its_source_is_published_again(editor, article, translated):
    assert "Hợp tác khí hậu" not in editor.get(REPORT_RESULTS).content.decode()

    article.title = "Hợp tác khí hậu (bản nháp)"
    article.save_revision()
    assert "bản nháp" not in editor.get(REPORT_RESULTS).content.decode(), "a sync copies live content, not drafts"

    publish_change(article, title="Hợp tác khí hậu 2025")
    page = editor.get(REPORT_RESULTS).content.decode()

    assert "Hợp tác khí hậu 2025" in page
    assert f"/admin/pages/{translated.pk}/edit/" in page
    assert "English" in page
    assert update_url(article) + "?next=" in page


def test_out_of_date_report_does_not_show_other_missions_translations(client, staff, article, translated):
    publish_change(article, title="Hợp tác khí hậu 2025")
    client.force_login(staff["paris_editor"])

    response = client.get(REPORT_RESULTS)

    assert response.status_code == 200
    assert "Hợp tác khí hậu" not in response.content.decode()


def test_sync_takes_translation_off_the_out_of_date_report(editor, article, translated):
    publish_change(article, title="Hợp tác khí hậu 2025")
    assert "Hợp tác khí hậu 2025" in editor.get(REPORT_RESULTS).content.decode()

    editor.post(update_url(article))

    assert "Hợp tác khí hậu 2025" not in editor.get(REPORT_RESULTS).content.decode()


def test_out_of_date_report_queries_do_not_grow_with_rows(editor, hanoi, translated, article):
    def report_queries():
        with CaptureQueriesContext(connection) as queries:
            assert editor.get(REPORT_RESULTS).status_code == 200
        return len(queries)

    publish_change(article, title="Hợp tác khí hậu 2025")
    one_row = report_queries()
    for number in range(3):
        page = content.article(content.section(hanoi), title=f"Thông cáo {number}")
        editor.post(submit_url(page), {"locales": [locale("en").pk]})
        publish_change(page, title=f"Thông cáo {number} (sửa)")

    assert "Thông cáo 2 (sửa)" in editor.get(REPORT_RESULTS).content.decode()
    assert report_queries() == one_row


def test_report_is_in_the_reports_menu_of_translators_only(client, staff):
    client.force_login(staff["hanoi_editor"])
    assert REPORT in client.get("/admin/").content.decode()
    assert client.get(REPORT).status_code == 200
    client.force_login(staff["asia_reviewer"])
    assert REPORT not in client.get("/admin/").content.decode()
    assert refused(client.get(REPORT))


def test_content_languages_include_the_ministrys_working_languages(client, db):
    required = {"en", "vi", "fr", "es", "ar", "zh-hans", "ru", "ja", "ko", "de"}
    client.force_login(hub_factories.UserFactory(username="root", is_superuser=True))

    locales_page = client.get("/admin/locales/").content.decode()

    assert required <= {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    for code in required:
        assert locale(code).get_display_name() in locales_page


def test_arabic_pages_render_right_to_left(client, db):
    cairo = hub_factories.mission(
        "cairo", name="Embassy in Cairo", country="EG", city="Cairo", region_slug="africa-middle-east",
        timezone="Africa/Cairo", default_language_code="ar", extra_language_codes=["en"],
    )
    arabic = content.article(content.section(cairo), title="تعاون في مجال المناخ")
    english = content.article(content.section(cairo, language_code="en"), title="Climate cooperation")

    assert 'dir="rtl"' in client.get(arabic.url).content.decode()
    assert 'dir="ltr"' in client.get(english.url).content.decode()
