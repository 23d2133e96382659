"""The task queue for real: the queue in the database, drained by worker processes.

The rest of the suite runs tasks at once in its own process (``CALLBOARD_TASKS=immediate``);
these tests use the database queue the site runs on. In-process tests drain it with the queue's
own worker in batch mode; the process tests start ``manage.py run_worker`` processes against a
database of their own: a SQLite file, and on the PostgreSQL suite a PostgreSQL database, where
several workers on several machines would share one queue.
"""

import os
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cms.tasks import FIRST_RETRY, LONGEST_WAIT, TaskResultStatus, retry_delay, tasks_requeue_stalled
from tests.cms.task_probes import probe_flaky, probe_record
from tests.servers import ROOT
from tests.task_queue import drain


def test_each_retry_waits_four_times_longer_than_the_one_before_up_to_a_day():
    assert retry_delay(1) == timedelta(seconds=FIRST_RETRY)
    assert retry_delay(2) == 4 * retry_delay(1)
    assert retry_delay(3) == 4 * retry_delay(2)
    assert retry_delay(30) == timedelta(seconds=LONGEST_WAIT)


@pytest.mark.django_db
def test_a_task_waits_in_the_queue_until_a_worker_runs_it(queue, tmp_path):
    trace = tmp_path / "trace"
    result = probe_record.enqueue(str(trace), "first")
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.READY
    assert not trace.exists()
    drain()
    assert trace.read_text().split()[0] == "first"
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.SUCCESSFUL


@pytest.mark.django_db
def test_a_failed_task_is_tried_again_later_until_it_succeeds(queue, tmp_path):
    trace = tmp_path / "trace"
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        probe_flaky.enqueue(str(trace), failures=2)
        drain()
        retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
        assert retry.args_kwargs["kwargs"]["attempt"] == 2
        assert retry.run_after == start + retry_delay(1)
        drain()  # not due yet: nothing runs
        assert len(trace.read_text().splitlines()) == 1

        clock.shift(retry_delay(1))
        drain()
        retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
        assert retry.args_kwargs["kwargs"]["attempt"] == 3
        assert retry.run_after == start + retry_delay(1) + retry_delay(2)

        clock.shift(retry_delay(2))
        drain()
    statuses = Counter(DBTaskResult.objects.values_list("status", flat=True))
    assert statuses == {TaskResultStatus.FAILED: 2, TaskResultStatus.SUCCESSFUL: 1}
    assert len(trace.read_text().splitlines()) == 3


@pytest.mark.django_db
def test_a_task_that_keeps_failing_is_given_up_after_its_retries(queue, tmp_path):
    trace = tmp_path / "trace"
    with time_machine.travel(timezone.now(), tick=False) as clock:
        probe_flaky.enqueue(str(trace), failures=10)
        for attempt in (1, 2, 3):
            drain()
            clock.shift(retry_delay(attempt))
        drain()
    assert len(trace.read_text().splitlines()) == 3  # the first run and two retries
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()
    assert DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).count() == 3


@pytest.mark.django_db
def test_a_task_claimed_longer_ago_than_the_lease_goes_back_to_the_queue(queue, settings, tmp_path):
    settings.CALLBOARD_TASK_LEASE = 60
    held = probe_record.enqueue(str(tmp_path / "trace"), "held")
    fresh = probe_record.enqueue(str(tmp_path / "trace"), "fresh")
    now = timezone.now()
    DBTaskResult.objects.filter(pk=held.id).update(
        status=TaskResultStatus.RUNNING, started_at=now - timedelta(seconds=61)
    )
    DBTaskResult.objects.filter(pk=fresh.id).update(
        status=TaskResultStatus.RUNNING, started_at=now - timedelta(seconds=59)
    )
    assert tasks_requeue_stalled(now) == 1
    assert DBTaskResult.objects.get(pk=held.id).status == TaskResultStatus.READY
    assert DBTaskResult.objects.get(pk=fresh.id).status == TaskResultStatus.RUNNING


# --- Worker processes ---------------------------------------------------------------------------


@pytest.fixture
def database_url(tmp_path):
    """A database of the test's own: a PostgreSQL one on the PostgreSQL suite, else a SQLite file."""
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'queue.sqlite3'}"
        return
    import psycopg

    name = f"callboard_tasks_{uuid.uuid4().hex[:10]}"
    params = connection.get_connection_params()
    server = {key: params[key] for key in ("host", "port", "user") if params.get(key)}
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    user, host, port = server.get("user", "postgres"), server.get("host", "127.0.0.1"), server.get("port", 5432)
    url = f"postgres://{user}@{host}:{port}/{name}"
    try:
        yield url
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def worker_env(database_url: str, var: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": database_url,
        "CALLBOARD_VAR_DIR": str(var),
        "CALLBOARD_TASKS": "database",
        **extra,
    }


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def start_worker(env: dict[str, str], log: Path, *options: str) -> subprocess.Popen:
    with open(log, "a") as output:
        return subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "run_worker",
                "--no-reload",
                "--no-startup-delay",
                "--interval",
                "0.1",
                *options,
            ],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def statuses(env: dict[str, str]) -> list[str]:
    code = "from django_tasks_db.models import DBTaskResult as R; print(*R.objects.values_list('status', flat=True))"
    return manage(env, "shell", "--no-imports", "-c", code).split()


def wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


@pytest.mark.django_db
def test_several_workers_share_one_queue_and_run_each_task_once(database_url, tmp_path):
    env = worker_env(database_url, tmp_path)
    manage(env, "migrate", "--noinput", "-v0")
    trace = tmp_path / "trace"
    tokens = [f"t{number}" for number in range(24)]
    release = tmp_path / "release"
    # The first task holds the worker that takes it until every other task has run, so the
    # others can only have been run by the other workers.
    manage(
        env,
        "shell",
        "-c",
        "from tests.cms.task_probes import probe_wait, probe_record\n"
        f"probe_wait.enqueue({str(trace)!r}, {str(release)!r})\n"
        f"for token in {tokens!r}: probe_record.enqueue({str(trace)!r}, token)",
    )
    workers = [start_worker(env, tmp_path / f"worker{number}.log", "--batch") for number in range(3)]
    try:
        wait_for(lambda: trace.exists() and len(trace.read_text().splitlines()) == 1 + len(tokens))
        release.touch()
        for worker in workers:
            assert worker.wait(timeout=120) == 0
    finally:
        for worker in workers:
            worker.kill()
    lines = [line.split() for line in trace.read_text().splitlines()]
    ran = Counter(word for word, _ in lines if word.startswith("t"))
    assert ran == Counter(tokens)  # every task, each exactly once
    waiting = next(pid for word, pid in lines if word == "started")
    assert waiting not in {pid for word, pid in lines if word.startswith("t")}  # other workers ran them
    assert set(statuses(env)) == {TaskResultStatus.SUCCESSFUL}


@pytest.mark.django_db
def test_a_worker_killed_mid_task_loses_nothing(database_url, tmp_path):
    env = worker_env(database_url, tmp_path)
    manage(env, "migrate", "--noinput", "-v0")
    trace, release = tmp_path / "trace", tmp_path / "release"
    manage(
        env,
        "shell",
        "-c",
        f"from tests.cms.task_probes import probe_wait; probe_wait.enqueue({str(trace)!r}, {str(release)!r})",
    )
    doomed = start_worker(env, tmp_path / "doomed.log")
    try:
        wait_for(lambda: trace.exists() and "started" in trace.read_text())
    finally:
        doomed.send_signal(signal.SIGKILL)
        doomed.wait(timeout=10)
    assert statuses(env) == [TaskResultStatus.RUNNING]  # claimed by a worker that is gone

    time.sleep(1.2)  # past the next worker's lease
    release.touch()
    survivor = start_worker({**env, "CALLBOARD_TASK_LEASE": "1"}, tmp_path / "survivor.log", "--batch")
    assert survivor.wait(timeout=60) == 0, (tmp_path / "survivor.log").read_text()
    events = [line.split()[0] for line in trace.read_text().splitlines()]
    assert events == ["started", "started", "finished"]
    assert statuses(env) == [TaskResultStatus.SUCCESSFUL]
