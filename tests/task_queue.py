"""The database task queue inside a test: switch it on, and run what is due as a worker would."""

import pytest
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def queue(settings):
    """Tasks wait in the database queue until ``drain`` runs them, as on the site."""
    settings.TASKS = QUEUE


def queued(task_name: str) -> int:
    """How many runs of the task named ``task_name`` (its function's name) wait in the queue."""
    return sum(1 for result in DBTaskResult.objects.ready() if result.task_path.rsplit(".", 1)[-1] == task_name)


def drain() -> int:
    """Run every task that is due, as the queue's worker does, in this test's transaction (the
    worker command itself would close the test's connection between tasks); return how many."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )
    ran = 0
    while (due := DBTaskResult.objects.ready().get_locked()) is not None:
        due.claim(worker.worker_id)
        worker.run_task(due)
        ran += 1
    return ran
