"""Two real app processes sharing one PostgreSQL and one Redis, as in a scaled-out deployment."""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection

from articles import services
from tests import factories

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql" or not os.environ.get("REDIS_URL"),
        reason="needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL), as in production",
    ),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def app_processes(tmp_path):
    db = settings.DATABASES["default"]
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "two-process-test-" + "k" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "CALLBOARD_HTTPS": "0",
        "CALLBOARD_PAGE_CACHE": "1",
        "DATABASE_URL": url,
        "CALLBOARD_VAR_DIR": str(tmp_path),
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    # Production serves hashed static files, so the manifest must exist, as after a deploy.
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    servers = []
    for _ in range(2):
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "cms.wsgi", "--workers", "1", "--bind", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        servers.append((process, f"http://127.0.0.1:{port}"))
    for process, base in servers:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/robots.txt", timeout=1)
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(process.stderr.read().decode())
                time.sleep(0.1)
    yield [base for _, base in servers]
    for process, _ in servers:
        process.terminate()
        process.wait(timeout=10)


def fetch(opener, url: str, data: dict | None = None) -> tuple[int, str, dict]:
    body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
    try:
        with opener.open(url, data=body, timeout=10) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def test_publishing_through_one_process_shows_on_the_other_at_once(app_processes):
    first, second = app_processes
    factories.published_article(headline="Already live", body="Body.")
    draft = factories.publishable_article(headline="Fresh off the press")
    get_user_model().objects.create_superuser("chief", password="a-long-test-password-1")
    reader = urllib.request.build_opener()

    # The second process caches its front page without the draft.
    for _ in range(2):
        status, page, headers = fetch(reader, second + "/")
    assert status == 200 and "Fresh off the press" not in page and headers["X-Cache"] == "hit"

    # An editor publishes through the first process, signing in and using the admin action.
    editor = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    _, login, _ = fetch(editor, first + "/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login).group(1)
    fetch(
        editor,
        first + "/admin/login/",
        {"csrfmiddlewaretoken": token, "username": "chief", "password": "a-long-test-password-1", "next": "/admin/"},
    )
    _, changelist, _ = fetch(editor, first + "/admin/articles/article/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', changelist).group(1)
    status, _, _ = fetch(
        editor,
        first + "/admin/articles/article/",
        {"csrfmiddlewaretoken": token, "action": "publish_selected", "_selected_action": [draft.pk]},
    )
    assert status == 200

    # The second process serves the new front page on its very next request.
    status, page, headers = fetch(reader, second + "/")
    assert "Fresh off the press" in page
    assert headers["X-Cache"] == "miss"


def test_services_write_through_shared_redis(app_processes):
    _, second = app_processes
    article = factories.publishable_article(headline="Soon to be gone")
    services.article_publish(article=article)
    reader = urllib.request.build_opener()
    assert "Soon to be gone" in fetch(reader, second + "/")[1]
    services.article_unpublish(article=article)
    assert "Soon to be gone" not in fetch(reader, second + "/")[1]
