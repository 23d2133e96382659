"""``manage.py run_worker``: drain the task queue, and give back what dead workers held.

It is the queue's own worker (``db_worker``, every option the same) with one addition: a thread
that hands back to the queue every task claimed longer ago than ``CALLBOARD_TASK_LEASE`` seconds
(``cms.tasks.tasks_requeue_stalled``), on start and then every quarter of the lease. A worker
that was killed mid-task leaves its task claimed; the next sweep by any worker queues it again,
and because every task is idempotent, running it again finishes the job. Run as many workers as
you like, on as many machines as share the database: each task is claimed by one of them
(``SELECT … FOR UPDATE SKIP LOCKED`` on PostgreSQL; one writer at a time on SQLite).
"""

import threading

from django.db import close_old_connections
from django_tasks_db.management.commands import db_worker

from cms.tasks import lease, tasks_requeue_stalled


class Command(db_worker.Command):
    help = "Run background tasks from the queue in the database, handing back tasks whose worker died."

    def handle(self, *args, **options):
        self._sweep_once()
        stop = threading.Event()
        sweeper = threading.Thread(target=self._sweep, args=(stop,), name="requeue-stalled", daemon=True)
        sweeper.start()
        try:
            return super().handle(*args, **options)
        finally:
            stop.set()

    @classmethod
    def _sweep(cls, stop: threading.Event) -> None:
        interval = max(lease().total_seconds() / 4, 0.5)
        while not stop.wait(interval):
            cls._sweep_once()
            close_old_connections()

    @staticmethod
    def _sweep_once() -> None:
        try:
            tasks_requeue_stalled()
        except Exception:  # a database blip must not end the sweeping; the next round retries
            db_worker.logger.exception("Could not hand back stalled tasks.")
