"""demo.background: the jobs a batch of writes queues run once each when the batch ends, and the indexes end
as they would have with a job per save."""

from contextlib import contextmanager

import pytest
from django_tasks.signals import task_enqueued
from wagtail.models import ReferenceIndex

from demo.background import jobs_run_once_at_end
from embassies import factories as content


@contextmanager
def enqueued_for_real():
    """The jobs handed to the configured (immediate) backend, as (task name, args)."""
    jobs = []

    def record(sender, task_result, **kwargs):
        if task_result.backend == "default" and sender.__name__ != "DummyBackend":
            jobs.append((task_result.task.name, tuple(task_result.args)))

    task_enqueued.connect(record)
    try:
        yield jobs
    finally:
        task_enqueued.disconnect(record)


@pytest.mark.django_db
def test_a_page_saved_three_times_in_the_block_is_indexed_once_at_the_end(hanoi):
    hero = content.image(title="Temple", collection=hanoi.collection)
    with enqueued_for_real() as jobs, jobs_run_once_at_end():
        page = content.article(content.section(hanoi), title="Temple visit", hero_image=hero)
        page.title = "Temple visit, updated"
        page.save_revision().publish()
        assert not ReferenceIndex.get_references_for_object(page).exists(), "held until the block ends"

    reference_jobs = [args for name, args in jobs if name == "update_reference_index_task" and args[-1] == str(page.pk)]
    assert len(reference_jobs) == 1
    assert ReferenceIndex.get_references_to(hero).filter(object_id=str(page.pk)).exists()
    assert page.pk in [found.pk for found in type(page).objects.search("updated")], "searchable by its last title"


@pytest.mark.django_db
def test_an_error_in_the_block_runs_none_of_its_jobs(hanoi):
    with enqueued_for_real() as jobs, pytest.raises(RuntimeError), jobs_run_once_at_end():
        content.article(content.section(hanoi), title="Never indexed")
        raise RuntimeError("the batch failed")

    assert jobs == []
