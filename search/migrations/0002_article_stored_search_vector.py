"""PostgreSQL: store each article's weighted tsvector in a trigger-kept, GIN-indexed column.

Replaces 0001's index on the expression, from which nothing could be ranked without parsing every
matching article again. SQLite keeps its FTS5 table; there, this migration does nothing.
"""

from django.db import migrations

from search.index import COLUMN_CREATE, COLUMN_DROP, POSTGRES_INDEX_NAME, postgres_index


def store_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in COLUMN_CREATE:
        schema_editor.execute(statement)
    schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(POSTGRES_INDEX_NAME)}")


def index_expression(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.add_index(apps.get_model("articles", "Article"), postgres_index())
    for statement in COLUMN_DROP:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_article_full_text_index"),
    ]

    operations = [
        migrations.RunPython(store_vector, index_expression, elidable=False),
    ]
