"""Publishing, scheduling, unpublishing and submitting: every change of an article's state.

Each one checks the role, moves the article's version (so a form opened before it is stale),
audits, records a revision, updates the quote cards and announces the change once.
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from articles.models import Article, AuditEntry
from articles.revisions import revision_record
from articles.services.derived import article_changed_notice, audit, quote_cards_refresh
from articles.services.roles import can_publish, check_edit
from articles.services.versions import article_bump_version


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


def _and_join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _locked(article: Article) -> Article:
    """Re-read the article's state under a row lock, so two state changes cannot cross."""
    if article.pk is not None:
        current = Article.objects.select_for_update().filter(pk=article.pk).values("status", "publish_at").first()
        if current is not None:
            article.status, article.publish_at = current["status"], current["publish_at"]
    return article


def make_live(*, article: Article, publish_at: datetime | None, user) -> str:
    """Set the published state and audit it; the caller records the revision and the notice.
    Returns the action: "published" or "scheduled"."""
    if user is not None and not can_publish(user):
        raise PermissionDenied("Only editors can publish or schedule articles.")
    problems = publish_problems(article)
    if problems:
        raise ValidationError(f"Cannot publish “{article}” yet; it needs {_and_join(problems)}.")
    article.status = Article.Status.PUBLISHED
    if publish_at is not None:
        article.publish_at = publish_at
    elif article.publish_at is None:
        article.publish_at = timezone.now()
    article.full_clean(exclude=["slug"])
    Article.objects.filter(pk=article.pk).update(
        status=article.status, publish_at=article.publish_at, updated_at=timezone.now()
    )
    when = f"for {timezone.localtime(article.publish_at):%Y-%m-%d %H:%M}"
    if article.publish_at > timezone.now():
        audit(article, AuditEntry.Action.SCHEDULE, user, when)
        return "scheduled"
    audit(article, AuditEntry.Action.PUBLISH, user)
    return "published"


def take_down(*, article: Article, status: str, user) -> None:
    """Take a published article back to ``status`` (unpublished, draft or in review) and audit it."""
    if user is not None and not can_publish(user):
        raise PermissionDenied("Only editors can unpublish articles.")
    article.status = status
    Article.objects.filter(pk=article.pk).update(status=status, updated_at=timezone.now())
    detail = "" if status == Article.Status.UNPUBLISHED else f"now {article.get_status_display().lower()}"
    audit(article, AuditEntry.Action.UNPUBLISH, user, detail)


def reschedule(*, article: Article, publish_at: datetime, user) -> None:
    if user is not None and not can_publish(user):
        raise PermissionDenied("Only editors can move a publish time.")
    article.publish_at = publish_at
    Article.objects.filter(pk=article.pk).update(publish_at=publish_at, updated_at=timezone.now())
    action = AuditEntry.Action.SCHEDULE if publish_at > timezone.now() else AuditEntry.Action.PUBLISH
    audit(article, action, user, f"for {timezone.localtime(publish_at):%Y-%m-%d %H:%M}")


def _finish(article: Article, user, note: str, action: str) -> Article:
    article_bump_version(article=article)
    quote_cards_refresh(article=article)
    revision_record(article=article, user=user, note=note)
    article_changed_notice(article=article, action=action)
    return article


@transaction.atomic
def article_publish(*, article: Article, publish_at: datetime | None = None, user=None) -> Article:
    """Publish now, or schedule for ``publish_at``.

    An article that already has a publish time keeps it unless a new one is given, so
    publishing a scheduled article twice does not pull it forward. Refuses, listing everything
    missing at once, an article without headline, slug, byline, body or hero alt text.
    """
    if user is not None and not can_publish(user):
        raise PermissionDenied("Only editors can publish or schedule articles.")
    _locked(article)
    action = make_live(article=article, publish_at=publish_at, user=user)
    return _finish(article, user, "Published" if action == "published" else "Scheduled", action)


@transaction.atomic
def article_unpublish(*, article: Article, user=None) -> Article:
    """Take an article away from readers; its publish time is kept for the record."""
    if user is not None and not can_publish(user):
        raise PermissionDenied("Only editors can unpublish articles.")
    _locked(article)
    take_down(article=article, status=Article.Status.UNPUBLISHED, user=user)
    return _finish(article, user, "Unpublished", "unpublished")


@transaction.atomic
def article_submit(*, article: Article, user) -> Article:
    """A contributor hands a draft to the editors."""
    _locked(article)
    try:
        check_edit(user, article)
    except PermissionDenied as error:
        raise ValidationError("You can only submit your own drafts.") from error
    if article.status != Article.Status.DRAFT:
        raise ValidationError(f"“{article}” is not a draft.")
    article.status = Article.Status.IN_REVIEW
    Article.objects.filter(pk=article.pk).update(status=article.status, updated_at=timezone.now())
    audit(article, AuditEntry.Action.SUBMIT, user)
    return _finish(article, user, "Submitted for review", "saved")
