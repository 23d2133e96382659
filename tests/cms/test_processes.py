"""Two real app processes sharing one PostgreSQL and one Redis, as in a scaled-out deployment."""

import os
import subprocess
import sys
import urllib.request
from contextlib import ExitStack

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher, make_password
from django.db import connection

from articles import services
from tests import factories
from tests.servers import ROOT, fetch, gunicorn, production_env, publish_in_admin

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql" or not os.environ.get("REDIS_URL"),
        reason="needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL), as in production",
    ),
]


@pytest.fixture
def app_processes(tmp_path):
    db = settings.DATABASES["default"]
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = production_env(tmp_path, DATABASE_URL=url)
    # Production serves hashed static files, so the manifest must exist, as after a deploy.
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    with ExitStack() as servers:
        yield [servers.enter_context(gunicorn(env, tmp_path / f"gunicorn-{n}.log")) for n in range(2)]


def test_publishing_through_one_process_shows_on_the_other_at_once(app_processes):
    first, second = app_processes
    factories.published_article(headline="Already live", body="Body.")
    draft = factories.publishable_article(headline="Fresh off the press")
    chief = get_user_model().objects.create_superuser("chief")
    # Hashed as the app processes, running with production settings, will check it.
    chief.password = make_password("a-long-test-password-1", hasher=PBKDF2PasswordHasher())
    chief.save(update_fields=["password"])
    reader = urllib.request.build_opener()

    # The second process caches its front page without the draft.
    for _ in range(2):
        status, page, headers = fetch(reader, second + "/")
    assert status == 200 and "Fresh off the press" not in page and headers["X-Cache"] == "hit"

    # An editor publishes through the first process, signing in and using the admin action.
    status, _ = publish_in_admin(first, draft.pk, username="chief", password="a-long-test-password-1")
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
