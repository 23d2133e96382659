"""Full-text index over articles: a GIN expression index on PostgreSQL, FTS5 with triggers on SQLite.

Neither is a Django model; both are built here, by database vendor, and read by search.backends.
"""

from django.db import migrations

from search.index import POSTGRES_INDEX_NAME, postgres_index, sqlite_index_drop, sqlite_index_ensure


def create_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.add_index(apps.get_model("articles", "Article"), postgres_index())
    elif vendor == "sqlite":
        sqlite_index_ensure(schema_editor.connection)


def drop_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(POSTGRES_INDEX_NAME)}")
    elif vendor == "sqlite":
        sqlite_index_drop(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_article_safe_text"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index, elidable=False),
    ]
