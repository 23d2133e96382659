"""Writes to articles. Every change with side effects goes through a function here."""

from datetime import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from articles.cards import card_signature, draw_quote_card
from articles.models import Article, ArticleSpoiler, Quote, SpoilerScope
from articles.text import QuoteMark, Scope, render_body
from articles.text.lint import spoiler_lint
from people.models import Person, Season


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


RENDERED_FIELDS = ["body_html", "body_safe_html", "excerpt", "reading_minutes", "body_warnings"]


@transaction.atomic
def article_render(*, article: Article) -> list[str]:
    """Render the body into its stored variants and mark which quotes sit inside spoilers.

    Runs after every save of the article and its inlines, so pages only ever read stored HTML.
    Rows are written only when something changed. Returns the warnings for the editor.
    """
    default_scope, season_lengths = _article_scope(article)
    quotes = list(article.quotes.select_related("speaker"))
    confirmed = [q for q in quotes if q.status == Quote.Status.CONFIRMED and q.speaker_id]
    rendered = render_body(
        article.body,
        default_scope=default_scope,
        speaker_urls=_speaker_urls(article, quotes),
        season_lengths=season_lengths,
        quotes=[QuoteMark(q.words, q.speaker.get_absolute_url(), q.speaker.name) for q in confirmed],
    )
    never_spoil = {
        "headline": article.headline,
        "dek": article.dek,
        "slug": article.slug.replace("-", " "),
        "hero caption": article.hero_image.caption if article.hero_image else "",
    }
    warnings = [*rendered.warnings, *spoiler_lint(never_spoil, rendered.spoiler_texts)]
    values = {
        "body_html": rendered.full_html,
        "body_safe_html": rendered.safe_html,
        "excerpt": rendered.plain,
        "reading_minutes": rendered.reading_minutes,
        "body_warnings": warnings,
    }
    changed = [name for name, value in values.items() if getattr(article, name) != value]
    if changed:
        for name in changed:
            setattr(article, name, values[name])
        Article.objects.filter(pk=article.pk).update(**{name: values[name] for name in changed})
    work_title = next((work.title for work in article.works.all()), "")
    for quote in quotes:
        scope = rendered.quote_scopes.get(quote.words, "")
        if quote.spoiler_scope != scope:
            quote.spoiler_scope = scope
            quote.save(update_fields=["spoiler_scope"])
        _refresh_quote_card(quote, work_title)
    return warnings


def _refresh_quote_card(quote: Quote, work_title: str) -> None:
    """Draw the quote's card when it is public and its words, speaker or work changed; drop it
    when the quote is no longer public, so a card never shows words from inside a spoiler."""
    public = quote.status == Quote.Status.CONFIRMED and quote.speaker_id and not quote.spoiler_scope
    if not public:
        if quote.card:
            quote.card.delete(save=False)
            quote.save(update_fields=["card"])
        return
    signature = card_signature(quote.words, quote.speaker.name, work_title)
    if quote.card and signature in quote.card.name:
        return
    if quote.card:
        quote.card.delete(save=False)
    png = draw_quote_card(quote.words, quote.speaker.name, work_title)
    quote.card.save(f"quote-{quote.pk}-{signature}.png", ContentFile(png), save=False)
    quote.save(update_fields=["card"])


def _article_scope(article: Article) -> tuple[Scope | None, dict[int, int] | None]:
    """The scope unmarked spoilers take: the article's furthest spoiler tag, else its only work."""
    items = list(article.spoiler_items.select_related("tag__work"))
    scopes = [Scope(item.tag.work.slug, item.tag.season_number, item.tag.episode_number) for item in items]
    if scopes:
        scope = max(scopes)
    else:
        works = list(article.works.all()[:2])
        scope = Scope(works[0].slug) if len(works) == 1 else None
    if scope is None:
        return None, None
    lengths = dict(
        Season.objects.filter(work__slug=scope.work)
        .annotate(episode_count=Count("episodes"))
        .values_list("number", "episode_count")
    )
    return scope, lengths


def _speaker_urls(article: Article, quotes: list[Quote]) -> dict[str, str]:
    """Q&A labels an interview may use for the people it is about: full names, other spellings,
    and surnames or first names when only one person in the article's circle has them."""
    people = {
        *article.people.all(),
        *(quote.speaker for quote in quotes if quote.speaker_id),
        *Person.objects.filter(credits__work__in=article.works.all()),
    }
    people_with_aliases = Person.objects.filter(pk__in=[p.pk for p in people]).prefetch_related("aliases")
    urls: dict[str, str] = {}
    partial: dict[str, set[str]] = {}
    for person in people_with_aliases:
        url = person.get_absolute_url()
        for name in [person.name, *(alias.name for alias in person.aliases.all())]:
            urls[name.casefold()] = url
            words = name.split()
            if len(words) > 1:
                for part in (words[0], words[-1]):
                    partial.setdefault(part.casefold(), set()).add(url)
    for part, owners in partial.items():
        if len(owners) == 1 and part not in urls:
            urls[part] = next(iter(owners))
    return urls


@transaction.atomic
def article_set_spoiler_scope(*, article: Article, scope: SpoilerScope, severity: str) -> Article:
    """Make ``scope`` the article's only spoiler tag, then re-render so the body's default follows."""
    ArticleSpoiler.objects.filter(content_object=article).exclude(tag=scope).delete()
    ArticleSpoiler.objects.update_or_create(content_object=article, tag=scope, defaults={"severity": severity})
    article_render(article=article)
    return article
