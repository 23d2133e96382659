"""Indexes that answer "which articles are about, or quote, this person or work" on their own.

The people and works covered are many-to-many tables Django creates itself, so their indexes are
added here in SQL; both databases read the same statement.
"""

from django.db import migrations, models

THROUGH_INDEXES = [
    ("article_people_person_article", "articles_article_people", "person_id, article_id"),
    ("article_works_work_article", "articles_article_works", "work_id, article_id"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0008_published_newest_index"),
        ("people", "0002_credit_character_from_same_work"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="quote", name="quote_speaker_status"),
        migrations.AddIndex(
            model_name="quote",
            index=models.Index(fields=["speaker", "status", "article"], name="quote_speaker_article"),
        ),
        *(
            migrations.RunSQL(f"CREATE INDEX {name} ON {table} ({columns})", f"DROP INDEX {name}")
            for name, table, columns in THROUGH_INDEXES
        ),
    ]
