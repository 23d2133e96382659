"""Restoring a revision: the article takes back what a snapshot recorded, through the core.

Like a save, a restore checks the role, moves the version, renders, derives quote scopes and
cards, records a revision, audits and announces the change once.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from articles.models import Article, ArticleSpoiler, AuditEntry, Byline, Correction, Quote, Revision, SpoilerScope
from articles.revisions import (
    FIELDS,
    REFERENCE_FIELDS,
    WORKFLOW_FIELDS,
    plain_value,
    revision_record,
    short_words,
    spoiler_label,
)
from articles.services.derived import article_changed_notice, article_render, audit, quote_cards_refresh
from articles.services.editing import PENDING_COVERAGE, SaveResult, article_keep_old_slug, article_save
from articles.services.roles import can_publish, check_edit
from articles.services.versions import article_claim_version
from people.models import Character, Person, Work

# Restores -----------------------------------------------------------------------------------

# The speaker given to a quote whose speaker is gone and whose snapshot has no name either.
UNKNOWN_SPEAKER = "(speaker not found)"


@transaction.atomic
def revision_restore(
    *, article: Article, revision: Revision, user=None, base_version: int | None = None
) -> tuple[Revision, list[str]]:
    """Make ``article`` say again what ``revision`` recorded, as a new revision.

    Rows deleted since the revision are skipped with a warning rather than failing the restore; a
    quote whose speaker was deleted keeps its words and goes back to the suggestions, waiting for
    a new speaker. Status and publish time stay as they are: publishing is its own step. A
    contributor restores only their own drafts, like any other edit. Returns the new revision
    and the warnings for the editor.
    """
    if revision.article_id != article.pk:
        raise ValueError("This revision belongs to another article.")
    article.refresh_from_db(from_queryset=Article.objects.select_for_update())
    check_edit(user, article)
    data = revision.data
    warnings: list[str] = []
    old_slug = article.slug
    article_claim_version(
        article=article, base_version=article.version if base_version is None else base_version, fields={}
    )
    if "fields" in data:
        _restore_fields(article, data["fields"], warnings)
    article.save()
    if article.slug != old_slug:
        article_keep_old_slug(article=article, old_slug=old_slug)
    if "works" in data:
        _restore_set(article.works, Work, data["works"], "work covered", "works covered", warnings)
    if "people" in data:
        _restore_set(article.people, Person, data["people"], "person covered", "people covered", warnings)
    if "tags" in data:
        article.tags.set(data["tags"])
    if "bylines" in data:
        _restore_bylines(article, data["bylines"], warnings)
    if "spoilers" in data:
        _restore_spoilers(article, data["spoilers"], warnings)
    if "corrections" in data:
        _restore_corrections(article, data["corrections"])
    if "quotes" in data:
        _restore_quotes(article, data["quotes"], warnings)
    warnings.extend(article_render(article=article))
    quote_cards_refresh(article=article)
    note = f"Restored the revision of {timezone.localtime(revision.created_at):%Y-%m-%d %H:%M}"
    restored = revision_record(article=article, user=user, kind=Revision.Kind.RESTORE, note=note)
    audit(article, AuditEntry.Action.RESTORE, user, note)
    article_changed_notice(article=article, action="restored")
    return restored, warnings


# Unpublished changes to a live article are a snapshot too: shown and published the same way -------


def pending_apply(article: Article) -> tuple[dict, list[str]] | None:
    """Put a live article's unpublished changes on ``article`` (the instance, not the row) as a
    restore would, and return their coverage (works, people, tags) with any warnings; None
    when there are none. A row deleted since is left out, so what is shown still exists."""
    if article.pending_changes_id is None:
        return None
    data = article.pending_changes.data
    warnings: list[str] = []
    _restore_fields(article, data.get("fields", {}), warnings)
    return {name: data[name] for name in PENDING_COVERAGE if name in data}, warnings


@transaction.atomic
def article_publish_changes(*, article: Article, user) -> SaveResult:
    """Make a live article's unpublished changes what readers see, through the save sequence.

    For doors without the article form (a bulk action, an API): the form's own "Publish changes"
    saves what it shows with ``article_save(replaces_pending=True)``.
    """
    if user is not None and not can_publish(user):
        raise PermissionDenied("Only editors can change what readers see.")
    article.refresh_from_db(from_queryset=Article.objects.select_for_update())
    pending = pending_apply(article)
    if pending is None:
        raise ValidationError(f"“{article}” has no unpublished changes.")
    coverage, warnings = pending

    def write_coverage():
        if "works" in coverage:
            _restore_set(article.works, Work, coverage["works"], "work covered", "works covered", warnings)
        if "people" in coverage:
            _restore_set(article.people, Person, coverage["people"], "person covered", "people covered", warnings)
        if "tags" in coverage:
            article.tags.set(coverage["tags"])

    result = article_save(
        article=article,
        user=user,
        base_version=article.version,
        save_related=write_coverage,
        note="Published the changes saved for later",
        replaces_pending=True,
    )
    result.warnings[:0] = warnings
    return result


def _restore_fields(article: Article, values: dict, warnings: list[str]) -> None:
    for name in FIELDS:
        if name not in values or name in WORKFLOW_FIELDS:
            continue
        value = values[name]
        if name in REFERENCE_FIELDS:
            model = apps.get_model(REFERENCE_FIELDS[name])
            if value is not None and not model.objects.filter(pk=value).exists():
                label = Article._meta.get_field(name).verbose_name
                warnings.append(f"The {label} of this revision no longer exists; it is left empty.")
                value = None
            setattr(article, f"{name}_id", value)
            continue
        value = Article._meta.get_field(name).to_python(value)
        if (
            name == "slug"
            and value != article.slug
            and Article.objects.filter(slug=value).exclude(pk=article.pk).exists()
        ):
            warnings.append(f"Another article now uses the slug “{value}”; this article keeps “{article.slug}”.")
            continue
        setattr(article, name, value)
    for name in WORKFLOW_FIELDS:
        if name in values and values[name] != plain_value(getattr(article, name)):
            label = Article._meta.get_field(name).verbose_name
            warnings.append(
                f"The {label} was not restored; publishing, scheduling and unpublishing are separate steps."
            )


def _restore_set(manager, model, ids: list[int], singular: str, plural: str, warnings: list[str]) -> None:
    found = model.objects.in_bulk(ids)
    manager.set(found.values())
    missing = len(set(ids) - found.keys())
    if missing:
        noun, verb = (singular, "exists") if missing == 1 else (plural, "exist")
        warnings.append(f"Skipped {missing} {noun} that no longer {verb}.")


def _restore_bylines(article: Article, items: list[dict], warnings: list[str]) -> None:
    people = Person.objects.in_bulk([item["person"] for item in items if item.get("person")])
    article.bylines.all().delete()
    bylines = []
    for item in items:
        person = people.get(item.get("person"))
        if person is None:
            name = item.get("person_name") or f"#{item.get('person')}"
            warnings.append(f"{name} is no longer in the people database and was left off the byline; add an author.")
            continue
        bylines.append(
            Byline(article=article, person=person, label=item.get("label", ""), position=item.get("position", 0))
        )
    Byline.objects.bulk_create(bylines)


def _restore_spoilers(article: Article, items: list[dict], warnings: list[str]) -> None:
    works = Work.objects.in_bulk([item["work"] for item in items if item.get("work")])
    article.spoiler_items.all().delete()
    for item in items:
        work = works.get(item.get("work"))
        if work is None:
            warnings.append(f"The spoiler tag {spoiler_label(item)} was skipped: its work no longer exists.")
            continue
        scope = SpoilerScope.objects.for_numbers(
            work=work, season_number=item.get("season"), episode_number=item.get("episode")
        )
        ArticleSpoiler.objects.get_or_create(
            content_object=article,
            tag=scope,
            defaults={"severity": item.get("severity") or ArticleSpoiler.Severity.MAJOR},
        )


def _restore_corrections(article: Article, items: list[dict]) -> None:
    article.corrections.all().delete()
    Correction.objects.bulk_create(
        Correction(article=article, note=item["note"], corrected_at=parse_datetime(item["corrected_at"]))
        for item in items
    )


def _restore_quotes(article: Article, items: list[dict], warnings: list[str]) -> None:
    """Bring back the snapshot's quotes, reusing rows with the same words so their pages keep their address."""
    speakers = Person.objects.in_bulk([item["speaker"] for item in items if item.get("speaker")])
    characters = Character.objects.in_bulk([item["character"] for item in items if item.get("character")])
    existing = list(article.quotes.all())
    kept: set[int] = set()
    for item in items:
        speaker = speakers.get(item.get("speaker"))
        name = item.get("speaker_name") or ""
        status = item.get("status") or Quote.Status.SUGGESTED
        if item.get("speaker") and speaker is None:
            status = Quote.Status.SUGGESTED
            warnings.append(
                f"The quote {short_words(item['words'])} was attributed to {name or 'someone'}, "
                "who is no longer in the people database: the words are kept as a suggestion; ask for a new speaker."
            )
        if speaker is None:
            status = Quote.Status.SUGGESTED if status == Quote.Status.CONFIRMED else status
            name = name.strip() or UNKNOWN_SPEAKER
        values = {
            "speaker": speaker,
            "character": characters.get(item.get("character")),
            "status": status,
            "confidence": item.get("confidence", 1.0),
            "position": item.get("position", 0),
        }
        quote = next((q for q in existing if q.pk not in kept and q.words == item["words"]), None)
        if quote is None:
            Quote.objects.create(article=article, words=item["words"], speaker_name=name, **values)
            continue
        kept.add(quote.pk)
        # Keep the name as the article prints it when the speaker is the same person.
        if speaker is None or quote.speaker_id != speaker.pk:
            values["speaker_name"] = name
        for field, value in values.items():
            setattr(quote, field, value)
        quote.missing_from_body = False
        quote.save()
    removed = [quote for quote in existing if quote.pk not in kept]
    cards = [(quote.card.storage, quote.card.name) for quote in removed if quote.card]
    Quote.objects.filter(pk__in=[quote.pk for quote in removed]).delete()
    # Card files go only once the restore is committed, so a rolled-back restore keeps them.
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in cards])
