"""The full-text index over articles: its definition and its upkeep, per database.

PostgreSQL: the weighted ``tsvector`` of headline (A), dek (B) and ``safe_text`` (C) is stored in a
``search_vector`` column on ``articles_article``, written by a ``BEFORE INSERT OR UPDATE`` trigger
whenever one of those fields changes, and GIN-indexed. Matching and ``ts_rank`` read the stored
vector, so no search parses article text again. The column belongs to this app, not to the
article model: the ORM never selects or writes it, and the queries reach it through
``StoredArticleVector()``.

SQLite: an FTS5 table with external content (it stores the index, not a second copy of the text),
kept in step with ``articles_article`` by triggers, so every write path (the ORM, ``update()``,
raw SQL, the admin) updates it.

On both, only headline, dek and ``safe_text`` are indexed: the body and its rendered HTML, which
hold spoilers, are never read.
"""

import sqlite3
from functools import cache

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import OperationalError, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Expression
from django.db.models.expressions import Col

SEARCH_CONFIG = "english"
# Weight of each indexed field, as PostgreSQL's ts_rank weighs the labels A, B and C by default;
# SQLite's bm25() takes the same numbers so both databases order results alike.
FIELD_WEIGHTS = {"headline": ("A", 1.0), "dek": ("B", 0.4), "safe_text": ("C", 0.2)}

FTS_TABLE = "search_article_fts"
INDEX_MIGRATION = ("search", "0001_article_full_text_index")

POSTGRES_VECTOR_COLUMN = "search_vector"
POSTGRES_VECTOR_INDEX = "search_article_search_vector"
POSTGRES_VECTOR_FUNCTION = "search_article_vector_refresh"
# Migration 0001 indexed the expression itself; 0002 replaced that index with the stored column.
POSTGRES_INDEX_NAME = "search_article_vector"


def article_vector() -> SearchVector:
    """Headline (A), dek (B) and the spoiler-free body text (C) as one weighted tsvector.

    The ORM form of what the PostgreSQL triggers store; a test holds the two to the same value.
    """
    vectors = [SearchVector(field, weight=label, config=SEARCH_CONFIG) for field, (label, _) in FIELD_WEIGHTS.items()]
    combined = vectors[0]
    for vector in vectors[1:]:
        combined = combined + vector
    return combined


def postgres_index() -> GinIndex:
    """The expression index of migration 0001, rebuilt if 0002 is reversed."""
    return GinIndex(article_vector(), name=POSTGRES_INDEX_NAME)


@cache
def _stored_vector_field(model) -> SearchVectorField:
    field = SearchVectorField()
    field.set_attributes_from_name(POSTGRES_VECTOR_COLUMN)
    # Expressions compare columns by field name and model: without one, count() and aggregates
    # over a queryset using the column fail.
    field.model = model
    return field


class StoredArticleVector(Expression):
    """``articles_article.search_vector`` on PostgreSQL, a column the article model does not declare.

    It resolves to a column of the query's base table, so it stays correct inside subqueries,
    where Django renames that table.
    """

    output_field = SearchVectorField()

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        return Col(query.get_initial_alias(), _stored_vector_field(query.model))


def _postgres_vector_sql(row: str) -> str:
    """SQL for ``article_vector()`` over the fields of ``row`` (a table name, or ``NEW`` in a trigger)."""
    return " || ".join(
        f"setweight(to_tsvector('{SEARCH_CONFIG}'::regconfig, coalesce({row}.{field}, '')), '{label}')"
        for field, (label, _) in FIELD_WEIGHTS.items()
    )


_POSTGRES_CHANGED = " OR ".join(f"old.{field} IS DISTINCT FROM new.{field}" for field in FIELD_WEIGHTS)

POSTGRES_CREATE = [
    f"ALTER TABLE articles_article ADD COLUMN {POSTGRES_VECTOR_COLUMN} tsvector",
    # The fields are named in the function body only, not in the trigger (``UPDATE OF``, ``WHEN``),
    # so that a later migration may still change their type; renaming one needs a new function.
    # Saving from the ORM sets every column, so an update re-parses the text only if it changed.
    f"""
    CREATE FUNCTION {POSTGRES_VECTOR_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF tg_op = 'UPDATE' THEN
            IF NOT ({_POSTGRES_CHANGED}) THEN
                RETURN new;
            END IF;
        END IF;
        new.{POSTGRES_VECTOR_COLUMN} := {_postgres_vector_sql("new")};
        RETURN new;
    END
    $$""",
    f"""
    CREATE TRIGGER {POSTGRES_VECTOR_FUNCTION} BEFORE INSERT OR UPDATE ON articles_article
    FOR EACH ROW EXECUTE FUNCTION {POSTGRES_VECTOR_FUNCTION}()""",
    # Existing rows; the index is built after, which is faster than updating it row by row.
    f"UPDATE articles_article SET {POSTGRES_VECTOR_COLUMN} = {_postgres_vector_sql('articles_article')}",
    # Without fastupdate, a write goes into the index at once instead of a pending list that every
    # search would have to read through (and the planner to cost) until a vacuum merges it.
    # Articles are written far less often than searched.
    f"CREATE INDEX {POSTGRES_VECTOR_INDEX} ON articles_article USING gin ({POSTGRES_VECTOR_COLUMN}) "
    "WITH (fastupdate = off)",
    # Statistics on the lexemes let the planner tell a rare word from one in every article.
    f"ANALYZE articles_article ({POSTGRES_VECTOR_COLUMN})",
]
POSTGRES_DROP = [
    f"DROP TRIGGER IF EXISTS {POSTGRES_VECTOR_FUNCTION} ON articles_article",
    f"DROP FUNCTION IF EXISTS {POSTGRES_VECTOR_FUNCTION}()",
    f"DROP INDEX IF EXISTS {POSTGRES_VECTOR_INDEX}",
    f"ALTER TABLE articles_article DROP COLUMN IF EXISTS {POSTGRES_VECTOR_COLUMN}",
]


_COLUMNS = ", ".join(FIELD_WEIGHTS)
_NEW = ", ".join(f"new.{field}" for field in FIELD_WEIGHTS)
_OLD = ", ".join(f"old.{field}" for field in FIELD_WEIGHTS)
_CHANGED = " OR ".join(f"old.{field} IS NOT new.{field}" for field in FIELD_WEIGHTS)

SQLITE_TABLE = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({_COLUMNS}, content='articles_article', "
    "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')"
)
SQLITE_TRIGGERS = {
    f"{FTS_TABLE}_insert": f"""
        CREATE TRIGGER {FTS_TABLE}_insert AFTER INSERT ON articles_article BEGIN
            INSERT INTO {FTS_TABLE}(rowid, {_COLUMNS}) VALUES (new.id, {_NEW});
        END""",
    f"{FTS_TABLE}_update": f"""
        CREATE TRIGGER {FTS_TABLE}_update AFTER UPDATE OF {_COLUMNS} ON articles_article
        WHEN {_CHANGED} BEGIN
            INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_COLUMNS}) VALUES ('delete', old.id, {_OLD});
            INSERT INTO {FTS_TABLE}(rowid, {_COLUMNS}) VALUES (new.id, {_NEW});
        END""",
    f"{FTS_TABLE}_delete": f"""
        CREATE TRIGGER {FTS_TABLE}_delete AFTER DELETE ON articles_article BEGIN
            INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_COLUMNS}) VALUES ('delete', old.id, {_OLD});
        END""",
}


@cache
def sqlite_has_fts5() -> bool:
    """Whether this SQLite library was built with FTS5 (checked once, on a throwaway database)."""
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE probe USING fts5(text)")
    except sqlite3.OperationalError:
        return False
    finally:
        probe.close()
    return True


def sqlite_index_ensure(connection) -> bool:
    """Create the FTS5 table and its triggers where missing, and rebuild the index if so.

    Returns whether the index exists; False when SQLite lacks FTS5 (search then falls back to
    substring matching).
    """
    if not sqlite_has_fts5():
        return False
    wanted = [FTS_TABLE, *SQLITE_TRIGGERS]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT name FROM sqlite_master WHERE name IN ({', '.join(['%s'] * len(wanted))})", wanted)
        present = {name for (name,) in cursor.fetchall()}
        missing = [name for name in wanted if name not in present]
        if not missing:
            return True
        try:
            with transaction.atomic(using=connection.alias):
                if FTS_TABLE in missing:
                    cursor.execute(SQLITE_TABLE)
                for name in missing:
                    if name in SQLITE_TRIGGERS:
                        cursor.execute(SQLITE_TRIGGERS[name])
                # Triggers were missing, so writes may have gone unindexed: reread every row.
                cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
        except OperationalError:
            return False
    return True


def sqlite_index_drop(connection) -> None:
    with connection.cursor() as cursor:
        for name in SQLITE_TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")


def ensure_article_index_after_migrate(sender, using: str, **kwargs) -> None:
    """After ``migrate``, restore SQLite triggers that a rebuild of articles_article dropped."""
    from django.db import connections

    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    if INDEX_MIGRATION not in MigrationRecorder(connection).applied_migrations():
        return
    sqlite_index_ensure(connection)
