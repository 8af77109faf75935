"""search_check compares the database fallback's page words too (issue 15): without an engine it checks only them,
finds pages without words, words out of date and words of pages no longer public, and --repair rewrites them so
that search finds the pages again."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from search.models import PageSearchText
from search.selectors import pages_search
from search.services import page_texts_check

from .helpers import publish_article

pytestmark = pytest.mark.django_db


def check(*args) -> str:
    out = StringIO()
    call_command("search_check", "--no-progress", *args, stdout=out)
    return out.getvalue()


def test_words_out_of_step_are_reported_then_repaired_without_an_engine(hanoi):
    kept = publish_article(hanoi, title="Bảo hộ công dân", language="vi")
    edited = publish_article(hanoi, title="Chuyển đổi số", summary="Kế hoạch năm 2027", language="vi")
    lost = publish_article(hanoi, title="Lịch tiếp công dân", language="vi")
    draft = publish_article(hanoi, title="Dự thảo bí mật", language="vi", live=False)
    assert "words missing: 0" in check()

    # What an older word cutter, a restore or a raw SQL edit leaves behind.
    PageSearchText.objects.filter(page_id=edited.pk).update(title_folded=" chuyendoiso ")
    PageSearchText.objects.filter(page_id=lost.pk).delete()
    PageSearchText.objects.create(page_id=draft.pk, title_folded=" du thao bi mat ")
    assert pages_search(q="du thao bi mat").total == 0  # candidates are public pages, whatever the words say
    assert pages_search(q="chuyen doi so").total == 0 and pages_search(q="lich tiep cong dan").total == 0

    with pytest.raises(CommandError, match="--repair"):
        check()
    report = page_texts_check()
    assert (report.missing, report.stale, report.extra) == ([lost.pk], [edited.pk], [draft.pk])

    output = check("--repair")

    assert f"words stale: 1 (page ids {edited.pk})" in output and "Words repaired: 2 pages rewritten." in output
    assert "only the database fallback's words were checked" in output
    assert page_texts_check().clean
    assert [hit.page_id for hit in pages_search(q="chuyen doi so").hits] == [edited.pk]
    assert [hit.page_id for hit in pages_search(q="lich tiep cong dan").hits] == [lost.pk]
    assert not PageSearchText.objects.filter(page_id=draft.pk).exists()
    assert [hit.page_id for hit in pages_search(q="bao ho").hits] == [kept.pk]
