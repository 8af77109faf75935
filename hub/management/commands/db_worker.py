"""`manage.py db_worker`: django-tasks-db's worker, made to outlive the database going away.

django-tasks-db's own loop waits out a locked SQLite but exits on any other database error (PostgreSQL restarted, a
connection cut). This command (it shadows the library's: `hub` comes first in INSTALLED_APPS) runs that same loop
inside `hub.workers.WorkerLoop`, so such an error is logged and waited out with backoff. A task the error cut short
is left "running" under this worker's id; before the loop starts again it goes back to "ready" and runs again (the
hub's tasks only trigger work whose state lives in its own tables, so running one twice is safe).
"""

from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.compat import TaskResultStatus

from hub.workers import WorkerLoop


class ResilientWorker(db_worker.Worker):
    def run(self) -> None:
        loop = WorkerLoop(name="task worker", poll=max(self.interval, 0.1))

        def tasks_round() -> bool:
            self.tasks_interrupted_requeue()
            super(ResilientWorker, self).run()  # returns only when done (--batch, --max-tasks) or told to stop
            loop.stop()
            return False

        loop.run(tasks_round)

    def tasks_interrupted_requeue(self) -> None:
        """Tasks this worker claimed and never finished (a database error cut them short) become ready again."""
        for result in DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, backend_name=self.backend_name):
            if result.worker_ids and result.worker_ids[-1] == self.worker_id:
                result.status = TaskResultStatus.READY
                result.save(update_fields=["status"])


class Command(db_worker.Command):
    help = "Run the database task worker (django-tasks-db's), waiting out database outages with backoff."

    def handle(self, *args, **options) -> None:
        # The library's handle() builds its Worker from its module; give it ours for this command's run.
        db_worker.Worker, library_worker = ResilientWorker, db_worker.Worker
        try:
            super().handle(*args, **options)
        finally:
            db_worker.Worker = library_worker
