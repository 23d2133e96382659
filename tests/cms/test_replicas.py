"""Read replicas for real: a PostgreSQL primary and a streaming standby, built for the test.

The two servers are new clusters in a temporary directory (``initdb``, then ``pg_basebackup``),
so the test needs PostgreSQL's server programs and nothing from the machine's own server. The
app runs under gunicorn with ``DATABASE_REPLICA_URLS`` pointing at the standby, and Redis as in
production.
"""

import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.servers import ROOT, fetch, free_port, gunicorn, production_env, publish_in_admin, silent_port

SERVER_BINARIES = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
POSTGRES_USER_EXISTS = shutil.which("runuser") is not None and os.path.isdir("/var/lib/postgresql")

pytestmark = [
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs Redis (REDIS_URL), as in production"),
    pytest.mark.skipif(not SERVER_BINARIES, reason="needs PostgreSQL's server programs (initdb, pg_basebackup)"),
    pytest.mark.skipif(
        os.geteuid() == 0 and not POSTGRES_USER_EXISTS,
        reason="initdb refuses to run as root and there is no postgres user to run it as",
    ),
]

PASSWORD = "a-long-test-password-1"


class Cluster:
    """One PostgreSQL server in a directory of its own, stopped when the test ends."""

    def __init__(self, directory: Path, port: int):
        self.directory, self.port = directory, port

    def url(self, database: str = "callboard") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def sql(self, statement: str, database: str = "callboard") -> str:
        result = run_as_postgres(
            ["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", database, "-Atc", statement]
        )
        return result.stdout.strip()

    def start(self) -> None:
        run_as_postgres(["pg_ctl", "-D", str(self.directory), "-l", str(self.directory / "log"), "-w", "start"])

    def stop(self) -> None:
        run_as_postgres(["pg_ctl", "-D", str(self.directory), "-m", "immediate", "-w", "stop"], check=False)


def run_as_postgres(args: list[str], check: bool = True) -> subprocess.CompletedProcess:
    program = str(Path(SERVER_BINARIES[-1]) / args[0])
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    result = subprocess.run([*prefix, program, *args[1:]], capture_output=True, text=True, timeout=120)
    if check and result.returncode != 0:
        pytest.fail(f"{' '.join(args[:2])} failed:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="module")
def clusters():
    base = Path(tempfile.mkdtemp(prefix="callboard-replica-"))
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    primary = Cluster(base / "primary", free_port())
    standby = Cluster(base / "standby", free_port())
    try:
        run_as_postgres(["initdb", "-D", str(primary.directory), "-A", "trust", "-U", "postgres", "--no-sync"])
        with open(primary.directory / "postgresql.conf", "a") as conf:
            conf.write(
                f"port = {primary.port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{base}'\n"
                "wal_level = replica\nmax_wal_senders = 4\nfsync = off\n"
            )
        primary.start()
        # -R writes the standby's connection to the primary; the standby then streams from it.
        run_as_postgres(
            [
                *("pg_basebackup", "-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres"),
                *("-D", str(standby.directory), "-R", "-X", "stream", "--no-sync"),
            ]
        )
        with open(standby.directory / "postgresql.conf", "a") as conf:
            conf.write(f"port = {standby.port}\nhot_standby = on\n")
        standby.start()
        primary.sql("CREATE DATABASE callboard", database="postgres")
        yield primary, standby
    finally:
        standby.stop()
        primary.stop()
        shutil.rmtree(base, ignore_errors=True)


def wait_for_replay(primary: Cluster, standby: Cluster) -> None:
    target = primary.sql("SELECT pg_current_wal_lsn()", database="postgres")
    for _ in range(200):
        if standby.sql(f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn", database="postgres") == "t":
            return
        time.sleep(0.05)
    pytest.fail("The standby did not catch up within 10 seconds.")


@pytest.fixture(scope="module")
def site(clusters, tmp_path_factory):
    """gunicorn reading from the standby; ``manage(code)`` runs Python against the primary."""
    primary, standby = clusters
    var = tmp_path_factory.mktemp("replica-site")
    env = production_env(
        var,
        CACHE_KEY_PREFIX=f"replica-test-{uuid.uuid4().hex}",
        DATABASE_URL=primary.url(),
        DATABASE_REPLICA_URLS=standby.url(),
        MEDIA_ROOT=str(var / "media"),
    )

    def manage(*args: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
        )
        if result.returncode != 0:
            pytest.fail(f"manage.py {args[0]} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    manage("migrate", "--noinput", "-v0")
    manage("collectstatic", "--noinput", "-v0")
    manage(
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model; "
        f"get_user_model().objects.create_superuser('chief', password='{PASSWORD}')",
    )
    with gunicorn(env, var / "gunicorn.log") as base:
        yield SimpleNamespace(base=base, manage=manage, env=env)


def draft(manage, headline: str) -> tuple[int, str]:
    """A draft ready to publish, made on the primary; its id and public path."""
    slug = re.sub(r"[^a-z]+", "-", headline.lower())
    output = manage(
        "shell",
        "-c",
        "from tests import factories; "
        f"a = factories.article(headline={headline!r}, slug={slug!r}, body='A body worth publishing.'); "
        f"factories.byline(a, factories.person(slug={slug + '-writer'!r})); "
        "print(a.pk, a.get_absolute_url())",
    )
    pk, path = output.split()[-2:]
    return int(pk), path


def publish(base: str, pk: int) -> None:
    status, page = publish_in_admin(base, pk, username="chief", password=PASSWORD)
    assert status == 200 and "published" in page.lower()


def last_reader_query(standby: Cluster) -> str:
    """The last statement the app ran on the standby (its connection is kept open)."""
    return standby.sql(
        "SELECT coalesce(max(query), '') FROM pg_stat_activity "
        "WHERE datname = 'callboard' AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
    )


def test_readers_pages_are_read_from_the_standby(clusters, site):
    primary, standby = clusters
    base, manage = site.base, site.manage
    pk, path = draft(manage, "Standing by")
    publish(base, pk)
    wait_for_replay(primary, standby)

    status, page, _ = fetch(urllib.request.build_opener(), base + path)

    assert status == 200 and "Standing by" in page
    # The article's page ends with its related articles: the standby ran that read.
    assert "articles_article" in last_reader_query(standby)


def test_a_page_is_read_from_the_primary_while_the_standby_lags(clusters, site):
    primary, standby = clusters
    base, manage = site.base, site.manage
    pk, path = draft(manage, "Published while the standby sleeps")
    wait_for_replay(primary, standby)
    standby.sql("SELECT pg_wal_replay_pause()")
    try:
        publish(base, pk)
        reader = urllib.request.build_opener()

        article_status, article_page, _ = fetch(reader, base + path)
        _, home, _ = fetch(reader, base + "/")

        # The standby has not seen the publish, yet readers get the article and the new front page.
        published_on_standby = standby.sql(f"SELECT status FROM articles_article WHERE id = {pk}")
        assert published_on_standby == "draft"
        assert article_status == 200 and "Published while the standby sleeps" in article_page
        assert "Published while the standby sleeps" in home
        health = json.loads(fetch(reader, base + "/healthz")[1])
        assert health["status"] == "ok" and health["replicas"] == {"replica1": "behind"}
    finally:
        standby.sql("SELECT pg_wal_replay_resume()")


def test_reads_go_back_to_the_standby_once_it_has_caught_up(clusters, site):
    primary, standby = clusters
    base, manage = site.base, site.manage
    pk, path = draft(manage, "Caught up at last")
    standby.sql("SELECT pg_wal_replay_pause()")
    try:
        publish(base, pk)
        fetch(urllib.request.build_opener(), base + path + "?while=paused")
        lagging = last_reader_query(standby)
    finally:
        standby.sql("SELECT pg_wal_replay_resume()")
    wait_for_replay(primary, standby)

    status, page, _ = fetch(urllib.request.build_opener(), base + path + "?after=caught-up")

    assert status == 200 and "Caught up at last" in page
    assert "pg_last_wal_replay_lsn" in lagging  # only the position check ran there
    assert "articles_article" in last_reader_query(standby)
    assert json.loads(fetch(urllib.request.build_opener(), base + "/healthz")[1])["replicas"] == {"replica1": "ok"}


TIMED_READS = """
import time, django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="127.0.0.1")
for _ in range(2):
    started = time.monotonic()
    status = client.get({path!r}).status_code
    print(status, round(time.monotonic() - started, 2))
"""


def test_a_standby_that_never_answers_costs_one_connect_timeout_then_is_left_alone(site):
    pk, path = draft(site.manage, "Nobody answers")
    site.manage(
        "shell",
        "-c",
        f"from articles import services; from articles.models import Article; "
        f"services.article_publish(article=Article.objects.get(pk={pk}))",
    )
    with silent_port() as port:
        env = {**site.env, "DATABASE_REPLICA_URLS": f"postgres://postgres@127.0.0.1:{port}/callboard"}
        result = subprocess.run(
            [sys.executable, "-c", TIMED_READS.format(path=path)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 0, result.stderr
    (first_status, first), (second_status, second) = [line.split() for line in result.stdout.split("\n")[-3:-1]]
    assert first_status == second_status == "200"
    assert 1.5 < float(first) < 5  # tried the standby, gave up after its two-second connect timeout
    assert float(second) < 1  # then left it alone


def test_readers_are_served_from_the_primary_when_the_standby_is_down(clusters, site):
    _, standby = clusters
    base, manage = site.base, site.manage
    pk, path = draft(manage, "Standby down")
    publish(base, pk)
    standby.stop()
    try:
        status, page, _ = fetch(urllib.request.build_opener(), base + path)
        health_status, health, _ = fetch(urllib.request.build_opener(), base + "/healthz")
    finally:
        standby.start()

    assert status == 200 and "Standby down" in page
    assert health_status == 200 and json.loads(health)["replicas"] == {"replica1": "unreachable"}
