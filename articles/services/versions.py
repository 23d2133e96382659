"""Article versions: every change of an article, its state or what hangs off it moves the version.

An editor's form carries the version it was opened at; a save from any other version is refused,
so a stale form can neither overwrite someone's edit nor undo an unpublish.
"""

from django.core.exceptions import ValidationError
from django.db.models import F

from articles.models import Article


class EditConflict(Exception):
    """Someone saved the article after this editor opened it; their save is refused."""

    def __init__(self, *, article_id: int, base_version: int, fields: dict):
        super().__init__(f"Article {article_id} changed since version {base_version}.")
        self.article_id, self.base_version, self.fields = article_id, base_version, fields


MISSING_VERSION = (
    "This form does not say which version of the article it was opened at; "
    "reload the article and make the change again."
)


def article_claim_version(*, article: Article, base_version: int | None, fields: dict) -> None:
    """Move the article to its next version, but only from ``base_version``.

    One UPDATE compares and increments, so of two editors who opened the same version only the
    first to save wins, whatever the timing; the second gets an EditConflict. A save that does
    not say which version it started from is refused: it could be undoing anything.
    """
    if base_version is None:
        raise ValidationError({"base_version": MISSING_VERSION})
    claimed = Article.objects.filter(pk=article.pk, version=base_version).update(version=F("version") + 1)
    if not claimed:
        raise EditConflict(article_id=article.pk, base_version=base_version, fields=fields)
    article.version = base_version + 1


def article_bump_version(*, article: Article) -> None:
    """A change made without a form (publish, unpublish, a quote decided elsewhere): any form
    opened before it is now stale."""
    Article.objects.filter(pk=article.pk).update(version=F("version") + 1)
    article.version = Article.objects.filter(pk=article.pk).values_list("version", flat=True).get()
