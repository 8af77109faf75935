"""search_reindex builds a fresh index and swaps the alias while search keeps answering; search_check finds
and repairs every difference between the index and the database."""

import pytest
from django.core.management import CommandError, call_command

from search.documents import documents_for, pages_indexable
from search.selectors import pages_search
from search.services import search_check, search_reindex

from .helpers import doc_ids, drain, publish_article

pytestmark = pytest.mark.django_db


def test_search_keeps_answering_throughout_a_reindex(search_engine, hanoi, paris):
    pages = [publish_article(hanoi, title=f"Pho street food guide {n}", language="en") for n in range(12)]
    drain(search_engine)
    old_index = search_engine.indices_behind_alias()
    answers = []

    def search_while_indexing(count):
        results = pages_search(q="pho street food", page_size=50)
        answers.append((results.backend, results.total))

    report = search_reindex(batch_size=5, progress=search_while_indexing)

    assert len(answers) >= 5  # one look per batch of the baseline and the guides
    assert answers == [("opensearch", len(pages))] * len(answers)
    assert search_engine.indices_behind_alias() == [report.index] != old_index
    assert old_index[0] not in search_engine.indices_all()
    assert pages_search(q="pho street food", page_size=50).total == len(pages)


def test_changes_made_during_a_reindex_are_in_the_new_index(search_engine, hanoi):
    kept = publish_article(hanoi, title="Silk village visit", language="en")
    withdrawn = publish_article(hanoi, title="Silk export statistics", language="en")
    drain(search_engine)
    changes = []

    def change_once_while_indexing(count):
        if changes:
            return
        changes.append(publish_article(hanoi, title="Silk road exhibition", language="en"))
        withdrawn.unpublish()
        drain(search_engine)  # applied to the old index, behind the alias while the new one fills

    search_reindex(batch_size=5, progress=change_once_while_indexing)

    assert {hit.page_id for hit in pages_search(q="silk").hits} == {kept.pk, changes[0].pk}
    assert search_check().clean


def test_reindex_command_reports_pages_and_rate(search_engine, hanoi, capsys):
    publish_article(hanoi, title="Lantern festival", language="en")
    call_command("search_reindex", "--batch-size", "10")

    out, err = capsys.readouterr()
    expected = pages_indexable().count()
    assert f"Indexed {expected} pages into {search_engine.alias}-" in out and "pages/s" in out
    assert f"{expected}/{expected}" in err  # the progress bar's count


def test_check_finds_missing_stale_and_extra_documents_and_repairs_them(search_engine, hanoi):
    missing = publish_article(hanoi, title="Missing from the index", language="en")
    stale = publish_article(hanoi, title="Stale in the index", language="en")
    draft = publish_article(hanoi, title="Draft that leaked into the index", language="en", live=False)
    drain(search_engine)
    rows = list(pages_indexable().filter(pk__in=[stale.pk]).values("pk", "content_type_id", "path"))
    outdated = dict(documents_for(rows)[stale.pk], title_en="An older title", fingerprint="0ld")
    leaked = dict(outdated, page_id=draft.pk)
    search_engine.bulk(upserts={str(stale.pk): outdated, str(draft.pk): leaked}, deletes=[str(missing.pk)], refresh=True)

    report = search_check()
    assert (report.missing, report.stale, report.extra) == ([missing.pk], [stale.pk], [draft.pk])
    with pytest.raises(CommandError, match="--repair"):
        call_command("search_check", "--no-progress")

    call_command("search_check", "--repair", "--no-progress")
    assert search_check().clean
    assert draft.pk not in doc_ids(search_engine)
    assert [hit.title for hit in pages_search(q="stale").hits] == ["Stale in the index"]


def test_check_of_an_index_in_step_with_the_database_is_clean(search_engine, hanoi, capsys):
    publish_article(hanoi, title="In step", language="en")
    drain(search_engine)

    call_command("search_check", "--no-progress")

    assert "The index matches the database" in capsys.readouterr().out
