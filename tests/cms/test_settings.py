import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_KEY = "k" * 20 + "-production-only-test-key-" + "z" * 20


def start_django(*args: str, **env: str) -> subprocess.CompletedProcess:
    """Start a fresh Python process with the given environment and set Django up in it."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CALLBOARD_"))}
    clean.update(env, DJANGO_SETTINGS_MODULE="cms.settings", CALLBOARD_VAR_DIR=env.get("CALLBOARD_VAR_DIR", ""))
    command = args or ("-c", "import django; django.setup(); print('started')")
    return subprocess.run([sys.executable, *command], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60)


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = start_django(DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS="news.example.com", CALLBOARD_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts(tmp_path):
    result = start_django(DJANGO_DEBUG="0", DJANGO_SECRET_KEY=PRODUCTION_KEY, CALLBOARD_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS is not set" in result.stderr


def test_debug_is_off_unless_asked_for(tmp_path):
    result = start_django(CALLBOARD_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_unreadable_debug_flag_is_named_in_the_error(tmp_path):
    result = start_django(DJANGO_DEBUG="maybe", CALLBOARD_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be one of" in result.stderr


def test_production_settings_pass_the_deployment_checklist(tmp_path):
    result = start_django(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=PRODUCTION_KEY,
        DJANGO_ALLOWED_HOSTS="news.example.com",
        CALLBOARD_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_development_secret_key_is_random_and_kept_between_starts(tmp_path):
    show_key = ("-c", "import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)")
    first = start_django(*show_key, DJANGO_DEBUG="1", CALLBOARD_VAR_DIR=str(tmp_path))
    second = start_django(*show_key, DJANGO_DEBUG="1", CALLBOARD_VAR_DIR=str(tmp_path / "elsewhere"))
    again = start_django(*show_key, DJANGO_DEBUG="1", CALLBOARD_VAR_DIR=str(tmp_path))
    assert first.returncode == 0, first.stderr
    assert len(first.stdout.strip()) >= 50
    assert first.stdout == again.stdout
    assert first.stdout != second.stdout


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite-specific pragmas")
def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    # The test database lives in memory, where WAL does not apply; open the configured file.
    result = start_django(
        "-c",
        "import django; django.setup(); from django.db import connection; c = connection.cursor(); "
        "print(c.execute('PRAGMA journal_mode').fetchone()[0], c.execute('PRAGMA busy_timeout').fetchone()[0])",
        DJANGO_DEBUG="1",
        CALLBOARD_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["wal", "20000"]


def test_database_url_selects_postgresql(tmp_path):
    show_engine = (
        "-c",
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['NAME'])",
    )
    result = start_django(
        *show_engine,
        DJANGO_DEBUG="1",
        CALLBOARD_VAR_DIR=str(tmp_path),
        DATABASE_URL="postgres://someone@db.example.com:5432/newsroom",
    )
    assert result.stdout.split() == ["django.db.backends.postgresql", "newsroom"]


def test_cache_backend_follows_redis_url():
    if os.environ.get("REDIS_URL"):
        expected = "RedisCache"
    else:
        expected = {"database": "DatabaseCache", "memory": "LocMemCache"}[settings.CACHE_STORE]
    assert settings.CACHES["default"]["BACKEND"].endswith(expected)


SHOW_CACHE = ("-c", "import django; django.setup(); from django.conf import settings; print(settings.CACHES)")


@pytest.mark.parametrize(
    "mode",
    [
        {"DJANGO_DEBUG": "1"},
        {"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": PRODUCTION_KEY, "DJANGO_ALLOWED_HOSTS": "127.0.0.1"},
    ],
    ids=["make-run", "make-serve"],
)
def test_without_redis_every_process_shares_the_database_cache(tmp_path, mode):
    # gunicorn's workers, the development server and management commands all read one table, so
    # a change made in any of them, and a failed sign-in counted in any of them, is seen by all.
    result = start_django(*SHOW_CACHE, CALLBOARD_VAR_DIR=str(tmp_path), REDIS_URL="", **mode)
    assert result.returncode == 0, result.stderr
    assert "django.core.cache.backends.db.DatabaseCache" in result.stdout
    assert "'LOCATION': 'callboard_cache'" in result.stdout


def test_redis_url_selects_redis_whatever_callboard_cache_says(tmp_path):
    result = start_django(
        *SHOW_CACHE,
        DJANGO_DEBUG="1",
        CALLBOARD_VAR_DIR=str(tmp_path),
        REDIS_URL="redis://127.0.0.1:6379/0",
        CALLBOARD_CACHE="memory",
    )
    assert "cms.cache.RedisCache" in result.stdout


def test_a_cache_in_each_process_only_when_asked_for(tmp_path):
    result = start_django(
        *SHOW_CACHE, DJANGO_DEBUG="1", CALLBOARD_VAR_DIR=str(tmp_path), REDIS_URL="", CALLBOARD_CACHE="memory"
    )
    assert "django.core.cache.backends.locmem.LocMemCache" in result.stdout


def test_an_unknown_cache_store_is_named_in_the_error(tmp_path):
    result = start_django(DJANGO_DEBUG="1", CALLBOARD_VAR_DIR=str(tmp_path), CALLBOARD_CACHE="files")
    assert result.returncode != 0
    assert "CALLBOARD_CACHE must be database or memory; got 'files'" in result.stderr


def test_configured_cache_stores_and_returns_values():
    cache.set("callboard-test-key", {"answer": 42}, timeout=30)
    assert cache.get("callboard-test-key") == {"answer": 42}
    cache.delete("callboard-test-key")
    assert cache.get("callboard-test-key") is None


@pytest.mark.parametrize(
    ("database_url", "redis_url"),
    [("sqlite:///primary.sqlite3", "redis://127.0.0.1:6379/0"), ("postgres://postgres@127.0.0.1/callboard", "")],
    ids=["sqlite-primary", "no-redis"],
)
def test_read_replicas_need_postgresql_and_redis(tmp_path, database_url, redis_url):
    result = start_django(
        DJANGO_DEBUG="1",
        CALLBOARD_VAR_DIR=str(tmp_path),
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        DATABASE_REPLICA_URLS="postgres://postgres@127.0.0.1:5433/callboard",
    )
    assert result.returncode != 0
    assert "DATABASE_REPLICA_URLS needs a PostgreSQL DATABASE_URL and a REDIS_URL" in result.stderr


def test_each_read_replica_gets_an_alias_and_the_router(tmp_path):
    result = start_django(
        "-c",
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DATABASE_REPLICAS, settings.DATABASES['replica2']['PORT'], settings.DATABASE_ROUTERS)",
        DJANGO_DEBUG="1",
        CALLBOARD_VAR_DIR=str(tmp_path),
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/callboard",
        REDIS_URL="redis://127.0.0.1:6379/0",
        DATABASE_REPLICA_URLS="postgres://postgres@10.0.0.2:5432/callboard, postgres://postgres@10.0.0.3:5434/callboard",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["['replica1',", "'replica2']", "5434", "['cms.replicas.ReplicaRouter']"]


@pytest.mark.parametrize(
    "setting, value, message",
    [
        ("CALLBOARD_S3_CUSTOM_DOMAIN", "https://media.example.com", "CALLBOARD_S3_CUSTOM_DOMAIN is a host name"),
        ("CALLBOARD_S3_MEDIA_ACL", "public", "CALLBOARD_S3_MEDIA_ACL must be empty or one of"),
    ],
)
def test_object_storage_settings_are_checked_at_start(tmp_path, setting, value, message):
    result = start_django(
        DJANGO_DEBUG="1", CALLBOARD_VAR_DIR=str(tmp_path), CALLBOARD_S3_BUCKET="newsroom-media", **{setting: value}
    )
    assert result.returncode != 0
    assert message in result.stderr


SHOW_PREPARING = (
    "-c",
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.DATABASES['default']['OPTIONS'].get('prepare_threshold'))",
)


@pytest.mark.parametrize(("switch", "expected"), [({}, "5"), ({"DATABASE_PREPARED_STATEMENTS": "0"}, "None")])
def test_postgresql_prepares_the_compiled_queries_unless_turned_off(tmp_path, switch, expected):
    result = start_django(
        *SHOW_PREPARING,
        DJANGO_DEBUG="1",
        CALLBOARD_VAR_DIR=str(tmp_path),
        DATABASE_URL="postgres://someone@db.example.com:5432/newsroom",
        **switch,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [expected]


SHOW_SESSION = (
    "-c",
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.DATABASES['default']['OPTIONS'].get('options'))",
)


@pytest.mark.parametrize(("switch", "expected"), [({}, "0"), ({"DATABASE_PARALLEL_WORKERS": "2"}, "2")])
def test_postgresql_sessions_start_no_parallel_workers_unless_asked_for(tmp_path, switch, expected):
    result = start_django(
        *SHOW_SESSION,
        DJANGO_DEBUG="1",
        CALLBOARD_VAR_DIR=str(tmp_path),
        DATABASE_URL="postgres://someone@db.example.com:5432/newsroom",
        **switch,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"-c max_parallel_workers_per_gather={expected}"


@pytest.mark.parametrize("value", ["some", "-1", "1.5"])
def test_an_unreadable_parallel_worker_count_is_named_in_the_error(tmp_path, value):
    result = start_django(
        DJANGO_DEBUG="1",
        CALLBOARD_VAR_DIR=str(tmp_path),
        DATABASE_URL="postgres://someone@db.example.com:5432/newsroom",
        DATABASE_PARALLEL_WORKERS=value,
    )
    assert result.returncode != 0
    assert f"DATABASE_PARALLEL_WORKERS must be a whole number of at least 0; got '{value}'" in result.stderr


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL session setting")
@pytest.mark.django_db
def test_the_postgresql_session_plans_without_parallel_workers():
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone() == ("0",)
