"""Saving an article: the one sequence every door goes through.

``article_save`` is used by the admin's change form, the paste page, ``import_articles``,
``load_demo`` and the conflict merge; revision restore shares its steps. In order: permission,
version claim, the row and its relations, slug redirect, analysis, rendering and quote scopes,
the state change the editor asked for, quote cards, revision, and one change notice.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from articles.models import Article, ArticleSpoiler, AuditEntry, Revision, SlugRedirect, SpoilerScope
from articles.revisions import FIELDS, WORKFLOW_FIELDS, field_values, revision_record, snapshot
from articles.services.derived import (
    article_analyse,
    article_changed_notice,
    article_is_live,
    article_render,
    audit,
    quote_cards_refresh,
)
from articles.services.publishing import make_live, reschedule, take_down
from articles.services.roles import can_publish, check_edit, check_transition
from articles.services.versions import EditConflict, article_claim_version

UNSET = object()


@dataclass
class SaveResult:
    """What a save did, for the door to tell the editor."""

    article: Article
    quotes: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    action: str = "saved"


@transaction.atomic
def article_save(
    *,
    article: Article,
    user,
    base_version: int | None = None,
    status: str | None = None,
    publish_at: datetime | object | None = UNSET,
    save_related: Callable[[], None] | None = None,
    analyse: bool = True,
    note: str = "",
    fields: dict | None = None,
    replaces_pending: bool = False,
) -> SaveResult:
    """Save ``article`` as edited (its field values set by the caller) and everything derived.

    ``status`` and ``publish_at`` are what the editor asked for; the row keeps its state until
    the core has checked the role and the requirements, so a refused publish still saves the
    text ("Saved, but not published: …"). ``save_related`` writes the relations (a form's m2m
    and inlines, an import's bylines and quotes) once the row exists. A change to an existing
    article must name the ``base_version`` it started from (EditConflict otherwise).
    """
    result = SaveResult(article=article)
    stored = Article.objects.select_for_update().filter(pk=article.pk).first() if article.pk else None
    if user is not None:
        if stored is not None:
            check_edit(user, stored)
        elif not user.has_perm("articles.add_article"):
            raise PermissionDenied("You cannot add articles.")
    requested_status = status if status is not None else article.status
    requested_time = article.publish_at if publish_at is UNSET else publish_at
    check_transition(user=user, article=stored, status=requested_status)
    previous_status = stored.status if stored else Article.Status.DRAFT
    previous_time = stored.publish_at if stored else None
    # The row keeps its state: the transition below decides it, with the role checked there.
    article.status = previous_status if stored else Article.Status.DRAFT
    article.publish_at = previous_time
    if stored is not None:
        article.pending_changes_id = None if replaces_pending else stored.pending_changes_id
    if stored is not None:
        article_claim_version(
            article=article, base_version=base_version, fields=fields if fields is not None else field_values(article)
        )
    elif user is not None and getattr(user, "is_authenticated", False) and article.created_by_id is None:
        article.created_by = user
    article.save()
    if save_related is not None:
        save_related()
    if stored is not None and stored.slug != article.slug:
        article_keep_old_slug(article=article, old_slug=stored.slug)
    if analyse:
        result.quotes = article_analyse(article=article)
    result.warnings = article_render(article=article)
    result.action = _transition(
        article, user, previous_status, previous_time, requested_status, requested_time, result.errors
    )
    quote_cards_refresh(article=article)
    revision_record(article=article, user=user, note=note)
    article_changed_notice(article=article, action=result.action)
    return result


def _transition(article, user, previous_status, previous_time, status, publish_at, errors: list[str]) -> str:
    """Apply the state the editor asked for; a refused publish keeps the saved text and says why."""
    published = Article.Status.PUBLISHED
    action = "saved"
    try:
        if status == published and previous_status != published:
            return make_live(article=article, publish_at=publish_at, user=user)
        if status == published and publish_at is not None and publish_at != previous_time:
            if user is None or can_publish(user):
                reschedule(article=article, publish_at=publish_at, user=user)
                return "scheduled"
            return action
        if previous_status == published and status != published:
            take_down(article=article, status=status, user=user)
            action = "unpublished"
        elif status != previous_status:
            article.status = status
            Article.objects.filter(pk=article.pk).update(status=status)
            if status == Article.Status.IN_REVIEW:
                audit(article, AuditEntry.Action.SUBMIT, user)
            elif previous_status == Article.Status.IN_REVIEW and status == Article.Status.DRAFT:
                audit(article, AuditEntry.Action.RETURN, user)
        # Outside publishing, the time is a plan (or cleared); only editors move it.
        keeps_time = article.status == published and publish_at is None
        if publish_at != previous_time and not keeps_time and (user is None or can_publish(user)):
            article.publish_at = publish_at
            Article.objects.filter(pk=article.pk).update(publish_at=publish_at)
    except ValidationError as error:
        errors.append(f"Saved, but not published: {' '.join(error.messages)}")
    return action


@transaction.atomic
def article_merge_save(*, article: Article, base_version: int, headline: str, dek: str, body: str, user) -> Article:
    """Save text merged on the conflict page over the current version."""
    article.headline, article.dek, article.body = headline, dek, body
    article.full_clean(exclude=["slug"])
    article_save(
        article=article,
        user=user,
        base_version=base_version,
        status=None,
        note="Merged after a conflict",
        fields={},
    )
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


def article_keep_old_slug(*, article: Article, old_slug: str) -> None:
    """After a slug change, the old address of an article readers have seen keeps working."""
    SlugRedirect.objects.filter(old_slug=article.slug).delete()
    if old_slug and old_slug != article.slug and article.publish_at is not None:
        SlugRedirect.objects.update_or_create(old_slug=old_slug, defaults={"article": article})


@transaction.atomic
def article_set_spoiler_scope(*, article: Article, scope: SpoilerScope, severity: str, user=None) -> Article:
    """Make ``scope`` the article's only spoiler tag, then derive everything again."""

    def replace_tags():
        ArticleSpoiler.objects.filter(content_object=article).exclude(tag=scope).delete()
        ArticleSpoiler.objects.update_or_create(content_object=article, tag=scope, defaults={"severity": severity})

    article_save(
        article=article,
        user=user,
        base_version=article.version,
        save_related=replace_tags,
        analyse=False,
        note=f"Spoiler scope set to {scope.name}",
    )
    return article


# Changes to a live article saved for later ---------------------------------------------------

# What a save for later keeps apart from the live article: its own fields and its coverage (works,
# people, topic tags). Bylines, spoiler tags, quotes and corrections are decided on the live
# article when they are saved: they say who wrote it, what it gives away and what it quotes.
PENDING_FIELDS = [name for name in FIELDS if name not in WORKFLOW_FIELDS]
PENDING_COVERAGE = ("works", "people", "tags")


@transaction.atomic
def article_save_for_later(
    *, article: Article, user, base_version: int | None, coverage: dict, save_related: Callable[[], bool] | None = None
) -> SaveResult:
    """Keep the edits to a live article apart until they are published; readers see the live one.

    ``article`` carries the edited values (a form's) and ``coverage`` the edited works, people and
    tags (``{"works": [ids], "people": [ids], "tags": [names]}``); they are recorded as a draft
    revision, which the article points to, while the row keeps what readers see. ``save_related``
    writes what is decided on the live article at once (bylines, spoiler tags, quotes,
    corrections) and says whether it changed anything; if so the live article is rendered again,
    its modified time moves and the change is announced. The version moves as with any save.
    """
    stored = Article.objects.select_for_update().get(pk=article.pk)
    check_edit(user, stored)
    if not article_is_live(stored):
        raise ValidationError("Only a live article keeps changes for later; this one is saved as it is.")
    edited = field_values(article)
    article_claim_version(article=stored, base_version=base_version, fields=edited)
    live_changed = bool(save_related()) if save_related is not None else False
    result = SaveResult(article=stored, action="saved for later")
    if live_changed:
        stored.save(update_fields=["updated_at"])
        result.warnings = article_render(article=stored)
        quote_cards_refresh(article=stored)
    data = snapshot(stored)
    data["fields"].update({name: edited[name] for name in PENDING_FIELDS})
    data["works"] = sorted(int(pk) for pk in coverage.get("works", data["works"]))
    data["people"] = sorted(int(pk) for pk in coverage.get("people", data["people"]))
    data["tags"] = sorted(coverage.get("tags", data["tags"]))
    revision = revision_record(
        article=stored,
        user=user,
        kind=Revision.Kind.DRAFT,
        note="Changes saved for later; readers see the published version",
        data=data,
    )
    Article.objects.filter(pk=stored.pk).update(pending_changes=revision)
    stored.pending_changes = revision
    audit(stored, AuditEntry.Action.CHANGES_SAVED, user)
    if live_changed:
        article_changed_notice(article=stored, action="saved")
    article.version, article.pending_changes = stored.version, revision
    return result


@transaction.atomic
def article_discard_changes(*, article: Article, user, base_version: int | None = None) -> Article:
    """Drop a live article's unpublished changes; the draft revision stays in the history."""
    article.refresh_from_db(from_queryset=Article.objects.select_for_update())
    check_edit(user, article)
    if article.pending_changes_id is None:
        raise ValidationError(f"“{article}” has no unpublished changes.")
    article_claim_version(
        article=article, base_version=article.version if base_version is None else base_version, fields={}
    )
    Article.objects.filter(pk=article.pk).update(pending_changes=None)
    article.pending_changes = None
    audit(article, AuditEntry.Action.CHANGES_DISCARDED, user)
    return article
