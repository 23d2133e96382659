"""Tasks the task-queue tests enqueue: each leaves a trace in a file, so a test in another
process can see what ran, how often, and in which worker."""

import os
import time
from pathlib import Path

from cms.tasks import background


def _append(path: str, line: str) -> None:
    with open(path, "a") as trace:
        trace.write(f"{line} {os.getpid()}\n")


@background(retries=0)
def probe_record(path: str, token: str) -> str:
    _append(path, token)
    return token


@background(retries=2)
def probe_flaky(path: str, failures: int) -> int:
    """Fails its first ``failures`` runs, then succeeds; the file counts the runs."""
    _append(path, "run")
    runs = len(Path(path).read_text().splitlines())
    if runs <= failures:
        raise RuntimeError(f"failing on purpose, run {runs}")
    return runs


@background(retries=0)
def probe_wait(path: str, release: str) -> None:
    """Records its start, waits until the ``release`` file exists, then records its end."""
    _append(path, "started")
    while not Path(release).exists():
        time.sleep(0.05)
    _append(path, "finished")
