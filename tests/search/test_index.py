from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from articles.services import article_publish, article_render, article_unpublish
from reader.detail import cards
from search import backends
from search.backends import MAX_RESULTS, ResultCount, count_results, search_articles
from search.index import (
    COLUMN,
    COLUMN_INDEX,
    ENTRY_TABLE,
    ENTRY_VECTOR_INDEX,
    FTS_TABLE,
    POSTGRES_INDEX_NAME,
    SQLITE_TRIGGERS,
    article_vector,
)
from search.models import ArticleSearchEntry
from tests import factories

pytestmark = pytest.mark.django_db

on_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL index")
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5 index")


def found(term: str) -> list[str]:
    return [article.headline for article in search_articles([term], read=cards)]


def fillers(count: int, **fields) -> None:
    now = timezone.now()
    Article.objects.bulk_create(
        Article(headline=f"Filler {n}", slug=f"filler-{n}", status="published", publish_at=now, **fields)
        for n in range(count)
    )


def test_the_index_follows_raw_updates_as_well_as_the_orm():
    article = factories.published_article(headline="Original headline")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE articles_article SET headline = 'Corrected headline' WHERE id = %s", [article.pk])
    assert found("corrected") == ["Corrected headline"]
    assert found("original") == []


def test_the_index_follows_a_rewritten_body():
    article = factories.published_article(headline="Rehearsal notes", body="The pas de deux in rehearsal.")
    article_render(article=article)
    article.body = "The arabesque in rehearsal."
    article.save()
    article_render(article=article)
    assert found("arabesque") == ["Rehearsal notes"]
    assert found("deux") == []


def test_the_index_follows_a_queryset_update_of_the_dek():
    factories.published_article(headline="Opening night", dek="A tutu of note.")
    Article.objects.update(dek="A leotard of note.")
    assert found("leotard") == ["Opening night"]
    assert found("tutu") == []


def plans(queries) -> list[str]:
    """The plans of the captured SELECTs, as PostgreSQL would run them now."""
    with connection.cursor() as cursor:
        explained = []
        for query in queries:
            if query["sql"].startswith("SELECT"):
                cursor.execute(f"EXPLAIN {query['sql']}")
                explained.append("\n".join(row[0] for row in cursor.fetchall()))
        return explained


def entry_rows_read() -> int:
    """Rows of the search entries read so far in this transaction, by any scan."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) "
            "FROM pg_stat_xact_user_tables WHERE relname = %s",
            [ENTRY_TABLE],
        )
        return cursor.fetchone()[0]


def analyze() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE articles_article, {ENTRY_TABLE}")


@on_postgres
def test_postgres_answers_searches_from_the_gin_index():
    fillers(3000)
    factories.published_article(headline="Ballet at last")
    analyze()
    with CaptureQueriesContext(connection) as queries:
        assert found("ballet") == ["Ballet at last"]
    assert any(ENTRY_VECTOR_INDEX in plan for plan in plans(queries))


def published_apart(word: str, count: int, *, step: timedelta, since: timedelta = timedelta(0)) -> None:
    """``count`` articles headlined "<word> <n>", the n-th published ``since`` + n ``step`` ago."""
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            headline=f"{word} {n}",
            slug=f"{word.lower()}-{n}",
            status="published",
            publish_at=now - since - n * step,
        )
        for n in range(count)
    )


def found_reading(term: str) -> tuple[list[str], int]:
    """The headlines found for ``term``, and how many search entries the search read."""
    before = entry_rows_read()
    headlines = found(term)
    return headlines, entry_rows_read() - before


@on_postgres
def test_postgres_reads_a_word_of_older_articles_from_the_index_not_by_walking_newer_ones(monkeypatch):
    # Few results kept, so the planner would happily walk the date index to find them.
    monkeypatch.setattr(backends, "MAX_RESULTS", 10)
    fillers(3000, safe_text="Nothing of note.")
    published_apart("Zeppelin", 100, step=timedelta(hours=1), since=timedelta(days=365))
    analyze()

    headlines, rows_read = found_reading("zeppelin")

    assert headlines == [f"Zeppelin {n}" for n in range(10)]  # the newest of them, equal in rank
    # The walk would read the 3,000 newer articles first; the index read reads the 100 matches.
    assert rows_read < 1000


@on_postgres
@pytest.mark.parametrize(
    "few_matches, by_search_index",
    [
        pytest.param(100, True, id="more-matches-expected-than-few"),
        # Fewer than FEW_MATCHES, but the planner would read the table for them (every article
        # of a small archive): the walk stops after the newest few instead.
        pytest.param(backends.FEW_MATCHES, False, id="the-planner-would-scan-the-table-for-them"),
    ],
)
def test_postgres_walks_the_date_index_for_a_word_found_everywhere(monkeypatch, few_matches, by_search_index):
    monkeypatch.setattr(backends, "MAX_RESULTS", 10)
    monkeypatch.setattr(backends, "FEW_MATCHES", few_matches)
    published_apart("Encore", 400, step=timedelta(hours=1))
    analyze()
    planned = backends.planned_read
    # Whether the planner picks the table or the index for 400 rows depends on how many dead
    # rows the table holds, so the plan is taken as read here and tested on its own below.
    monkeypatch.setattr(backends, "planned_read", lambda matches: (planned(matches)[0], by_search_index))

    headlines, rows_read = found_reading("encore")

    assert headlines == [f"Encore {n}" for n in range(10)]
    # Reading every match, or up to 101 of them, from the index would read 101 rows at least.
    assert rows_read < 100


@on_postgres
@pytest.mark.parametrize("few_matches", [0, backends.FEW_MATCHES], ids=["walk", "index read"])
def test_postgres_ranks_the_newest_matches_and_lists_the_older_ones_after_them_newest_first(monkeypatch, few_matches):
    monkeypatch.setattr(backends, "RANKED_MATCHES", 3)
    monkeypatch.setattr(backends, "FEW_MATCHES", few_matches)
    now = timezone.now()
    written = [  # newest first; the word in the headline ranks above the word in the body
        ("Tuesday notes", "An encore."),
        ("Encore at the Lyric", "An encore, and another encore."),
        ("Wednesday notes", "An encore."),
        ("Thursday notes", "An encore."),
        ("Encore at the Palace", "An encore, and another encore."),
        ("Friday notes", "An encore."),
    ]
    Article.objects.bulk_create(
        Article(
            headline=headline, slug=f"a-{n}", status="published", publish_at=now - timedelta(hours=n), safe_text=body
        )
        for n, (headline, body) in enumerate(written)
    )
    analyze()

    assert found("encore") == [
        "Encore at the Lyric",  # the best of the newest three
        "Tuesday notes",
        "Wednesday notes",
        "Thursday notes",  # then the rest, newest first: the better match is older
        "Encore at the Palace",
        "Friday notes",
    ]


@on_postgres
@pytest.mark.parametrize("allowed, through_index", [("enable_seqscan", False), ("enable_bitmapscan", True)])
def test_postgres_plan_says_whether_matches_are_read_through_the_search_index(allowed, through_index):
    published_apart("Encore", 50, step=timedelta(hours=1))
    analyze()
    matches = backends.published_matches(None).statement(now=timezone.now(), text="encore")
    with connection.cursor() as cursor:
        for setting in ("enable_seqscan", "enable_bitmapscan", "enable_indexscan"):
            cursor.execute(f"SET LOCAL {setting} = {'on' if setting == allowed else 'off'}")

    expected, by_search_index = backends.planned_read(matches)

    assert by_search_index is through_index
    assert expected > 0


@on_postgres
def test_postgres_orders_matches_of_the_same_moment_alike_whichever_way_they_are_read(monkeypatch):
    monkeypatch.setattr(backends, "MAX_RESULTS", 10)
    published_apart("Encore", 30, step=timedelta(0))
    analyze()
    from_the_index = found("encore")
    monkeypatch.setattr(backends, "FEW_MATCHES", 0)

    assert found("encore") == from_the_index
    newest = Article.objects.order_by("-pk").values_list("headline", flat=True)[:10]
    assert sorted(from_the_index) == sorted(newest)


@on_postgres
@pytest.mark.parametrize("few_matches", [0, backends.FEW_MATCHES], ids=["walk", "index read"])
def test_postgres_plans_each_search_for_its_words(monkeypatch, few_matches):
    # A statement prepared on the server may be run with a generic plan, one for any words: for
    # a common word on a large archive that plan would read every match.
    monkeypatch.setattr(backends, "FEW_MATCHES", few_matches)
    monkeypatch.setattr(backends, "planned_read", lambda matches: (0, True))
    published_apart("Encore", 3, step=timedelta(hours=1))
    for _ in range(7):
        assert found("encore") == ["Encore 0", "Encore 1", "Encore 2"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [statement for (statement,) in cursor.fetchall()]
    assert not [statement for statement in prepared if "@@" in statement]


@on_postgres
def test_postgres_walks_after_all_when_the_planner_underestimated(monkeypatch):
    monkeypatch.setattr(backends, "FEW_MATCHES", 100)
    monkeypatch.setattr(backends, "planned_read", lambda matches: (0, True))
    published_apart("Encore", 300, step=timedelta(hours=1))

    assert found("encore") == [f"Encore {n}" for n in range(300)]


@on_postgres
def test_postgres_matches_on_the_stored_column_can_be_counted():
    fillers(3, safe_text="Choreography everywhere.")
    factories.published_article(headline="Nothing to see")
    matches = ArticleSearchEntry.objects.filter(search_vector=backends.text_query("choreography"))
    assert matches.count() == 3


@on_postgres
def test_postgres_stores_the_weighted_vector_of_headline_dek_and_spoiler_free_text():
    article = factories.published_article(headline="Swan Lake", dek="Tchaikovsky, again.", body="Safe words.")
    article_render(article=article)
    stored = ArticleSearchEntry.objects.values_list("search_vector", flat=True).get(article=article)
    expected = Article.objects.annotate(expected=article_vector()).values_list("expected", flat=True).get(pk=article.pk)
    assert stored == expected
    assert "'swan':1A" in stored and "'tchaikovski':3B" in stored and "'safe':4C" in stored


@on_postgres
def test_postgres_ranks_and_counts_without_parsing_article_text():
    fillers(20, safe_text="Choreography everywhere.")
    with CaptureQueriesContext(connection) as queries:
        results = search_articles(["choreography"], read=cards)
        assert count_results(results) == ResultCount(number=20)
        assert len(results[:12]) == 12
    assert not [query["sql"] for query in queries if "to_tsvector" in query["sql"]]


@on_postgres
def test_postgres_ranks_only_the_newest_matches_past_the_cap():
    old = factories.published_article(headline="Choreography, a history", ago=timedelta(days=30))
    fillers(MAX_RESULTS + 1, safe_text="Some choreography.")
    assert old not in search_articles(["choreography"], read=cards)
    Article.objects.exclude(pk=old.pk).update(publish_at=F("publish_at") - timedelta(days=60))
    assert search_articles(["choreography"], read=cards)[0] == old


@on_postgres
def test_postgres_trigger_lets_a_migration_change_the_type_of_an_indexed_field():
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE articles_article ALTER COLUMN headline TYPE varchar(400)")
    factories.published_article(headline="Longer headlines allowed")
    assert found("longer") == ["Longer headlines allowed"]


def migrate_search(target: str | None = None) -> None:
    # Deferred foreign-key checks from the rows just written would stop CREATE INDEX in this
    # transaction; a migration run by ``migrate`` has a transaction of its own.
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("migrate", "search", *([target] if target else []), verbosity=0)


def article_columns_and_indexes() -> tuple[list[str], dict]:
    with connection.cursor() as cursor:
        columns = [column.name for column in connection.introspection.get_table_description(cursor, "articles_article")]
        return columns, connection.introspection.get_constraints(cursor, "articles_article")


def tables() -> list[str]:
    with connection.cursor() as cursor:
        return connection.introspection.table_names(cursor)


@on_postgres
def test_postgres_stored_vector_migrations_reverse_and_backfill_on_reapplying():
    factories.published_article(headline="Written before the column")
    migrate_search("0002")
    columns, indexes = article_columns_and_indexes()
    assert (COLUMN in columns, COLUMN_INDEX in indexes, ENTRY_TABLE in tables()) == (True, True, False)
    factories.published_article(headline="Written with the column")

    migrate_search("0001")
    columns, indexes = article_columns_and_indexes()
    assert (COLUMN in columns, POSTGRES_INDEX_NAME in indexes) == (False, True)
    factories.published_article(headline="Written without the column")

    migrate_search()

    columns, indexes = article_columns_and_indexes()
    assert (COLUMN in columns, COLUMN_INDEX in indexes, ENTRY_TABLE in tables()) == (False, False, True)
    assert sorted(found("written")) == [
        "Written before the column",
        "Written with the column",
        "Written without the column",
    ]


def test_search_follows_publishing_unpublishing_and_scheduling_through_the_editorial_core():
    article = factories.publishable_article(headline="The understudy goes on")
    assert found("understudy") == []

    article_publish(article=article)
    assert found("understudy") == ["The understudy goes on"]
    article_unpublish(article=Article.objects.get(pk=article.pk))
    assert found("understudy") == []
    article_publish(article=Article.objects.get(pk=article.pk), publish_at=timezone.now() + timedelta(days=1))
    assert found("understudy") == []


def search_after(change: str, article: Article) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE articles_article SET {change} WHERE id = %s", [article.pk])
    return found("understudy")


@on_postgres
def test_postgres_entries_follow_status_and_publish_time_written_by_raw_sql():
    article = factories.published_article(headline="The understudy goes on")
    assert found("understudy") == ["The understudy goes on"]

    assert search_after("status = 'draft'", article) == []
    assert search_after("status = 'published'", article) == ["The understudy goes on"]
    assert search_after("publish_at = now() + interval '1 day'", article) == []
    assert search_after("publish_at = now() - interval '1 day'", article) == ["The understudy goes on"]
    assert ArticleSearchEntry.objects.values_list("status", "publish_at").get(article=article) == (
        "published",
        Article.objects.get(pk=article.pk).publish_at,
    )


@on_postgres
def test_postgres_entries_go_with_their_article_however_it_is_deleted():
    kept, deleted_by_orm, deleted_by_sql = (
        factories.published_article(headline=f"Understudy {n}") for n in ("kept", "orm", "sql")
    )
    deleted_by_orm.delete()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM articles_article WHERE id = %s", [deleted_by_sql.pk])
    assert list(ArticleSearchEntry.objects.values_list("article_id", flat=True)) == [kept.pk]


@pytest.mark.django_db(transaction=True)
@on_postgres
def test_postgres_emptying_the_articles_empties_the_entries():
    factories.published_article(headline="Understudy")
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE articles_article CASCADE")
    assert not ArticleSearchEntry.objects.exists()


@on_postgres
def test_postgres_keeps_a_long_articles_vector_out_of_its_narrow_row():
    words = " ".join(f"word{n}" for n in range(3000))
    article = factories.published_article(headline="A long read", body=words)
    article_render(article=article)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT pg_column_size(search_vector), octet_length(search_vector::text), "
            f"(SELECT reltoastrelid::regclass::text FROM pg_class WHERE relname = %s) "
            f"FROM {ENTRY_TABLE} WHERE article_id = %s",
            [ENTRY_TABLE, article.pk],
        )
        stored, text_length, toast = cursor.fetchone()
        cursor.execute(f"SELECT count(DISTINCT chunk_id) FROM {toast}")
        values_out_of_line = cursor.fetchone()[0]
    assert text_length > 20_000 and stored < text_length
    assert values_out_of_line == 1


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
