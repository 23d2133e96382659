"""The full-text index over articles: its definition and its upkeep, per database.

PostgreSQL: a GIN index on the weighted ``tsvector`` expression that the search queries use, so
the planner answers ``@@`` from the index. The expression is built by Django from
``article_vector()``, the same function the queries call, so the two cannot drift apart.

SQLite: an FTS5 table with external content (it stores the index, not a second copy of the text),
kept in step with ``articles_article`` by triggers, so every write path (the ORM, ``update()``,
raw SQL, the admin) updates it. Only headline, dek and ``safe_text`` are indexed: the body and its
rendered HTML, which hold spoilers, are never read.
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

POSTGRES_INDEX_NAME = "search_article_vector"
FTS_TABLE = "search_article_fts"
INDEX_MIGRATION = ("search", "0001_article_full_text_index")


def article_vector() -> SearchVector:
    """Headline (A), dek (B) and the spoiler-free body text (C) as one weighted tsvector."""
    vectors = [SearchVector(field, weight=label, config=SEARCH_CONFIG) for field, (label, _) in FIELD_WEIGHTS.items()]
    combined = vectors[0]
    for vector in vectors[1:]:
        combined = combined + vector
    return combined


def postgres_index() -> GinIndex:
    return GinIndex(article_vector(), name=POSTGRES_INDEX_NAME)


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
