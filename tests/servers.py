"""Real local servers for the tests that need another process: ports, gunicorn, a silent peer."""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def silent_port() -> Iterator[int]:
    """A loopback port that accepts connections (the kernel does) and never answers: a hung server."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        yield sock.getsockname()[1]


def production_env(var: Path, **overrides: str) -> dict[str, str]:
    """The environment of a production-like app process whose files live under ``var``."""
    return {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "test-process-" + "k" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "CALLBOARD_HTTPS": "0",
        "CALLBOARD_PAGE_CACHE": "1",
        "CALLBOARD_VAR_DIR": str(var),
        "STATIC_ROOT": str(var / "static"),
        **overrides,
    }


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@contextmanager
def gunicorn(env: dict[str, str], log: Path, *, workers: int = 1, options: tuple[str, ...] = ()) -> Iterator[str]:
    """gunicorn on a free port, answering before this yields its base URL; ``options`` are more
    of gunicorn's command-line options.

    Its log goes to a file, not a pipe nobody reads, which would fill and block the worker.
    """
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "cms.wsgi", "--workers", str(workers), "--bind", f"127.0.0.1:{port}"]
    with open(log, "w") as log_file:
        process = subprocess.Popen(
            [*command, *options],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log_file,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/robots.txt", timeout=1)
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(log.read_text())
                time.sleep(0.1)
        yield base
    finally:
        stop(process)


def fetch(opener, url: str, data: dict | None = None) -> tuple[int, str, dict]:
    """GET ``url`` (or POST ``data``) through ``opener``: status, body and headers, errors included."""
    body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
    try:
        with opener.open(url, data=body, timeout=10) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def publish_in_admin(base: str, pk: int, *, username: str, password: str) -> tuple[int, str]:
    """Sign in to the admin at ``base`` and publish article ``pk`` with the list's action, as an
    editor would: the status and page of the action's answer."""
    editor = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    _, login, _ = fetch(editor, base + "/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login).group(1)
    fetch(
        editor,
        base + "/admin/login/",
        {"csrfmiddlewaretoken": token, "username": username, "password": password, "next": "/admin/"},
    )
    _, changelist, _ = fetch(editor, base + "/admin/articles/article/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', changelist).group(1)
    status, page, _ = fetch(
        editor,
        base + "/admin/articles/article/",
        {"csrfmiddlewaretoken": token, "action": "publish_selected", "_selected_action": [pk]},
    )
    return status, page
