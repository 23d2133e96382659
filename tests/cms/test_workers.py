"""``make serve`` for real: three gunicorn workers, no Redis, one SQLite file, changes made elsewhere.

Each worker is its own process. Without REDIS_URL they share the database cache, so a publish or
an unpublish made in yet another process (a management command) reaches every worker's page
cache at once, and the login throttle counts attempts whichever worker answers them. The access
log names the worker (its process id) that answered each request, so the tests know they have
heard from all three.
"""

import gzip
import http.cookiejar
import re
import sqlite3
import subprocess
import sys
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest

from cms import throttle
from tests.servers import ROOT, fetch, gunicorn, production_env

WORKERS = 3
# Which worker answered, and to which of our requests (the X-Poll header, not part of the page
# cache's key).
ACCESS_LOG_FORMAT = "%(p)s %({x-poll}i)s %(s)s"


def serve_env(var: Path) -> dict[str, str]:
    """The Makefile's SERVE_ENV, with the database and every file under ``var``."""
    env = production_env(
        var,
        DATABASE_URL=f"sqlite:///{var / 'callboard.sqlite3'}",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        CALLBOARD_SERVE_MEDIA="1",
        MEDIA_ROOT=str(var / "media"),
    )
    # The cache a start without Redis chooses by itself is what is under test.
    for name in ("REDIS_URL", "CALLBOARD_CACHE", "DATABASE_REPLICA_URLS"):
        env.pop(name, None)
    return env


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@contextmanager
def gunicorn_workers(env: dict[str, str], var: Path):
    """``make serve``'s gunicorn command, with three workers, on a free port; yields the base URL
    and the access log."""
    access_log = var / "access.log"
    options = ("--max-requests", "2000", "--max-requests-jitter", "200")
    options += ("--access-logfile", str(access_log), "--access-logformat", ACCESS_LOG_FORMAT)
    with gunicorn(env, var / "gunicorn.log", workers=WORKERS, options=options) as base:
        yield base, access_log


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    var = tmp_path_factory.mktemp("serve")
    env = serve_env(var)
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "load_demo")
    with sqlite3.connect(var / "callboard.sqlite3") as database:
        assert database.execute("SELECT name FROM sqlite_master WHERE name = 'callboard_cache'").fetchone()
    find_article = (
        "from articles.models import Article; article = Article.objects.published().order_by('pk').first(); "
        "print(article.slug, article.get_absolute_url())"
    )
    slug, path = manage(env, "shell", "-c", find_article).splitlines()[-1].split()
    with gunicorn_workers(env, var) as (base, access_log):
        yield base, access_log, env, slug, path


def change_in_another_process(env: dict[str, str], slug: str, service: str) -> None:
    manage(
        env,
        "shell",
        "-c",
        f"from articles.models import Article; from articles.services import {service}; "
        f"{service}(article=Article.objects.get(slug={slug!r}), user=None)",
    )


def workers_in_log(access_log: Path, marker: str) -> dict[str, set[str]]:
    """The status codes each worker answered to requests marked ``marker``."""
    answered: dict[str, set[str]] = {}
    for line in access_log.read_text().splitlines():
        pid, poll, status = line.split()
        if poll.startswith(marker + "-"):
            answered.setdefault(pid, set()).add(status)
    return answered


def poll(base: str, path: str, access_log: Path, *, at_least: int = 30, within: float = 30) -> dict:
    """GET ``path`` ``at_least`` times, and on until every worker has answered (for at most
    ``within`` seconds: on a busy machine one worker can go a while without a turn): statuses
    seen, the cache's verdicts, the answering workers and how long it took."""
    marker = uuid.uuid4().hex
    reader = urllib.request.build_opener()
    statuses, verdicts = [], []
    started = time.monotonic()
    number = 0
    while number < at_least or time.monotonic() - started < within:
        request = urllib.request.Request(base + path, headers={"X-Poll": f"{marker}-{number}"})
        status, _, headers = fetch(reader, request)
        statuses.append(status)
        verdicts.append(headers.get("X-Cache"))
        number += 1
        if number >= at_least and len(workers_in_log(access_log, marker)) == WORKERS:
            break
    return {
        "statuses": set(statuses),
        "verdicts": verdicts,
        "workers": workers_in_log(access_log, marker),
        "seconds": time.monotonic() - started,
    }


def test_an_unpublish_and_a_publish_from_another_process_reach_every_worker_at_once(site):
    base, access_log, env, slug, path = site
    before = poll(base, path, access_log)
    assert before["statuses"] == {200} and "hit" in before["verdicts"]
    assert len(before["workers"]) == WORKERS  # every worker has served the page from the cache

    # Every answer after the change, from every worker, reflects it: none was served stale.
    change_in_another_process(env, slug, "article_unpublish")
    try:
        gone = poll(base, path, access_log)
        assert gone["statuses"] == {404}, "a worker served the unpublished article"
        assert len(gone["workers"]) == WORKERS
    finally:
        change_in_another_process(env, slug, "article_publish")  # the module's other tests read the article
    back = poll(base, path, access_log)
    assert back["statuses"] == {200}, "a worker still answered 404 after the publish"
    assert len(back["workers"]) == WORKERS


def sign_in_attempt(base: str, username: str) -> int:
    """A wrong password for ``username`` through the admin's login form, as a browser sends it."""
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    _, login, _ = fetch(browser, base + "/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login).group(1)
    status, _, _ = fetch(
        browser,
        base + "/admin/login/?next=/admin/",
        {"csrfmiddlewaretoken": token, "username": username, "password": "not-the-password"},
    )
    return status


def test_failed_sign_ins_are_counted_across_workers(site):
    base, *_ = site
    failures = [sign_in_attempt(base, "editor") for _ in range(throttle.MAX_FAILURES)]
    assert failures == [200] * throttle.MAX_FAILURES
    # Three workers, each of which would have allowed five had it counted alone.
    assert [sign_in_attempt(base, "editor") for _ in range(2 * WORKERS)] == [429] * (2 * WORKERS)
    assert sign_in_attempt(base, "ｅｄｉｔｏｒ") == 429


def test_parallel_sign_ins_cannot_all_pass_before_one_is_counted(site):
    base, *_ = site
    with ThreadPoolExecutor(max_workers=12) as pool:
        statuses = list(pool.map(lambda _: sign_in_attempt(base, "guesser"), range(12)))
    assert statuses.count(200) == throttle.MAX_FAILURES
    assert statuses.count(429) == 12 - throttle.MAX_FAILURES


def test_static_files_come_brotli_or_gzip_compressed_and_pages_gzipped(site):
    base, _, _, _, path = site
    page = urllib.request.urlopen(urllib.request.Request(base + path, headers={"Accept-Encoding": "gzip"}), timeout=10)
    assert page.headers["Content-Encoding"] == "gzip"
    html = gzip.decompress(page.read()).decode()
    stylesheet = re.search(r'href="(/static/[^"]+\.css)"', html).group(1)
    for accepted, encoding in (("br, gzip", "br"), ("gzip", "gzip")):
        request = urllib.request.Request(base + stylesheet, headers={"Accept-Encoding": accepted})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers["Content-Encoding"] == encoding
            assert "immutable" in response.headers["Cache-Control"]  # hashed names
