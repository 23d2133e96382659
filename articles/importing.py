"""Turning pasted or imported text into draft articles, with everything the analyser found.

Used by the ``import_articles`` command and the admin's "paste an article" page. Reading a file
and refusing bad ones is here too, so both doors explain problems the same way.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from articles.analysis import analyse_pasted, people_generation, rolled_back_to
from articles.models import Article, ArticleSpoiler, Byline, Quote, SpoilerScope
from articles.services import Decisions, article_proposals, article_save, proposals_apply
from articles.text.analyse import Analysis
from cms.slugs import free_slug
from people.models import Person, Work

MAX_BYTES = 2 * 1024 * 1024


class ImportRefused(ValueError):
    """A file that cannot be imported; the message names the file and says why."""


@dataclass
class ImportResult:
    source: str
    analysis: Analysis | None = None
    article: Article | None = None
    notes: list[str] = field(default_factory=list)
    error: str | None = None


def read_text(path: Path) -> tuple[str, list[str]]:
    """The file's text and any notes about how it was read; refuses what is not an article."""
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportRefused(f"{name}: cannot be read ({error.strerror}).") from error
    return decode(data, name)


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    if not data.strip():
        raise ImportRefused(f"{name}: the file is empty.")
    if len(data) > MAX_BYTES:
        raise ImportRefused(
            f"{name}: the file is {len(data) / 1024 / 1024:.1f} MB; an article may be at most "
            f"{MAX_BYTES // 1024 // 1024} MB of text."
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, notes = data.decode("utf-16"), [f"{name}: read as UTF-16."]
    else:
        try:
            text, notes = data.decode("utf-8-sig"), []
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as error:
                raise ImportRefused(
                    f"{name}: the file is neither UTF-8 nor Windows-1252 text (byte {error.start} cannot be read)."
                ) from error
            notes = [f"{name}: not UTF-8; read as Windows-1252."]
    if "\x00" in text or _control_share(text) > 0.01:
        raise ImportRefused(f"{name}: this looks like a binary file, not text.")
    return text.replace("\r\n", "\n").replace("\r", "\n"), notes


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / max(len(text), 1)


def works_mentioned(text: str) -> list[Work]:
    """Works whose title appears in the text, longest titles first, so the analyser prefers
    the people credited on them."""
    return [work for work in Work.objects.order_by("-year") if work.title and work.title in text]


def analyse_text(text: str) -> tuple[Analysis, list[Work]]:
    works = works_mentioned(text)
    return analyse_pasted(text, works), works


def import_text(
    text: str, *, source: str, publish: bool = False, dry_run: bool = False, user=None, create_people: bool = False
) -> ImportResult:
    """Create one article from ``text`` in its own transaction; a dry run rolls it back.

    The article is saved through the editorial core like any other: ``publish`` asks the core to
    publish it, with the same requirements, audit entry and revision as the admin's button, and
    ``user`` (the editor pasting, or nobody for the command line) is checked and recorded.
    ``create_people`` accepts every person and credit the article introduces, as an editor
    would on its "People in this article" page.
    """
    result = ImportResult(source=source)
    generation = people_generation()
    try:
        return _import_text(text, result, publish=publish, dry_run=dry_run, user=user, create_people=create_people)
    except Exception:
        rolled_back_to(generation)
        raise
    finally:
        if dry_run:
            rolled_back_to(generation)


def _import_text(
    text: str, result: ImportResult, *, publish: bool, dry_run: bool, user, create_people: bool
) -> ImportResult:
    with transaction.atomic():
        analysis, works = analyse_text(text)
        result.analysis = analysis
        result.article, problems = _create_article(analysis, works, publish=publish, user=user)
        result.notes.extend(f"{result.source}: {problem}" for problem in problems)
        if create_people:
            proposals = article_proposals(article=result.article)
            if proposals:
                applied = proposals_apply(article=result.article, user=user, decisions=Decisions.accept_all(proposals))
                result.notes.append(f"{result.source}: people: {applied.summary()}.")
        if dry_run:
            transaction.set_rollback(True)
    return result


def _create_article(analysis: Analysis, works: list[Work], *, publish: bool, user=None) -> tuple[Article, list[str]]:
    article = Article(
        kind=analysis.kind if analysis.kind in Article.Kind.values else Article.Kind.NEWS,
        headline=analysis.title[:300] or "Untitled import",
        slug=free_slug(Article.objects.all(), analysis.title, fallback="imported-article"),
        body=_body(analysis),
        status=Article.Status.DRAFT,
    )
    article.full_clean()

    def save_related() -> None:
        article.works.set(works)
        _add_bylines(article, analysis)
        _add_quotes(article, analysis)
        _add_spoiler_tag(article, analysis, works)

    result = article_save(
        article=article,
        user=user,
        status=Article.Status.PUBLISHED if publish else Article.Status.DRAFT,
        publish_at=None,
        save_related=save_related,
        analyse=False,
        note="Imported",
    )
    return article, result.errors


def _add_bylines(article: Article, analysis: Analysis) -> None:
    for position, (name, key) in enumerate(zip(analysis.bylines, analysis.byline_keys, strict=False)):
        author = Person.objects.filter(slug=key).first() if key else None
        author = author or Person.objects.matching_name(name).first() or Person.objects.create_named(name)
        Byline.objects.get_or_create(
            article=article, person=author, defaults={"label": analysis.byline_label or "", "position": position}
        )


def _add_quotes(article: Article, analysis: Analysis) -> None:
    people = Person.objects.in_bulk([q.speaker_key for q in analysis.quotes if q.speaker_key], field_name="slug")
    Quote.objects.bulk_create(
        Quote(
            article=article,
            words=found.text,
            speaker=people.get(found.speaker_key) if found.speaker_key else None,
            speaker_name=found.speaker_name or found.speaker_written or Quote.UNATTRIBUTED,
            confidence=round(found.confidence, 2),
            position=position,
            candidates=list(found.candidate_names),
        )
        for position, found in enumerate(analysis.quotes)
    )


def _add_spoiler_tag(article: Article, analysis: Analysis, works: list[Work]) -> None:
    spoiler = analysis.spoiler
    if not spoiler.flagged:
        return
    work = next((w for w in works if w.title == spoiler.work), works[0] if works else None)
    if work is None:
        return
    scope = SpoilerScope.objects.for_numbers(
        work=work, season_number=spoiler.season, episode_number=spoiler.episode if spoiler.season else None
    )
    severity = (
        ArticleSpoiler.Severity.MINOR if "minor" in (spoiler.warning or "").lower() else ArticleSpoiler.Severity.MAJOR
    )
    ArticleSpoiler.objects.create(content_object=article, tag=scope, severity=severity)


def _body(analysis: Analysis) -> str:
    """The paragraphs as Markdown; text after a "spoilers follow" warning goes in a spoiler section."""
    paragraphs = list(analysis.paragraphs)
    start = analysis.spoiler.follows_from_paragraph
    if start is not None and 0 <= start < len(paragraphs):
        return "\n\n".join([*paragraphs[:start], "::: spoiler", *paragraphs[start:], ":::"])
    return "\n\n".join(paragraphs)


def as_json(result: ImportResult) -> dict:
    """The import command's JSON contract for one file (see docs/editors.md, "Importing articles")."""
    analysis = result.analysis
    if analysis is None:
        return {
            "file": result.source,
            "title": None,
            "kind": None,
            "bylines": [],
            "image_credits": [],
            "spoiler": {"flagged": False, "warning": None, "work": None, "season": None, "episode": None},
            "quotes": [],
            "qa_turns": [],
            "credits": [],
            "new_people": [],
            "errors": [result.error or "not imported"],
        }
    names = {
        p.slug: p.name
        for p in Person.objects.filter(
            slug__in=[
                k
                for k in [
                    *analysis.byline_keys,
                    *(q.speaker_key for q in analysis.quotes),
                    *(t.speaker_key for t in analysis.qa_turns),
                    *(c.person_key for c in analysis.credits),
                ]
                if k
            ]
        )
    }
    interviewer = (
        names.get(analysis.byline_keys[0])
        if analysis.byline_keys and analysis.byline_keys[0]
        else (analysis.bylines[0] if analysis.bylines else None)
    )
    return {
        "file": result.source,
        "title": analysis.title,
        "kind": analysis.kind,
        "bylines": [
            names.get(key, name) if key else name
            for name, key in zip(analysis.bylines, analysis.byline_keys, strict=False)
        ],
        "image_credits": list(analysis.image_credits),
        "spoiler": {
            "flagged": analysis.spoiler.flagged,
            "warning": analysis.spoiler.warning,
            "work": analysis.spoiler.work,
            "season": analysis.spoiler.season,
            "episode": analysis.spoiler.episode,
        },
        "quotes": [
            {
                "text": q.text,
                "speaker": names.get(q.speaker_key) if q.speaker_key else (q.speaker_name or q.speaker_written),
                "new": q.new,
                "candidates": list(q.candidate_names),
                "character": q.character,
                "confidence": round(q.confidence, 2),
            }
            for q in analysis.quotes
        ],
        "qa_turns": [
            {
                "role": t.role,
                "label": t.label,
                "speaker": (
                    interviewer
                    if t.role == "question"
                    else (names.get(t.speaker_key) if t.speaker_key else (t.speaker_name or t.speaker_written))
                ),
                "new": t.new and t.role != "question",
                "text": t.text,
            }
            for t in analysis.qa_turns
        ],
        "credits": [
            {
                "person": names.get(c.person_key, c.person) if c.person_key else c.person,
                "new": c.new,
                "character": c.character,
                "work": c.work,
            }
            for c in analysis.credits
        ],
        "new_people": list(analysis.introduced),
        "errors": [*result.notes, *analysis.errors, *([result.error] if result.error else [])],
    }
