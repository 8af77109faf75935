"""Background work of a batch of writes, run once per distinct job when the batch ends.

Every save queues work on the task backend: Wagtail's search index and reference index for the object, the
front-end cache purge, the hub's own index outbox. A page is saved five or six times while it is created,
revised, published and translated, and in development the immediate backend runs each job on the spot, so the
seed spent over half of its page time indexing the same pages again. Inside `jobs_run_once_at_end()` the jobs
are held (django-tasks' dummy backend) and, when the block ends, each distinct job (same task, same arguments)
is handed once to the configured backend, which runs it as it would have: the indexes end the same.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.test.utils import override_settings
from django_tasks import task_backends
from django_tasks.base import DEFAULT_TASK_BACKEND_ALIAS

HOLDING = {DEFAULT_TASK_BACKEND_ALIAS: {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@contextmanager
def jobs_run_once_at_end() -> Iterator[None]:
    """Hold the jobs that writes inside the block queue; on a clean exit, queue each distinct one for real."""
    with override_settings(TASKS=HOLDING):
        held = task_backends[DEFAULT_TASK_BACKEND_ALIAS].results
        yield
    distinct = {}
    for result in held:
        key = (result.task.module_path, result.task.run_after, repr(result.args), repr(sorted(result.kwargs.items())))
        distinct.setdefault(key, result)
    for result in distinct.values():
        result.task.enqueue(*result.args, **result.kwargs)
