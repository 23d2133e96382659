import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from articles.models import Article
from search.backends import search_articles
from search.index import FTS_TABLE, POSTGRES_INDEX_NAME, SQLITE_TRIGGERS
from tests import factories

pytestmark = pytest.mark.django_db

on_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL index")
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5 index")


def found(term: str) -> list[str]:
    return [article.headline for article in search_articles([term])]


@on_postgres
def test_postgres_answers_searches_from_the_gin_index():
    Article.objects.bulk_create(
        Article(headline=f"Filler {n}", slug=f"filler-{n}", status="published", publish_at=timezone.now())
        for n in range(300)
    )
    factories.published_article(headline="Ballet at last")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
    assert POSTGRES_INDEX_NAME in search_articles(["ballet"]).explain()


@on_sqlite
def test_sqlite_index_follows_raw_updates_as_well_as_the_orm():
    article = factories.published_article(headline="Before the edit")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE articles_article SET headline = 'After the edit' WHERE id = %s", [article.pk])
    assert found("after") == ["After the edit"]
    assert found("before") == []


@on_sqlite
def test_migrate_restores_triggers_that_a_table_rebuild_dropped():
    with connection.cursor() as cursor:
        for name in SQLITE_TRIGGERS:
            cursor.execute(f"DROP TRIGGER {name}")
    factories.published_article(headline="Written while unindexed")
    assert found("unindexed") == []

    call_command("migrate", verbosity=0)

    assert found("unindexed") == ["Written while unindexed"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'articles_article' "
            "AND name LIKE %s",
            [f"{FTS_TABLE}%"],
        )
        assert cursor.fetchone() == (len(SQLITE_TRIGGERS),)
