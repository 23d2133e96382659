"""PostgreSQL: move each article's vector from a column of articles_article to a narrow table.

A search matching thousands of articles read each one's row to test whether it is published and
to sort it by date, a few rows to a page; the entry table holds those two fields beside the
vector, about a hundred rows to a page (``search.index``). SQLite keeps its FTS5 table; there,
this migration only records the unmanaged model.
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

from search.index import COLUMN_CREATE, COLUMN_DROP, ENTRY_CREATE, ENTRY_DROP


def create_entries(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in [*ENTRY_CREATE, *COLUMN_DROP]:
        schema_editor.execute(statement)


def restore_column(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in [*COLUMN_CREATE, *ENTRY_DROP]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0014_byline_person_article_index"),
        ("search", "0002_article_stored_search_vector"),
    ]

    operations = [
        migrations.CreateModel(
            name="ArticleSearchEntry",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="articles.article",
                    ),
                ),
                ("status", models.CharField(max_length=20)),
                ("publish_at", models.DateTimeField(null=True)),
                ("search_vector", django.contrib.postgres.search.SearchVectorField()),
            ],
            options={
                "db_table": "search_article_entry",
                "managed": False,
            },
        ),
        migrations.RunPython(create_entries, restore_column, elidable=False),
    ]
