"""Background work through Django's task interface.

Callboard's tasks are written against ``django.tasks`` (Django 6) and, on Django 5.2, against its
backport ``django_tasks``: the import below is the only place that knows which, so the code moves
to Django 6 unchanged. The queue is a table in the database (``django_tasks_db``); a task enqueued
inside a transaction is a row written in that transaction, so it exists exactly when the change
that asked for it commits, and a worker never runs it before. ``CALLBOARD_TASKS=immediate`` runs
every task at once in the caller's process instead (the test suite does, except in the tests of
the queue itself).

Every task is idempotent: run twice, or again after a worker died half-way, it leaves the same
result. That is what makes the two safety nets below safe:

- ``background`` retries a task that raised, later and later (``retry_delay``), up to a limit;
- ``tasks_requeue_stalled`` hands a task back to the queue when the worker that claimed it has
  held it longer than ``CALLBOARD_TASK_LEASE`` seconds, which a live worker never does: it was
  killed, or its machine went away. ``manage.py run_worker`` runs it on start and then
  periodically, beside the queue's own worker loop.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

try:  # Django 6
    from django.tasks import TaskResultStatus, default_task_backend, task
except ImportError:  # Django 5.2 with the backport
    from django_tasks import TaskResultStatus, default_task_backend, task

__all__ = ["TaskResultStatus", "background", "retry_delay", "task", "tasks_requeue_stalled"]

logger = logging.getLogger(__name__)

# Seconds before the first retry; each later one waits four times longer, up to a day.
FIRST_RETRY = 15
LONGEST_WAIT = 24 * 60 * 60


def retry_delay(attempt: int) -> timedelta:
    """How long to wait after failed attempt number ``attempt`` (1 for the first run)."""
    return timedelta(seconds=min(FIRST_RETRY * 4 ** (attempt - 1), LONGEST_WAIT))


def background(*, retries: int = 4, priority: int = 0) -> Callable:
    """Make ``function`` a task that is tried again after a failure, ``retries`` times at most.

    The task takes the function's own arguments (JSON values only: ids, not rows) and an
    ``attempt`` keyword the retries set. A failed attempt is recorded as failed like any task;
    its retry is a new entry in the queue, due after ``retry_delay(attempt)``. A backend that
    cannot defer work (the immediate one) does not retry.
    """

    def wrap(function: Callable) -> object:
        @functools.wraps(function)
        def attempt_once(*args, attempt: int = 1, **kwargs):
            try:
                return function(*args, **kwargs)
            except Exception:
                backend = default_task_backend
                if attempt <= retries and backend.supports_defer:
                    later = queued.using(run_after=timezone.now() + retry_delay(attempt))
                    later.enqueue(*args, attempt=attempt + 1, **kwargs)
                    logger.warning("%s failed (attempt %d); trying again later.", queued.name, attempt)
                raise

        queued = task(priority=priority)(attempt_once)
        return queued

    return wrap


def lease() -> timedelta:
    return timedelta(seconds=settings.CALLBOARD_TASK_LEASE)


def tasks_requeue_stalled(now=None) -> int:
    """Hand back to the queue every task claimed longer ago than the lease; return how many."""
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    stalled = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=now - lease())
    count = stalled.update(status=TaskResultStatus.READY, started_at=None)
    if count:
        logger.warning("Handed %d stalled task(s) back to the queue.", count)
    return count
