"""Article revisions: snapshots of everything an editor can change, diffs between them, restores.

A snapshot is plain JSON so that a revision outlives the rows it mentions: a person deleted since
keeps their name in the snapshot, and restoring such a quote keeps the words and asks for a
speaker instead of failing.
"""

import re
from difflib import SequenceMatcher

from django.apps import apps
from django.db import transaction
from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.text import capfirst

from articles.models import Article, Quote, Revision

FIELDS = [
    "kind",
    "headline",
    "slug",
    "dek",
    "body",
    "status",
    "publish_at",
    "hero_image",
    "rating",
    "rating_scale",
    "verdict",
    "reviewed_work",
    "reviewed_season",
    "reviewed_episode",
]


def plain_value(value):
    if hasattr(value, "pk"):
        return value.pk
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if value is not None and not isinstance(value, (str, int, float, bool)):
        return str(value)
    return value


def field_values(source) -> dict:
    """The editable fields of an article, or of a form's cleaned data, as JSON values."""
    get = source.get if isinstance(source, dict) else lambda name: getattr(source, name)
    return {name: plain_value(get(name)) for name in FIELDS}


def snapshot(article: Article) -> dict:
    """Everything an editor can change about ``article``, as saved now."""
    return {
        "fields": field_values(article),
        "works": sorted(article.works.values_list("pk", flat=True)),
        "people": sorted(article.people.values_list("pk", flat=True)),
        "tags": sorted(article.tags.names()),
        "bylines": [
            {"person": b.person_id, "person_name": b.person.name, "label": b.label, "position": b.position}
            for b in article.bylines.select_related("person")
        ],
        "quotes": [
            {
                "words": q.words,
                "speaker": q.speaker_id,
                "speaker_name": q.speaker.name if q.speaker_id else q.speaker_name,
                "character": q.character_id,
                "status": q.status,
                "confidence": q.confidence,
                "position": q.position,
            }
            for q in article.quotes.select_related("speaker").order_by("position", "pk")
        ],
        "spoilers": [
            {
                "work": item.tag.work_id,
                "work_title": item.tag.work.title,
                "season": item.tag.season_number,
                "episode": item.tag.episode_number,
                "severity": item.severity,
            }
            for item in article.spoiler_items.select_related("tag__work").order_by("pk")
        ],
        "corrections": [
            {"note": c.note, "corrected_at": c.corrected_at.isoformat()} for c in article.corrections.order_by("pk")
        ],
    }


def revision_record(
    *, article: Article, user=None, kind: str = Revision.Kind.SAVE, note: str = "", data=None
) -> Revision:
    return Revision.objects.create(
        article=article,
        kind=kind,
        version=article.version,
        data=data if data is not None else snapshot(article),
        created_by=user if getattr(user, "is_authenticated", False) else None,
        created_at=timezone.now(),
        note=note,
    )


# Diffs --------------------------------------------------------------------------------------

# Fields whose stored value is the primary key of a row, and the model that row lives in.
REFERENCE_FIELDS = {
    "hero_image": "images.Image",
    "reviewed_work": "people.Work",
    "reviewed_season": "people.Season",
    "reviewed_episode": "people.Episode",
}
# What a restore leaves alone: publishing has its own rules per role and its own audit entries.
WORKFLOW_FIELDS = ("status", "publish_at")
COLLECTIONS = ["works", "people", "tags", "bylines", "quotes", "spoilers", "corrections"]
COLLECTION_NAMES = {
    "works": ("work", "works"),
    "people": ("person", "people"),
    "tags": ("tag", "tags"),
    "bylines": ("byline", "bylines"),
    "quotes": ("quote", "quotes"),
    "spoilers": ("spoiler tag", "spoiler tags"),
    "corrections": ("correction", "corrections"),
}
EMPTY = "—"


def paragraphs(body: str | None) -> list[str]:
    """The body's paragraphs: blocks of text between blank lines."""
    text = (body or "").replace("\r\n", "\n").strip()
    return [block.strip() for block in re.split(r"\n[ \t]*\n", text) if block.strip()] if text else []


def body_diff(old_body: str | None, new_body: str | None) -> list[dict]:
    """The body compared paragraph by paragraph, as SequenceMatcher opcodes with their paragraphs."""
    old, new = paragraphs(old_body), paragraphs(new_body)
    return [
        {"op": op, "old": old[i1:i2], "new": new[j1:j2]}
        for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    ]


def changed_paragraphs(ops: list[dict]) -> int:
    return sum(max(len(op["old"]), len(op["new"])) for op in ops if op["op"] != "equal")


def snapshot_names(*snapshots: dict) -> dict[str, dict[int, str]]:
    """Names for the rows the snapshots mention by id (works, people, images, seasons, episodes).

    One query per kind of row, whatever the number of snapshots, so a page can label several diffs.
    """
    wanted: dict[str, set[int]] = {label: set() for label in {*REFERENCE_FIELDS.values(), "people.Person"}}
    for data in snapshots:
        if not data:
            continue
        for name, label in REFERENCE_FIELDS.items():
            if data.get("fields", {}).get(name):
                wanted[label].add(data["fields"][name])
        wanted["people.Work"].update(data.get("works", []))
        wanted["people.Person"].update(data.get("people", []))
    related = {"people.Season": ["work"], "people.Episode": ["season__work"]}
    names = {}
    for label, ids in wanted.items():
        if not ids:
            names[label] = {}
            continue
        queryset = apps.get_model(label).objects.filter(pk__in=ids).select_related(*related.get(label, []))
        names[label] = {row.pk: str(row) for row in queryset}
    return names


def _reference(names: dict | None, label: str, pk) -> str:
    if pk in (None, ""):
        return EMPTY
    if names is None:
        return f"#{pk}"
    return names.get(label, {}).get(pk) or f"#{pk} (deleted)"


def _field_label(name: str) -> str:
    return capfirst(Article._meta.get_field(name).verbose_name)


def _field_display(name: str, value, names: dict | None) -> str:
    if value in (None, ""):
        return EMPTY
    if name in REFERENCE_FIELDS:
        return _reference(names, REFERENCE_FIELDS[name], value)
    choices = Article._meta.get_field(name).choices
    if choices:
        labels = {str(key): label for key, label in choices}
        return str(labels.get(str(value), value))
    if name == "publish_at":
        moment = parse_datetime(value) if isinstance(value, str) else None
        return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else str(value)
    return str(value)


def short_words(words: str, length: int = 60) -> str:
    words = " ".join((words or "").split())
    return f"“{words}”" if len(words) <= length else f"“{words[: length - 1]}…”"


def _compare(old: list, new: list, key, label, changes) -> dict:
    """Items added, removed and changed between two lists, matched by ``key``.

    An item that occurs twice under the same key is matched occurrence by occurrence.
    """

    def keyed(items):
        seen: dict = {}
        result = {}
        for item in items:
            k = key(item)
            seen[k] = seen.get(k, 0) + 1
            result[(k, seen[k])] = item
        return result

    before, after = keyed(old or []), keyed(new or [])
    changed = []
    for k in before.keys() & after.keys():
        notes = changes(before[k], after[k])
        if notes:
            changed.append(f"{label(after[k])}: {'; '.join(notes)}")
    return {
        "added": [label(after[k]) for k in after if k not in before],
        "removed": [label(before[k]) for k in before if k not in after],
        "changed": sorted(changed),
    }


def _was(name: str, old, new) -> str:
    return f"{name} {old or EMPTY} → {new or EMPTY}"


def _byline_changes(old: dict, new: dict) -> list[str]:
    notes = []
    if old.get("label") != new.get("label"):
        notes.append(_was("label", old.get("label"), new.get("label")))
    if old.get("position") != new.get("position"):
        notes.append(_was("order", old.get("position"), new.get("position")))
    return notes


def _quote_changes(old: dict, new: dict) -> list[str]:
    notes = []
    if (old.get("speaker"), old.get("speaker_name")) != (new.get("speaker"), new.get("speaker_name")):
        notes.append(_was("speaker", old.get("speaker_name"), new.get("speaker_name")))
    if old.get("status") != new.get("status"):
        statuses = dict(Quote.Status.choices)
        notes.append(_was("status", statuses.get(old.get("status")), statuses.get(new.get("status"))))
    if old.get("character") != new.get("character"):
        notes.append("character changed")
    return notes


def spoiler_label(item: dict) -> str:
    code = ""
    if item.get("season"):
        code = f" S{item['season']}" + (f"E{item['episode']}" if item.get("episode") else "")
    return f"{item.get('work_title', '#' + str(item.get('work')))}{code or ' (whole work)'}"


def _date(value) -> str:
    moment = parse_datetime(value) if isinstance(value, str) else None
    return timezone.localtime(moment).strftime("%Y-%m-%d") if moment else str(value)


def _differs(old, new) -> bool:
    """Whether a field changed; an empty value and a missing one are the same to an editor."""
    return (old if old not in (None, "") else None) != (new if new not in (None, "") else None)


def revision_diff(old: dict | None, new: dict, names: dict | None = None) -> dict:
    """What changed from snapshot ``old`` to snapshot ``new``.

    Pure: it runs no queries. Works, people and the other rows a snapshot names by id are shown as
    ``#id`` unless ``names`` (from ``snapshot_names``) gives their names.
    """
    old = old or {}
    old_fields, new_fields = old.get("fields", {}), new.get("fields", {})
    fields = [
        {
            "name": name,
            "label": _field_label(name),
            "old": _field_display(name, old_fields.get(name), names),
            "new": _field_display(name, new_fields.get(name), names),
        }
        for name in FIELDS
        if name != "body" and _differs(old_fields.get(name), new_fields.get(name))
    ]
    body = body_diff(old_fields.get("body"), new_fields.get("body"))
    if old:
        # A snapshot without a section (a refused conflict save keeps only the fields) says nothing
        # about it: compare only what both snapshots recorded.
        old = {**{name: new.get(name) for name in COLLECTIONS}, **old}
        new = {**{name: old.get(name) for name in COLLECTIONS}, **new}
    return {
        "fields": fields,
        "body": body,
        "body_changed": changed_paragraphs(body),
        "works": _compare(
            old.get("works"),
            new.get("works"),
            key=lambda pk: pk,
            label=lambda pk: _reference(names, "people.Work", pk),
            changes=lambda a, b: [],
        ),
        "people": _compare(
            old.get("people"),
            new.get("people"),
            key=lambda pk: pk,
            label=lambda pk: _reference(names, "people.Person", pk),
            changes=lambda a, b: [],
        ),
        "tags": _compare(old.get("tags"), new.get("tags"), key=str.casefold, label=str, changes=lambda a, b: []),
        "bylines": _compare(
            old.get("bylines"),
            new.get("bylines"),
            key=lambda b: b.get("person") or b.get("person_name"),
            label=lambda b: b.get("person_name") or f"#{b.get('person')}",
            changes=_byline_changes,
        ),
        "quotes": _compare(
            old.get("quotes"),
            new.get("quotes"),
            key=lambda q: q.get("words"),
            label=lambda q: short_words(q.get("words")),
            changes=_quote_changes,
        ),
        "spoilers": _compare(
            old.get("spoilers"),
            new.get("spoilers"),
            key=lambda s: (s.get("work"), s.get("season"), s.get("episode")),
            label=spoiler_label,
            changes=lambda a, b: (
                [_was("severity", a.get("severity"), b.get("severity"))]
                if a.get("severity") != b.get("severity")
                else []
            ),
        ),
        "corrections": _compare(
            old.get("corrections"),
            new.get("corrections"),
            key=lambda c: c.get("corrected_at"),
            label=lambda c: f"of {_date(c.get('corrected_at'))}",
            changes=lambda a, b: ["note reworded"] if a.get("note") != b.get("note") else [],
        ),
    }


def change_summary(old: dict | None, new: dict) -> str:
    """One line for the history list, e.g. "headline, body (3 paragraphs), 2 quotes"."""
    if not old:
        return "first revision"
    diff = revision_diff(old, new)
    labels = {field["name"]: field["label"].lower() for field in diff["fields"]}
    parts = []
    for name in FIELDS:
        if name == "body" and diff["body_changed"]:
            count = diff["body_changed"]
            parts.append(f"body ({count} paragraph{'' if count == 1 else 's'})")
        elif name in labels:
            parts.append(labels[name])
    for name in COLLECTIONS:
        count = sum(len(items) for items in diff[name].values())
        if count:
            singular, plural = COLLECTION_NAMES[name]
            parts.append(f"{count} {singular if count == 1 else plural}")
    return ", ".join(parts) or "no changes"


# Pruning ------------------------------------------------------------------------------------


def prunable_revisions(*, keep: int, before, include_conflicts: bool = False):
    """Revisions beyond the newest ``keep`` of their article and older than ``before``.

    The newest revision of an article is never among them, and refused conflict saves only when
    ``include_conflicts`` says so: they are someone's work that was never saved anywhere else.
    """
    if keep < 1:
        raise ValueError("Keep at least the newest revision of every article.")
    newest_first = [F("created_at").desc(), F("pk").desc()]
    # Ranked in a subquery of its own, so the age and kind conditions do not change the ranking.
    ranked = Revision.objects.annotate(
        rank=Window(RowNumber(), partition_by=[F("article_id")], order_by=newest_first)
    ).filter(rank__gt=keep)
    prunable = Revision.objects.filter(pk__in=ranked.values("pk"), created_at__lt=before)
    if not include_conflicts:
        prunable = prunable.exclude(kind=Revision.Kind.CONFLICT)
    return prunable


@transaction.atomic
def revision_prune(*, keep: int, before, include_conflicts: bool = False, dry_run: bool = False) -> dict[Article, int]:
    """Delete the prunable revisions (or only count them, with ``dry_run``); returns the count per article."""
    prunable = prunable_revisions(keep=keep, before=before, include_conflicts=include_conflicts)
    counts = dict(prunable.values("article").annotate(count=Count("pk")).order_by().values_list("article", "count"))
    articles = Article.objects.in_bulk(list(counts))
    if not dry_run:
        prunable.delete()
    return {articles[pk]: count for pk, count in counts.items()}
