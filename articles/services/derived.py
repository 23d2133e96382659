"""What the core derives from an article after every write: analysis, rendering, quote scopes,
quote cards, the audit trail and the change notice. Doors never call these piecemeal; the
sequences in ``editing``, ``publishing``, ``quotes`` and ``restore`` do.
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from articles.analysis import analyse_stored
from articles.cards import card_signature, draw_quote_card
from articles.models import Article, AuditEntry, Quote
from articles.signals import article_changed
from articles.text import QuoteMark, Scope, render_body
from articles.text.directory import NameDirectory, PersonEntry, label_table
from articles.text.lint import scope_lint, spoiler_lint
from articles.text.spoilers import UNSCOPED
from cms.pagecache import site_changed
from cms.tasks import background, default_task_backend
from images.pictures import body_images
from images.usage import body_references
from people.models import Person, Season, Work


def audit(article: Article, action: str, user, detail: str = "") -> None:
    AuditEntry.objects.create(
        article=article, action=action, user=user if getattr(user, "is_authenticated", False) else None, detail=detail
    )


def article_changed_notice(*, article: Article, action: str) -> None:
    """Tell every process readers' pages changed, then, once committed, whoever listens."""
    site_changed()
    transaction.on_commit(lambda: article_changed.send(sender=Article, article=article, action=action))


def article_is_live(article: Article, now=None) -> bool:
    """Published and its time has come: what readers see now (``published_q`` for one row)."""
    return (
        article.status == Article.Status.PUBLISHED
        and article.publish_at is not None
        and article.publish_at <= (now or timezone.now())
    )


def _rendered(article: Article, works: list[Work] | None = None):
    """The body rendered as its page shows it, the editor's warnings, and the article's quotes.

    What a save stores and what the live preview shows come from here alike; ``works`` stands in
    for the stored ones when a preview names others, and an article not saved yet has no quotes.
    """
    default_scope, season_lengths, tagged = _article_scope(article, works)
    quotes = list(article.quotes.select_related("speaker")) if article.pk else []
    confirmed = [q for q in quotes if q.status == Quote.Status.CONFIRMED and q.speaker_id]
    rendered = render_body(
        article.body,
        default_scope=default_scope,
        speaker_urls=_speaker_urls(article, quotes) if article.pk else {},
        season_lengths=season_lengths,
        quotes=[QuoteMark(q.words, q.speaker.get_absolute_url(), q.speaker.name) for q in confirmed],
        images=body_images(article.body),
        locate=[q.words for q in quotes],
    )
    never_spoil = {
        "headline": article.headline,
        "dek": article.dek,
        "slug": article.slug.replace("-", " "),
        "hero caption": article.hero_image.caption if article.hero_image else "",
    }
    warnings = [
        *rendered.warnings,
        *scope_lint(
            rendered.scopes,
            _known_seasons(rendered.scopes, default_scope=default_scope, season_lengths=season_lengths),
            spoiler_count=rendered.spoiler_count,
            tagged=tagged,
        ),
        *spoiler_lint(never_spoil, rendered.spoiler_texts),
    ]
    return rendered, warnings, quotes


def article_render(*, article: Article) -> list[str]:
    """Render the body into its stored variants and derive every quote's spoiler scope from it.

    Rows are written only when something changed. Returns the warnings for the editor.
    """
    rendered, warnings, quotes = _rendered(article)
    values = {
        "body_html": rendered.full_html,
        "body_safe_html": rendered.safe_html,
        "excerpt": rendered.plain,
        "safe_text": rendered.safe_text,
        "reading_minutes": rendered.reading_minutes,
        "body_warnings": warnings,
    }
    changed = [name for name, value in values.items() if getattr(article, name) != value]
    if changed:
        for name in changed:
            setattr(article, name, values[name])
        Article.objects.filter(pk=article.pk).update(**{name: values[name] for name in changed})
    rescoped = []
    for quote in quotes:
        # A quote the renderer could not find in the body cannot be shown to sit outside the
        # spoilers, so it is treated as if it were inside one: kept off every page but its article.
        scope = rendered.quote_scopes.get(quote.words, UNSCOPED)
        if quote.spoiler_scope != scope:
            quote.spoiler_scope = scope
            rescoped.append(quote)
    Quote.objects.bulk_update(rescoped, ["spoiler_scope"])  # one statement however many changed
    return warnings


@dataclass
class Preview:
    """An unsaved body rendered as its page would show it, and what the editor should fix."""

    html: str
    warnings: list[str]
    excerpt: str


def article_preview(*, article: Article, works: list[Work]) -> Preview:
    """Render ``article``'s unsaved text through the same pipeline as a save, writing nothing.

    The stored article (if any) lends its spoiler tags and quotes; ``works`` are the ones the
    form names now. Confirmed quotes are linked to their speakers as on the page.
    """
    rendered, warnings, _ = _rendered(article, works)
    return Preview(html=rendered.full_html, warnings=warnings, excerpt=rendered.plain)


def quote_is_public(quote: Quote, article: Article, now=None) -> bool:
    """The rule for anything derived from a quote outside its article (its card): confirmed,
    attributed, outside every spoiler, in an article readers can see now."""
    return (
        quote.status == Quote.Status.CONFIRMED
        and bool(quote.speaker_id)
        and not quote.spoiler_scope
        and article_is_live(article, now)
    )


def quote_cards_refresh(*, article: Article) -> None:
    """Remove, at once, the card of every quote readers may no longer see (a draft, a scheduled
    or an unpublished article, a spoiler, a rejection), so a card never outlives its quote's
    visibility; queue the drawing of the cards public quotes lack (``quote_cards_draw``), so no
    save waits on Pillow. Files go only once the change is committed."""
    work_title = _card_work_title(article)
    missing = False
    for quote in article.quotes.select_related("speaker"):
        if not quote_is_public(quote, article):
            if quote.card:
                _delete_file_on_commit(quote.card.storage, quote.card.name)
                Quote.objects.filter(pk=quote.pk).update(card="")
                quote.card = ""
        elif not _card_is_current(quote, work_title):
            missing = True
    if missing:
        quote_cards_draw.enqueue(article.pk)
    elif _scheduled(article) and default_task_backend.supports_defer:
        # It goes live by the clock, with no save: its cards are drawn when its time comes.
        quote_cards_draw.using(run_after=article.publish_at).enqueue(article.pk)


def _scheduled(article: Article) -> bool:
    return (
        article.status == Article.Status.PUBLISHED
        and article.publish_at is not None
        and article.publish_at > timezone.now()
        and article.quotes.filter(status=Quote.Status.CONFIRMED, speaker__isnull=False, spoiler_scope="").exists()
    )


def _card_work_title(article: Article) -> str:
    return next((work.title for work in article.works.all()), "")


def _card_is_current(quote: Quote, work_title: str) -> bool:
    return bool(quote.card) and card_signature(quote.words, quote.speaker.name, work_title) in quote.card.name


@background(retries=3)
def quote_cards_draw(article_id: int) -> int:
    """Draw the missing or outdated cards of article ``article_id``'s public quotes; return how many.

    Each card is drawn with no lock held, then recorded under the article's lock only if its
    quote is still public and still says the same: an unpublish, a rejection or an edit that
    committed meanwhile wins, and the drawing is thrown away. Idempotent: a card that is
    current is left alone.
    """
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        return 0
    work_title = _card_work_title(article)
    drawn = 0
    for quote in article.quotes.select_related("speaker"):
        if not quote_is_public(quote, article) or _card_is_current(quote, work_title):
            continue
        signature = card_signature(quote.words, quote.speaker.name, work_title)
        png = draw_quote_card(quote.words, quote.speaker.name, work_title)
        card = quote.card
        card.save(f"quote-{quote.pk}-{signature}.png", ContentFile(png), save=False)
        with transaction.atomic():
            locked = Article.objects.select_for_update().filter(pk=article_id).first()
            current = Quote.objects.select_related("speaker").filter(pk=quote.pk, article_id=article_id).first()
            still_wanted = (
                locked is not None
                and current is not None
                and quote_is_public(current, locked)
                and card_signature(current.words, current.speaker.name, _card_work_title(locked)) == signature
            )
            if not still_wanted:
                _delete_file_on_commit(card.storage, card.name)
                continue
            if current.card and current.card.name != card.name:
                _delete_file_on_commit(current.card.storage, current.card.name)
            Quote.objects.filter(pk=quote.pk).update(card=card.name)
            drawn += 1
    if drawn:
        site_changed()  # quote pages name their card for link previews
    return drawn


def _delete_file_on_commit(storage, name: str) -> None:
    transaction.on_commit(lambda: storage.delete(name))


def _article_scope(
    article: Article, works: list[Work] | None = None
) -> tuple[Scope | None, dict[int, int] | None, bool]:
    """The scope unmarked spoilers take (the article's furthest spoiler tag, else its only work),
    that work's season lengths, and whether the article carries a spoiler tag. ``works`` stands in
    for the stored ones when a preview names others."""
    items = list(article.spoiler_items.select_related("tag__work")) if article.pk else []
    scopes = [Scope(item.tag.work.slug, item.tag.season_number, item.tag.episode_number) for item in items]
    if scopes:
        scope = max(scopes)
    else:
        works = works[:2] if works is not None else list(article.works.all()[:2])
        scope = Scope(works[0].slug) if len(works) == 1 else None
    if scope is None:
        return None, None, bool(items)
    lengths = dict(
        Season.objects.filter(work__slug=scope.work)
        .annotate(episode_count=Count("episodes"))
        .values_list("number", "episode_count")
    )
    return scope, lengths, bool(items)


def _known_seasons(scopes, *, default_scope: Scope | None, season_lengths) -> dict[str, dict[int, int]]:
    """Each named work's seasons and their episode counts, for the works that exist. The
    default scope's work is known already (it comes from the article's own tags or work)."""
    known = {default_scope.work: dict(season_lengths or {})} if default_scope and default_scope.work else {}
    slugs = {scope.work for scope in scopes if scope.work} - set(known)
    if not slugs:
        return known
    known.update({slug: {} for slug in Work.objects.filter(slug__in=slugs).values_list("slug", flat=True)})
    rows = Season.objects.filter(work__slug__in=slugs).annotate(episode_count=Count("episodes"))
    for slug, number, count in rows.values_list("work__slug", "number", "episode_count"):
        known[slug][number] = count
    return known


# A line that starts like a Q&A label ("**JUNO HARTLEY:**", "Q:", "Tanaka:").
LABEL_LINE_RE = re.compile(r"^[ \t>*_-]*[^\W\d_][^:\n]{0,80}:", re.MULTILINE)


def _speaker_urls(article: Article, quotes: list[Quote]) -> dict[str, str]:
    """Q&A labels an interview may use for the people it is about, resolved by the analyser's
    own directory: full names, other spellings, and a surname or first name that fits one person
    of the article's circle."""
    if not LABEL_LINE_RE.search(article.body):
        return {}  # no line of the body starts with a label, so no Q&A label to link
    circle = Q(articles_about=article) | Q(credits__work__in=article.works.all())
    speakers = [quote.speaker_id for quote in quotes if quote.speaker_id]
    if speakers:
        circle |= Q(pk__in=speakers)
    people = list(Person.objects.filter(circle).distinct().prefetch_related("aliases"))
    directory = NameDirectory(
        PersonEntry(person.slug, person.name, tuple(alias.name for alias in person.aliases.all())) for person in people
    )
    return label_table(directory, {person.slug: person.get_absolute_url() for person in people})


# How alike an edited quote must be to the confirmed one to keep its speaker.
SAME_QUOTE_RATIO = 0.8


def article_analyse(*, article: Article) -> dict[str, int]:
    """Find the quotes in the headline and body and reconcile them with the article's quote rows.

    Confirmed and rejected quotes are the editor's decisions and are kept: a confirmed quote whose
    words changed a little keeps its speaker with the new words; one whose words disappeared is
    flagged, never deleted. Suggestions the body no longer supports are removed, and new quotes
    become suggestions with the speaker the analyser resolved (or the name as written).
    """
    found = analyse_stored(article).quotes
    existing = list(article.quotes.all())
    people = Person.objects.in_bulk([q.speaker_key for q in found if q.speaker_key], field_name="slug")
    counts = {"suggested": 0, "kept": 0, "flagged": 0, "removed": 0}
    matched: set[int] = set()
    suggestions: list[Quote] = []
    for position, candidate in enumerate(found):
        quote = _best_match(candidate.text, [q for q in existing if q.pk not in matched])
        if quote is not None:
            matched.add(quote.pk)
            changed = {"position": position, "missing_from_body": False}
            if quote.words != candidate.text and quote.status != Quote.Status.SUGGESTED:
                changed["words"] = candidate.text
            _update(quote, changed)
            counts["kept"] += 1
            continue
        suggestions.append(
            Quote(
                article=article,
                words=candidate.text,
                speaker=people.get(candidate.speaker_key) if candidate.speaker_key else None,
                speaker_name=candidate.speaker_name or candidate.speaker_written or Quote.UNATTRIBUTED,
                status=Quote.Status.SUGGESTED,
                confidence=round(candidate.confidence, 2),
                position=position,
                candidates=list(candidate.candidate_names),
            )
        )
    Quote.objects.bulk_create(suggestions)
    counts["suggested"] = len(suggestions)
    for quote in existing:
        if quote.pk in matched:
            continue
        if quote.status == Quote.Status.SUGGESTED:
            if quote.card:
                _delete_file_on_commit(quote.card.storage, quote.card.name)
            quote.delete()
            counts["removed"] += 1
        elif not quote.missing_from_body:
            _update(quote, {"missing_from_body": True})
            counts["flagged"] += 1
    return counts


def _best_match(words: str, quotes: list[Quote]) -> Quote | None:
    exact = next((quote for quote in quotes if quote.words == words), None)
    if exact is not None:
        return exact
    scored = [(SequenceMatcher(None, quote.words, words).ratio(), quote) for quote in quotes]
    scored = [(ratio, quote) for ratio, quote in scored if ratio >= SAME_QUOTE_RATIO]
    return max(scored, key=lambda pair: pair[0])[1] if scored else None


def _update(quote: Quote, values: dict) -> None:
    changed = [name for name, value in values.items() if getattr(quote, name) != value]
    if changed:
        for name in changed:
            setattr(quote, name, values[name])
        quote.save(update_fields=[*changed, "updated_at"])


def image_changed_receiver(*, image, file_replaced: bool, **kwargs) -> None:
    """An image readers may see changed: articles showing it in their body store its file
    addresses, and articles using it as their hero lint its caption, so both render again."""
    articles = {article.pk: article for article in body_references(image)}
    if not file_replaced:
        articles.update({article.pk: article for article in Article.objects.filter(hero_image=image)})
    for article in articles.values():
        article_render(article=article)
        article_changed_notice(article=article, action="saved")
