"""Quotes decided outside the article's form: the Quotes admin, its bulk actions, any other door.

A quote belongs to its article: changing one is changing the article. So every write here checks
that the user may edit the article (a contributor never touches a published one), moves the
article's version, derives the quote's spoiler scope from the body it sits in, redraws or removes
its card, records a revision and announces the change.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction

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


class QuoteAction(models.TextChoices):
    CONFIRM = "confirm", "Confirm"
    REJECT = "reject", "Reject"
    REASSIGN = "reassign", "Save speaker"


@dataclass(frozen=True)
class QuoteDecision:
    """What an editor decided about one quote. ``speaker`` is who said it: for a confirmation it
    may be left out to keep the speaker the quote has; giving the quote to someone needs one."""

    quote: Quote
    action: QuoteAction
    speaker: Person | None = None


@dataclass
class QuotesDecided:
    """What a batch of decisions did, quote by quote, for the editor's message and the revision."""

    confirmed: list[Quote] = field(default_factory=list)
    rejected: list[Quote] = field(default_factory=list)
    reassigned: list[Quote] = field(default_factory=list)
    skipped: list[Quote] = field(default_factory=list)  # asked to confirm, but nobody is chosen
    unchanged: list[Quote] = field(default_factory=list)  # already as decided

    @property
    def changed(self) -> bool:
        return bool(self.confirmed or self.rejected or self.reassigned)

    def summary(self) -> str:
        """What happened, for the editor and the revision: "Confirmed 6 quotes; 2 skipped: no speaker chosen"."""
        done = [
            phrase
            for phrase, quotes in (
                (f"confirmed {_quotes(len(self.confirmed))}", self.confirmed),
                (f"rejected {_quotes(len(self.rejected))}", self.rejected),
                (f"gave {_quotes(len(self.reassigned))} a new speaker", self.reassigned),
            )
            if quotes
        ]
        parts = [", ".join(done) if done else "nothing changed"]
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped: no speaker chosen")
        text = "; ".join(parts)
        return text[0].upper() + text[1:]


def _quotes(count: int) -> str:
    return f"{count} quote" if count == 1 else f"{count} quotes"


@transaction.atomic
def quotes_decide(*, article: Article, decisions: Sequence[QuoteDecision], user) -> QuotesDecided:
    """Apply an editor's decisions about quotes of one article, then derive the article once.

    The review table confirms, rejects and reassigns many quotes in one request; deciding them one
    by one with ``quote_confirm`` would move the version, render the body and record a revision
    per quote. Permission is checked once, on the article, and every quote must be one of its
    own, before anything is written: a refused batch changes nothing. A confirmation of a quote
    with no speaker is skipped and reported, never guessed.
    """
    check_edit(user, article)
    for decision in decisions:
        if decision.quote.article_id != article.pk:
            raise ValidationError(f"{decision.quote} is not a quote of “{article}”.")
        if decision.action == QuoteAction.REASSIGN and decision.speaker is None:
            raise ValidationError(f"Choose who said {decision.quote} before saving the speaker.")
    decided = QuotesDecided()
    for decision in decisions:
        _decide(decision, decided)
    if decided.changed:
        _after([article], user, f"Quotes reviewed: {decided.summary()}")
    return decided


def _decide(decision: QuoteDecision, decided: QuotesDecided) -> None:
    quote = decision.quote
    if decision.action == QuoteAction.REJECT:
        speaker_id, status, done = quote.speaker_id, Quote.Status.REJECTED, decided.rejected
    elif decision.action == QuoteAction.REASSIGN:
        speaker_id, status, done = decision.speaker.pk, quote.status, decided.reassigned
    else:
        speaker_id = decision.speaker.pk if decision.speaker is not None else quote.speaker_id
        status, done = Quote.Status.CONFIRMED, decided.confirmed
        if speaker_id is None:
            decided.skipped.append(quote)
            return
    if (speaker_id, status) == (quote.speaker_id, quote.status):
        decided.unchanged.append(quote)  # a second click, or a key pressed twice: no new revision
        return
    if speaker_id != quote.speaker_id:
        quote.speaker = decision.speaker
    quote.status = status
    quote.save(update_fields=["speaker", "status", "updated_at"])
    done.append(quote)


def quotes_confirm_confident(*, article: Article, at_least: float, user) -> QuotesDecided:
    """Confirm every suggestion of ``article`` the analyser was at least ``at_least`` sure of, each
    with the speaker it suggested; suggestions with nobody chosen are skipped and reported."""
    suggestions = article.quotes.filter(status=Quote.Status.SUGGESTED, confidence__gte=at_least)
    decisions = [QuoteDecision(quote, QuoteAction.CONFIRM) for quote in suggestions.select_related("speaker")]
    return quotes_decide(article=article, decisions=decisions, user=user)
