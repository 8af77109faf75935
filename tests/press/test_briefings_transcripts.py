"""Transcripts: published as structured blocks (question, outlet, answer, spokesperson) with the recording and its
captions, shown on the site; translated through wagtail-localize like any page, the times kept in sync."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation

from embassies.models import HubDocument
from press.models import BriefingPage

QUESTION = "Will the summit be postponed?"
ANSWER = "<p>No, it goes ahead in March.</p>"


def published_with_transcript(page, paris):
    captions = HubDocument.objects.create(
        title="Captions", collection=paris.collection,
        file=SimpleUploadedFile("captions.vtt", b"WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nBonjour.\n"),
    )
    page.transcript = [
        ("statement", "<p>Good morning and welcome.</p>"),
        ("exchange", {"question": QUESTION, "journalist": "Accredited Reporter", "outlet": "Le Courrier",
                      "answer": ANSWER, "spokesperson": "Claire Dubois"}),
    ]
    page.recording_url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    page.captions = captions
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.mark.django_db
def test_published_transcript_is_on_the_site_with_recording_and_captions(briefings_paris, paris):
    page = published_with_transcript(briefings_paris, paris)
    html = Client().get(page.url).content.decode()
    assert "Transcript" in html and QUESTION in html and "Le Courrier" in html and "No, it goes ahead in March." in html
    assert "Good morning and welcome." in html
    assert page.captions.url in html and "Watch the recording" in html
    # The captions file is public now that a public page uses it.
    assert Client().get(page.captions.url).status_code == 200


@pytest.mark.django_db
def test_transcript_translates_through_wagtail_localize(briefings_paris, paris, staff, django_capture_on_commit_callbacks):
    page = published_with_transcript(briefings_paris, paris)
    admin = Client()
    admin.force_login(staff["hq_admin"])
    french = Locale.objects.get(language_code="fr")
    assert page.get_parent().get_translation(french).live  # Paris's French briefings section, made by provisioning
    assert admin.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [french.pk]}).status_code == 302
    translated = page.get_translation(french).specific
    translation = Translation.objects.get(target_locale=french)
    question = StringSegment.objects.get(source=translation.source, string__data=QUESTION)
    url = f"/admin/localize/translate/{translation.pk}/strings/{question.pk}/edit/"
    assert admin.put(url, encode_multipart(BOUNDARY, {"value": "Le sommet sera-t-il reporté ?"}), MULTIPART_CONTENT).status_code == 201
    with django_capture_on_commit_callbacks(execute=True):
        assert admin.post(f"/admin/pages/{translated.pk}/edit/", {"action": "publish"}).status_code == 302
    translated = BriefingPage.objects.get(pk=translated.pk)
    exchange = translated.transcript[1].value
    assert translated.live
    assert exchange["question"] == "Le sommet sera-t-il reporté ?"
    assert exchange["outlet"] == "Le Courrier"  # untranslated strings fall back to the source
    assert (translated.starts_at, translated.ends_at) == (page.starts_at, page.ends_at)
    assert translated.live_stream_url == page.live_stream_url
    html = Client().get(translated.url).content.decode()
    assert "Le sommet sera-t-il reporté ?" in html
