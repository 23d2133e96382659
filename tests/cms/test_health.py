"""``/healthz`` for load balancers: up while the primary database answers, whatever else is down."""

import json

import pytest
from django.test import Client

from tests.cms.test_settings import start_django
from tests.servers import free_port, silent_port

pytestmark = pytest.mark.django_db

PROBE = """
import json, time, django
django.setup()
from django.test import Client
started = time.monotonic()
response = Client().get("/healthz")
print(response.status_code, round(time.monotonic() - started, 2), json.dumps(json.loads(response.content)))
"""


def probe_in_fresh_process(tmp_path, **env) -> tuple[int, float, dict]:
    """The health check's status, how many seconds it took, and its report."""
    result = start_django(
        "-c", PROBE, DJANGO_DEBUG="1", CALLBOARD_VAR_DIR=str(tmp_path), CALLBOARD_CACHE="memory", **env
    )
    assert result.returncode == 0, result.stderr
    status, seconds, report = result.stdout.strip().splitlines()[-1].split(" ", 2)
    return int(status), float(seconds), json.loads(report)


def test_healthy_site_answers_ok_and_is_never_cached(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_a_probe_runs_one_query(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert client.get("/healthz").status_code == 200


def test_a_balancer_probing_by_ip_address_gets_an_answer(client):
    assert client.get("/", HTTP_HOST="10.0.0.7").status_code == 400  # not an allowed host
    assert client.get("/healthz", HTTP_HOST="10.0.0.7").status_code == 200


def test_plain_http_probe_is_not_redirected_to_https(settings):
    settings.SECURE_SSL_REDIRECT = True
    client = Client()
    assert client.get("/").status_code == 301
    assert client.get("/healthz").status_code == 200


def test_only_reads_are_answered(client):
    response = client.post("/healthz")
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD"


def test_unreachable_database_answers_503(tmp_path):
    status, _, report = probe_in_fresh_process(
        tmp_path, DATABASE_URL=f"postgres://postgres@127.0.0.1:{free_port()}/callboard", REDIS_URL=""
    )
    assert status == 503
    assert report == {"status": "unavailable", "database": "unreachable", "cache": "ok"}


def test_a_database_that_accepts_connections_but_never_answers_gives_503_within_seconds(tmp_path):
    with silent_port() as port:
        status, seconds, report = probe_in_fresh_process(
            tmp_path, DATABASE_URL=f"postgres://postgres@127.0.0.1:{port}/callboard", REDIS_URL=""
        )
    assert status == 503 and report["database"] == "unreachable"
    assert seconds < 6  # a three-second connect timeout, where psycopg alone would wait 130


def test_a_cache_that_accepts_connections_but_never_answers_is_given_up_on(tmp_path):
    with silent_port() as port:
        status, seconds, report = probe_in_fresh_process(
            tmp_path, DATABASE_URL=f"sqlite:///{tmp_path / 'health.sqlite3'}", REDIS_URL=f"redis://127.0.0.1:{port}/0"
        )
    assert status == 200 and report["cache"] == "unreachable"
    assert seconds < 3  # one second's timeout, where redis-py alone would wait five


def test_unreachable_cache_is_reported_but_the_site_stays_up(tmp_path):
    status, _, report = probe_in_fresh_process(
        tmp_path,
        DATABASE_URL=f"sqlite:///{tmp_path / 'health.sqlite3'}",
        REDIS_URL=f"redis://127.0.0.1:{free_port()}/0",
    )
    assert status == 200
    assert report == {"status": "ok", "database": "ok", "cache": "unreachable"}
