"""Writes to articles. Every change with side effects goes through a function here."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from articles.models import Article


@transaction.atomic
def article_publish(*, article: Article, publish_at: datetime | None = None) -> Article:
    """Publish now, or schedule for ``publish_at``.

    An article that already has a publish time keeps it unless a new one is given, so
    publishing a scheduled article twice does not pull it forward.
    """
    article.status = Article.Status.PUBLISHED
    if publish_at is not None:
        article.publish_at = publish_at
    elif article.publish_at is None:
        article.publish_at = timezone.now()
    article.full_clean()
    article.save(update_fields=["status", "publish_at", "updated_at"])
    return article


@transaction.atomic
def article_unpublish(*, article: Article) -> Article:
    """Take an article away from readers; its publish time is kept for the record."""
    article.status = Article.Status.UNPUBLISHED
    article.save(update_fields=["status", "updated_at"])
    return article
