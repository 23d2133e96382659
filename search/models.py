from django.contrib.postgres.search import SearchVectorField
from django.db import models

from search.index import ENTRY_TABLE


class ArticleSearchEntry(models.Model):
    """An article as PostgreSQL search reads it: its weighted vector, and its status and publish
    time, the fields ``published_q`` tests (``search.index``).

    Triggers on ``articles_article`` write these rows, in the same transaction as the article;
    nothing in Python does. The table exists on PostgreSQL only (migration 0003), hence unmanaged:
    SQLite searches its FTS5 table instead.
    """

    article = models.OneToOneField(
        "articles.Article",
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    status = models.CharField(max_length=20)
    publish_at = models.DateTimeField(null=True)
    search_vector = SearchVectorField()

    class Meta:
        managed = False
        db_table = ENTRY_TABLE

    def __str__(self) -> str:
        return f"search entry of article {self.article_id}"
