"""Writes to articles. Every change with side effects goes through a function here."""

from datetime import datetime, timedelta
from difflib import SequenceMatcher

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from articles.analysis import name_directory
from articles.cards import card_signature, draw_quote_card
from articles.models import (
    Article,
    ArticleSpoiler,
    AuditEntry,
    Quote,
    Revision,
    ShareLink,
    SlugRedirect,
    SpoilerScope,
)
from articles.revisions import revision_record
from articles.text import QuoteMark, Scope, render_body
from articles.text.analyse import find_qa_turns, find_quotes, split_paragraphs
from articles.text.lint import spoiler_lint
from articles.text.render import UNSCOPED
from cms.pagecache import site_changed
from images.pictures import body_images
from people.models import Person, Season

# --- Who may do what --------------------------------------------------------------------------
#
# Contributors write and edit their own drafts and submit them for review. Editors (and admins)
# do everything. These functions are the only place the rules are written; the admin asks them.


def can_publish(user) -> bool:
    """Publishing, scheduling and unpublishing are editors' work."""
    return user.has_perm("articles.publish_article")


def can_edit(user, article: Article) -> bool:
    if not user.has_perm("articles.change_article"):
        return False
    if user.has_perm("articles.edit_any_article"):
        return True
    own = article.created_by_id is None or article.created_by_id == user.pk
    return own and article.status in (Article.Status.DRAFT, Article.Status.IN_REVIEW)


def allowed_statuses(user, article: Article | None) -> list[str]:
    """The states ``user`` may put ``article`` in (its current state included)."""
    if can_publish(user):
        return list(Article.Status.values)
    current = article.status if article is not None else Article.Status.DRAFT
    allowed = {Article.Status.DRAFT, Article.Status.IN_REVIEW}
    return [status for status in Article.Status.values if status in allowed or status == current]


def check_transition(*, user, article: Article | None, status: str) -> None:
    """Refuse a change of state the user's role does not allow, saying why."""
    current = article.status if article is not None else Article.Status.DRAFT
    if status != current and status not in allowed_statuses(user, article):
        raise ValidationError(
            {"status": "Only editors can publish, schedule or unpublish; submit the article for review instead."}
        )


def publish_problems(article: Article) -> list[str]:
    """Everything missing before an article can go out, listed at once."""
    problems = []
    if not article.headline.strip():
        problems.append("a headline")
    if not article.slug.strip():
        problems.append("a slug")
    if not article.bylines.exists():
        problems.append("a byline")
    if not article.body.strip():
        problems.append("a body")
    if article.hero_image_id and not article.hero_image.alt_text.strip():
        problems.append("alt text on the hero image")
    return problems


def _audit(article: Article, action: str, user, detail: str = "") -> None:
    AuditEntry.objects.create(
        article=article, action=action, user=user if getattr(user, "is_authenticated", False) else None, detail=detail
    )


@transaction.atomic
def article_publish(*, article: Article, publish_at: datetime | None = None, user=None) -> Article:
    """Publish now, or schedule for ``publish_at``.

    An article that already has a publish time keeps it unless a new one is given, so
    publishing a scheduled article twice does not pull it forward. Refuses, listing everything
    missing at once, an article without headline, slug, byline, body or hero alt text.
    """
    if user is not None and not can_publish(user):
        raise ValidationError("Only editors can publish or schedule articles.")
    problems = publish_problems(article)
    if problems:
        raise ValidationError(f"Cannot publish “{article}” yet; it needs {_and_join(problems)}.")
    article.status = Article.Status.PUBLISHED
    if publish_at is not None:
        article.publish_at = publish_at
    elif article.publish_at is None:
        article.publish_at = timezone.now()
    article.full_clean()
    article.save(update_fields=["status", "publish_at", "updated_at"])
    if article.publish_at > timezone.now():
        _audit(
            article, AuditEntry.Action.SCHEDULE, user, f"for {timezone.localtime(article.publish_at):%Y-%m-%d %H:%M}"
        )
    else:
        _audit(article, AuditEntry.Action.PUBLISH, user)
    revision_record(article=article, user=user, note="Published")
    site_changed()
    return article


@transaction.atomic
def article_unpublish(*, article: Article, user=None) -> Article:
    """Take an article away from readers; its publish time is kept for the record."""
    if user is not None and not can_publish(user):
        raise ValidationError("Only editors can unpublish articles.")
    article.status = Article.Status.UNPUBLISHED
    article.save(update_fields=["status", "updated_at"])
    _audit(article, AuditEntry.Action.UNPUBLISH, user)
    revision_record(article=article, user=user, note="Unpublished")
    site_changed()
    return article


def article_record_unpublished(*, article: Article, user) -> None:
    """An editor took a published article back to another state in the form: log it."""
    _audit(article, AuditEntry.Action.UNPUBLISH, user, f"now {article.get_status_display().lower()}")


def article_record_rescheduled(*, article: Article, user) -> None:
    """An editor moved a published article's publish time in the form: log it."""
    when = f"for {timezone.localtime(article.publish_at):%Y-%m-%d %H:%M}"
    action = AuditEntry.Action.SCHEDULE if article.publish_at > timezone.now() else AuditEntry.Action.PUBLISH
    _audit(article, action, user, when)


@transaction.atomic
def article_submit(*, article: Article, user) -> Article:
    """A contributor hands a draft to the editors."""
    if not can_edit(user, article):
        raise ValidationError("You can only submit your own drafts.")
    article.status = Article.Status.IN_REVIEW
    article.save(update_fields=["status", "updated_at"])
    _audit(article, AuditEntry.Action.SUBMIT, user)
    revision_record(article=article, user=user, note="Submitted for review")
    return article


class EditConflict(Exception):
    """Someone saved the article after this editor opened it; their save is refused."""

    def __init__(self, *, article_id: int, base_version: int, fields: dict):
        super().__init__(f"Article {article_id} changed since version {base_version}.")
        self.article_id, self.base_version, self.fields = article_id, base_version, fields


def article_claim_version(*, article: Article, base_version: int | None, fields: dict) -> None:
    """Move the article to its next version, but only from ``base_version``.

    One UPDATE compares and increments, so of two editors who opened the same version only the
    first to save wins, whatever the timing; the second gets an EditConflict.
    """
    if base_version is None:
        base_version = article.version
    claimed = Article.objects.filter(pk=article.pk, version=base_version).update(version=F("version") + 1)
    if not claimed:
        raise EditConflict(article_id=article.pk, base_version=base_version, fields=fields)
    article.version = base_version + 1


@transaction.atomic
def article_merge_save(*, article: Article, base_version: int, headline: str, dek: str, body: str, user) -> Article:
    """Save text merged on the conflict page over the current version."""
    if not can_edit(user, article):
        raise ValidationError("You cannot edit this article.")
    article_claim_version(article=article, base_version=base_version, fields={})
    article.headline, article.dek, article.body = headline, dek, body
    article.full_clean(exclude=["slug"])
    article.save(update_fields=["headline", "dek", "body", "updated_at"])
    article_analyse(article=article)
    article_render(article=article)
    revision_record(article=article, user=user, note="Merged after a conflict")
    return article


@transaction.atomic
def article_store_refused(*, conflict: EditConflict, user) -> Revision:
    """Keep the refused version as a revision, so nothing an editor typed is lost."""
    article = Article.objects.get(pk=conflict.article_id)
    return revision_record(
        article=article,
        user=user,
        kind=Revision.Kind.CONFLICT,
        note=f"Refused: started from version {conflict.base_version}, the article was at {article.version}",
        data={"fields": conflict.fields},
    )


def _and_join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


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
        images=body_images(article.body),
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
        "safe_text": rendered.safe_text,
        "reading_minutes": rendered.reading_minutes,
        "body_warnings": warnings,
    }
    changed = [name for name, value in values.items() if getattr(article, name) != value]
    if changed:
        for name in changed:
            setattr(article, name, values[name])
        Article.objects.filter(pk=article.pk).update(**{name: values[name] for name in changed})
    site_changed()
    work_title = next((work.title for work in article.works.all()), "")
    for quote in quotes:
        # A quote the renderer could not find cannot be shown to sit outside the spoilers, so it
        # is treated as if it were inside one: kept off every page but its article.
        scope = rendered.quote_scopes.get(quote.words, UNSCOPED)
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
    circle = Q(articles_about=article) | Q(credits__work__in=article.works.all())
    speakers = [quote.speaker_id for quote in quotes if quote.speaker_id]
    if speakers:
        circle |= Q(pk__in=speakers)
    people_with_aliases = Person.objects.filter(circle).distinct().prefetch_related("aliases")
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


# How alike an edited quote must be to the confirmed one to keep its speaker.
SAME_QUOTE_RATIO = 0.8


@transaction.atomic
def article_analyse(*, article: Article) -> dict[str, int]:
    """Find the quotes in the body and reconcile them with the article's quote rows.

    Confirmed and rejected quotes are the editor's decisions and are kept: a confirmed quote whose
    words changed a little keeps its speaker with the new words; one whose words disappeared is
    flagged, never deleted. Suggestions the body no longer supports are removed, and new quotes
    become suggestions with the speaker the analyser resolved (or the name as written).
    """
    paragraphs = split_paragraphs(article.body)
    directory = name_directory(article.works.all())
    bylines = [(byline.person.slug, byline.person.name) for byline in article.bylines.select_related("person")[:1]]
    _, qa_paragraphs = find_qa_turns(paragraphs, directory, interviewer=bylines[0] if bylines else None)
    found = find_quotes(
        paragraphs, directory, works=[work.title for work in article.works.all()], skip_paragraphs=qa_paragraphs
    )
    existing = list(article.quotes.all())
    people = Person.objects.in_bulk([q.speaker_key for q in found if q.speaker_key], field_name="slug")
    counts = {"suggested": 0, "kept": 0, "flagged": 0, "removed": 0}
    matched: set[int] = set()
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
        Quote.objects.create(
            article=article,
            words=candidate.text,
            speaker=people.get(candidate.speaker_key) if candidate.speaker_key else None,
            speaker_name=candidate.speaker_written or Quote.UNATTRIBUTED,
            status=Quote.Status.SUGGESTED,
            confidence=round(candidate.confidence, 2),
            position=position,
            candidates=list(candidate.candidates),
        )
        counts["suggested"] += 1
    for quote in existing:
        if quote.pk in matched:
            continue
        if quote.status == Quote.Status.SUGGESTED:
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


@transaction.atomic
def quote_confirm(*, quote: Quote, speaker: Person | None = None) -> Quote:
    """Confirm a quote, optionally reassigning it; the body is re-rendered to link it."""
    if speaker is not None:
        quote.speaker = speaker
    quote.status = Quote.Status.CONFIRMED
    quote.full_clean()
    quote.save()
    article_render(article=quote.article)
    return quote


@transaction.atomic
def quote_reject(*, quote: Quote) -> Quote:
    quote.status = Quote.Status.REJECTED
    quote.save(update_fields=["status", "updated_at"])
    article_render(article=quote.article)
    return quote


# --- Share links and old addresses -------------------------------------------------------------

SHARE_SALT = "callboard.preview-link"
SHARE_DAYS = 7


@transaction.atomic
def share_link_create(*, article: Article, user, days: int = SHARE_DAYS) -> ShareLink:
    """A preview link for someone without an account: signed, expiring, revocable."""
    if not can_publish(user):
        raise ValidationError("Only editors can share previews.")
    link = ShareLink.objects.create(article=article, created_by=user, expires_at=timezone.now() + timedelta(days=days))
    _audit(article, AuditEntry.Action.SHARE, user, f"until {timezone.localtime(link.expires_at):%Y-%m-%d %H:%M}")
    return link


def share_link_token(link: ShareLink) -> str:
    return signing.dumps({"link": link.pk, "article": link.article_id}, salt=SHARE_SALT)


def share_link_resolve(token: str) -> ShareLink | None:
    """The link a token stands for, if its signature holds and it is neither expired nor revoked."""
    try:
        payload = signing.loads(token, salt=SHARE_SALT)
    except signing.BadSignature:
        return None
    link = ShareLink.objects.select_related("article").filter(pk=payload.get("link")).first()
    if link is None or link.article_id != payload.get("article") or not link.is_active():
        return None
    return link


@transaction.atomic
def share_link_revoke(*, link: ShareLink, user) -> ShareLink:
    link.revoked_at = timezone.now()
    link.save(update_fields=["revoked_at"])
    _audit(link.article, AuditEntry.Action.REVOKE, user)
    return link


def article_keep_old_slug(*, article: Article, old_slug: str) -> None:
    """After a slug change, the old address of an article readers have seen keeps working."""
    SlugRedirect.objects.filter(old_slug=article.slug).delete()
    if old_slug and old_slug != article.slug and article.publish_at is not None:
        SlugRedirect.objects.update_or_create(old_slug=old_slug, defaults={"article": article})
