"""Indexes for "what changed last": published articles by the later of their last edit and their
publish time, and quotes by their last change. The sitemaps date their sections and each topic
tag from them, reading from the top instead of through every article and quote."""

import django.db.models.functions.comparison
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_article_pending_changes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                models.OrderBy(
                    django.db.models.functions.comparison.Greatest("updated_at", "publish_at"), descending=True
                ),
                models.F("publish_at"),
                condition=models.Q(("status", "published")),
                name="article_published_changed",
            ),
        ),
        migrations.AddIndex(
            model_name="quote",
            index=models.Index(models.OrderBy(models.F("updated_at"), descending=True), name="quote_updated"),
        ),
    ]
