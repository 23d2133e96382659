"""The full-text index over articles: its definition and its upkeep, per database.

PostgreSQL: the weighted ``tsvector`` of headline (A), dek (B) and ``safe_text`` (C) is stored in
``search_article_entry``, one narrow row per article beside the two fields that say whether readers
may see it (status and publish time), kept in step by triggers on ``articles_article`` and
GIN-indexed. Matching and ``ts_rank`` read the stored vector, so no search parses article text
again; and a search that matches thousands of articles reads those narrow rows, about a hundred to
a page, not the articles' own rows, a few to a page (``ArticleSearchEntry``). Each row keeps its
vector out of line (``toast_tuple_target``), so the rows stay narrow whatever an article's length.

SQLite: an FTS5 table with external content (it stores the index, not a second copy of the text),
kept in step with ``articles_article`` by triggers, so every write path (the ORM, ``update()``,
raw SQL, the admin) updates it.

On both, only headline, dek and ``safe_text`` are indexed: the body and its rendered HTML, which
hold spoilers, are never read.
"""

import sqlite3
from functools import cache

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import OperationalError, transaction
from django.db.migrations.recorder import MigrationRecorder

SEARCH_CONFIG = "english"
# Weight of each indexed field, as PostgreSQL's ts_rank weighs the labels A, B and C by default;
# SQLite's bm25() takes the same numbers so both databases order results alike.
FIELD_WEIGHTS = {"headline": ("A", 1.0), "dek": ("B", 0.4), "safe_text": ("C", 0.2)}

FTS_TABLE = "search_article_fts"
INDEX_MIGRATION = ("search", "0001_article_full_text_index")

# PostgreSQL: the table, its indexes and the function its triggers run (migration 0003).
ENTRY_TABLE = "search_article_entry"
ENTRY_VECTOR_INDEX = "search_article_entry_vector"
ENTRY_NEWEST_INDEX = "search_article_entry_newest"
ENTRY_FUNCTION = "search_article_entry_refresh"

# Migration 0001 indexed the expression itself; 0002 replaced that index with a column of
# articles_article, and 0003 moved the vector from that column to its own table.
POSTGRES_INDEX_NAME = "search_article_vector"
COLUMN = "search_vector"
COLUMN_INDEX = "search_article_search_vector"
COLUMN_FUNCTION = "search_article_vector_refresh"


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


def _postgres_vector_sql(row: str) -> str:
    """SQL for ``article_vector()`` over the fields of ``row`` (a table name, or ``NEW`` in a trigger)."""
    return " || ".join(
        f"setweight(to_tsvector('{SEARCH_CONFIG}'::regconfig, coalesce({row}.{field}, '')), '{label}')"
        for field, (label, _) in FIELD_WEIGHTS.items()
    )


def _changed(fields) -> str:
    return " OR ".join(f"old.{field} IS DISTINCT FROM new.{field}" for field in fields)


# Whether readers may see an article (``published_q``): the entry carries both, so a search reads
# no article row to tell.
SHOWN_FIELDS = ("status", "publish_at")
_ENTRY_UPSERT = f"""
            INSERT INTO {ENTRY_TABLE} (article_id, status, publish_at, search_vector)
            VALUES (new.id, new.status, new.publish_at, {_postgres_vector_sql("new")})
            ON CONFLICT (article_id) DO UPDATE
            SET status = excluded.status, publish_at = excluded.publish_at, search_vector = excluded.search_vector;"""

ENTRY_CREATE = [
    # toast_tuple_target at its least keeps each vector out of line, in the table's TOAST (a vector
    # seldom compresses): a row is then some fifty bytes whatever the article's length. The fill factor leaves
    # room on each page for a publish or unpublish to rewrite a row in place.
    f"""
    CREATE TABLE {ENTRY_TABLE} (
        article_id bigint PRIMARY KEY,
        status varchar(20) NOT NULL,
        publish_at timestamptz NULL,
        search_vector tsvector NOT NULL
    ) WITH (toast_tuple_target = 128, fillfactor = 90)""",
    # One function for every trigger. The fields are named in its body only, not in the triggers
    # (``UPDATE OF``, ``WHEN``), so that a later migration may still change their type; renaming
    # one needs a new function. Saving from the ORM sets every column, so an update parses the
    # text again only if it changed. No foreign key: ``TRUNCATE articles_article`` (a test
    # database's flush) would refuse one, so deleting and truncating follow by trigger too.
    f"""
    CREATE FUNCTION {ENTRY_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF tg_op = 'TRUNCATE' THEN
            TRUNCATE {ENTRY_TABLE};
        ELSIF tg_op = 'DELETE' THEN
            DELETE FROM {ENTRY_TABLE} WHERE article_id = old.id;
        ELSIF tg_op = 'INSERT' OR old.id <> new.id OR {_changed(FIELD_WEIGHTS)} THEN
            IF tg_op = 'UPDATE' AND old.id <> new.id THEN
                DELETE FROM {ENTRY_TABLE} WHERE article_id = old.id;
            END IF;{_ENTRY_UPSERT}
        ELSIF {_changed(SHOWN_FIELDS)} THEN
            UPDATE {ENTRY_TABLE} SET status = new.status, publish_at = new.publish_at
            WHERE article_id = new.id;
            IF NOT FOUND THEN{_ENTRY_UPSERT}
            END IF;
        END IF;
        RETURN NULL;
    END
    $$""",
    f"""
    CREATE TRIGGER {ENTRY_FUNCTION} AFTER INSERT OR UPDATE OR DELETE ON articles_article
    FOR EACH ROW EXECUTE FUNCTION {ENTRY_FUNCTION}()""",
    f"""
    CREATE TRIGGER {ENTRY_FUNCTION}_truncate AFTER TRUNCATE ON articles_article
    FOR EACH STATEMENT EXECUTE FUNCTION {ENTRY_FUNCTION}()""",
    # Existing rows, oldest first so that the newest share the last pages; the indexes are built
    # after, which is faster than updating them row by row.
    f"""
    INSERT INTO {ENTRY_TABLE} (article_id, status, publish_at, search_vector)
    SELECT id, status, publish_at, {_postgres_vector_sql("articles_article")} FROM articles_article
    ORDER BY publish_at NULLS FIRST, id""",
    # Without fastupdate, a write goes into the index at once instead of a pending list that every
    # search would have to read through (and the planner to cost) until a vacuum merges it.
    # Articles are written far less often than searched.
    f"CREATE INDEX {ENTRY_VECTOR_INDEX} ON {ENTRY_TABLE} USING gin (search_vector) WITH (fastupdate = off)",
    # The newest published first, as ``article_published_newest`` orders articles: a common word's
    # newest matches are found by walking it.
    f"CREATE INDEX {ENTRY_NEWEST_INDEX} ON {ENTRY_TABLE} (publish_at DESC, article_id DESC) WHERE status = 'published'",
    # Statistics on the lexemes let the planner tell a rare word from one in every article.
    f"ANALYZE {ENTRY_TABLE}",
]
ENTRY_DROP = [
    f"DROP TRIGGER IF EXISTS {ENTRY_FUNCTION} ON articles_article",
    f"DROP TRIGGER IF EXISTS {ENTRY_FUNCTION}_truncate ON articles_article",
    f"DROP FUNCTION IF EXISTS {ENTRY_FUNCTION}()",
    f"DROP TABLE IF EXISTS {ENTRY_TABLE}",
]

# Migration 0002's column, its trigger and its index: what 0003 drops, and puts back if reversed.
COLUMN_CREATE = [
    f"ALTER TABLE articles_article ADD COLUMN {COLUMN} tsvector",
    f"""
    CREATE FUNCTION {COLUMN_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF tg_op = 'UPDATE' THEN
            IF NOT ({_changed(FIELD_WEIGHTS)}) THEN
                RETURN new;
            END IF;
        END IF;
        new.{COLUMN} := {_postgres_vector_sql("new")};
        RETURN new;
    END
    $$""",
    f"""
    CREATE TRIGGER {COLUMN_FUNCTION} BEFORE INSERT OR UPDATE ON articles_article
    FOR EACH ROW EXECUTE FUNCTION {COLUMN_FUNCTION}()""",
    f"UPDATE articles_article SET {COLUMN} = {_postgres_vector_sql('articles_article')}",
    f"CREATE INDEX {COLUMN_INDEX} ON articles_article USING gin ({COLUMN}) WITH (fastupdate = off)",
    f"ANALYZE articles_article ({COLUMN})",
]
COLUMN_DROP = [
    f"DROP TRIGGER IF EXISTS {COLUMN_FUNCTION} ON articles_article",
    f"DROP FUNCTION IF EXISTS {COLUMN_FUNCTION}()",
    f"DROP INDEX IF EXISTS {COLUMN_INDEX}",
    f"ALTER TABLE articles_article DROP COLUMN IF EXISTS {COLUMN}",
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
