"""Quotes decided outside the article's form: the Quotes admin, its bulk actions, any other door.

A quote belongs to its article: changing one is changing the article. So every write here checks
that the user may edit the article (a contributor never touches a published one), moves the
article's version, derives the quote's spoiler scope from the body it sits in, redraws or removes
its card, records a revision and announces the change.
"""

from django.db import transaction

from articles.models import Article, Quote
from articles.revisions import revision_record
from articles.services.derived import article_changed_notice, article_render, quote_cards_refresh
from articles.services.roles import check_edit
from articles.services.versions import article_bump_version
from people.models import Person


def quote_check(*, user, quote: Quote, article: Article | None = None) -> None:
    """Refuse (PermissionDenied) a change ``user`` may not make to ``quote``: the article it
    belongs to now and the one it is moved to must both be theirs to edit."""
    if quote.pk is not None:
        stored = Quote.objects.select_related("article").filter(pk=quote.pk).first()
        if stored is not None:
            check_edit(user, stored.article)
    target = article if article is not None else (quote.article if quote.article_id else None)
    if target is not None:
        check_edit(user, target)


def _after(articles: list[Article], user, note: str) -> None:
    for article in {a.pk: a for a in articles}.values():
        article.refresh_from_db()
        article_bump_version(article=article)
        article_render(article=article)
        quote_cards_refresh(article=article)
        revision_record(article=article, user=user, note=note)
        article_changed_notice(article=article, action="quotes")


@transaction.atomic
def quote_save(*, quote: Quote, user) -> Quote:
    """Save a quote added or edited on its own, then derive its article again."""
    quote_check(user=user, quote=quote)
    previous = Quote.objects.filter(pk=quote.pk).values_list("article_id", flat=True).first() if quote.pk else None
    quote.full_clean()
    quote.save()
    touched = [quote.article]
    if previous is not None and previous != quote.article_id:
        touched.append(Article.objects.get(pk=previous))
    _after(touched, user, "Quote edited")
    return quote


@transaction.atomic
def quote_delete(*, quote: Quote, user) -> None:
    quote_check(user=user, quote=quote)
    article = quote.article
    if quote.card:
        storage, name = quote.card.storage, quote.card.name
        transaction.on_commit(lambda: storage.delete(name))
    quote.delete()
    _after([article], user, "Quote deleted")


@transaction.atomic
def quote_confirm(*, quote: Quote, speaker: Person | None = None, user=None) -> Quote:
    """Confirm a quote, optionally reassigning it; the body is re-rendered to link it."""
    quote_check(user=user, quote=quote)
    if speaker is not None:
        quote.speaker = speaker
    quote.status = Quote.Status.CONFIRMED
    quote.full_clean()
    quote.save()
    _after([quote.article], user, "Quote confirmed")
    return quote


@transaction.atomic
def quote_reject(*, quote: Quote, user=None) -> Quote:
    quote_check(user=user, quote=quote)
    quote.status = Quote.Status.REJECTED
    quote.save(update_fields=["status", "updated_at"])
    _after([quote.article], user, "Quote rejected")
    return quote
