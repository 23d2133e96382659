"""Demo content: the series *Tiny Pretty Things*, its people, and articles written for Callboard.

``load()`` is idempotent: every row is looked up by its natural key and written only when it
differs from the data file, so a second run changes nothing.
"""

import io
import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models, transaction
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from articles import services
from articles.models import Article, ArticleSpoiler, Byline, Quote, SpoilerScope
from images.models import Image
from images.services import image_save
from people.models import Character, Credit, Episode, Person, PersonAlias, PersonLink, Season, Work

DATA_FILE = Path(__file__).with_name("tiny_pretty_things.json")
DEMO_CREDIT = "Callboard demo art"


@dataclass
class Report:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    changes: list[str] = field(default_factory=list)

    def note(self, outcome: str, label: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)
        if outcome != "unchanged":
            self.changes.append(f"{outcome} {label}")


def _same(instance: models.Model, name: str, value) -> bool:
    model_field = instance._meta.get_field(name)
    if model_field.is_relation:
        return getattr(instance, model_field.attname) == (value.pk if value is not None else None)
    return getattr(instance, name) == value


def upsert(model: type[models.Model], report: Report, lookup: dict, values: dict) -> models.Model:
    """Create the row, or update the fields that differ; leave an identical row untouched."""
    instance = model.objects.filter(**lookup).first()
    label = f"{model._meta.verbose_name} {next(iter(lookup.values()))}"
    if instance is None:
        instance = model(**lookup, **values)
        instance.full_clean()
        instance.save()
        report.note("created", label)
        return instance
    changed = [name for name, value in values.items() if not _same(instance, name, value)]
    if not changed:
        report.note("unchanged", label)
        return instance
    for name in changed:
        setattr(instance, name, values[name])
    instance.full_clean()
    instance.save()
    report.note("updated", label)
    return instance


def replace_rows(model: type[models.Model], report: Report, parent: dict, wanted: list[dict], label: str) -> None:
    """Make the child rows of ``parent`` exactly ``wanted``, touching nothing if they already are."""
    fields = list(wanted[0]) if wanted else []
    existing = list(model.objects.filter(**parent).order_by("pk"))

    def row(values: dict) -> tuple:
        return tuple(v.pk if isinstance(v, models.Model) else v for v in (values[name] for name in fields))

    current = [tuple(getattr(obj, model._meta.get_field(name).attname) for name in fields) for obj in existing]
    if current == [row(values) for values in wanted]:
        report.note("unchanged", label)
        return
    model.objects.filter(**parent).delete()
    for values in wanted:
        instance = model(**parent, **values)
        instance.full_clean()
        instance.save()
    report.note("updated", label)


def demo_picture(title: str, size: tuple[int, int], hue: int) -> ContentFile:
    """A plain, generated picture: a two-tone field with the title, so the demo needs no photos."""
    width, height = size
    picture = PILImage.new("RGB", size)
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        shade = int(40 + 80 * y / height)
        draw.line([(0, y), (width, y)], fill=((hue + shade) % 256, shade // 2, (hue * 3 + shade) % 256))
    font = ImageFont.load_default(size=max(18, width // 18))
    draw.multiline_text((width // 12, height // 2), title, fill=(250, 246, 240), font=font, spacing=8)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=85)
    return ContentFile(buffer.getvalue())


def demo_image(report: Report, key: str, title: str, alt_text: str, size: tuple[int, int], hue: int) -> Image:
    image = Image.objects.filter(title=key, credit=DEMO_CREDIT).first()
    if image is not None:
        report.note("unchanged", f"image {key}")
        return image
    image = Image(title=key, alt_text=alt_text, credit=DEMO_CREDIT, licence="Generated for the demo site")
    upload = SimpleUploadedFile(f"{key.replace(':', '-')}.jpg", demo_picture(title, size, hue).read())
    image_save(image=image, upload=upload)
    report.note("created", f"image {key}")
    return image


def load_people(data: dict, report: Report) -> dict[str, Person]:
    people = {}
    for entry in data["people"]:
        person = upsert(Person, report, {"slug": entry["slug"]}, {"name": entry["name"], "bio": entry.get("bio", "")})
        people[person.slug] = person
        replace_rows(
            PersonAlias,
            report,
            {"person": person},
            [{"name": name} for name in entry.get("aliases", [])],
            f"spellings of {person.slug}",
        )
        replace_rows(
            PersonLink,
            report,
            {"person": person},
            [{"kind": link["kind"], "value": link["value"]} for link in entry.get("links", [])],
            f"links of {person.slug}",
        )
    return people


def load_works(data: dict, report: Report, people: dict[str, Person]) -> dict[str, Work]:
    works = {}
    # Sources first, so "based on" can point at them.
    for entry in sorted(data["works"], key=lambda work: work.get("based_on") is not None):
        values = {
            "title": entry["title"],
            "kind": entry["kind"],
            "year": entry.get("year"),
            "network": entry.get("network", ""),
            "premiere_date": _date(entry.get("premiere_date")),
            "synopsis": entry.get("synopsis", ""),
            "based_on": works[entry["based_on"]] if entry.get("based_on") else None,
        }
        work = upsert(Work, report, {"slug": entry["slug"]}, values)
        works[work.slug] = work
        if entry["kind"] == Work.Kind.SERIES:
            poster = demo_image(
                report, f"demo:poster:{work.slug}", work.title, f"Poster art for {work.title}", (600, 900), 150
            )
            upsert(Work, report, {"slug": work.slug}, {"poster": poster})
        for season_entry in entry.get("seasons", []):
            season = upsert(
                Season,
                report,
                {"work": work, "number": season_entry["number"]},
                {"title": season_entry.get("title", ""), "premiere_date": _date(season_entry.get("premiere_date"))},
            )
            for episode_entry in season_entry.get("episodes", []):
                upsert(
                    Episode,
                    report,
                    {"season": season, "number": episode_entry["number"]},
                    {"title": episode_entry.get("title", ""), "air_date": _date(episode_entry.get("air_date"))},
                )
        characters = {}
        for character_entry in entry.get("characters", []):
            character = upsert(
                Character,
                report,
                {"work": work, "slug": character_entry["slug"]},
                {"name": character_entry["name"], "description": character_entry.get("description", "")},
            )
            characters[character.slug] = character
        for credit_entry in entry.get("credits", []):
            character = characters[credit_entry["character"]] if credit_entry.get("character") else None
            upsert(
                Credit,
                report,
                {
                    "person": people[credit_entry["person"]],
                    "work": work,
                    "role": credit_entry["role"],
                    "character": character,
                },
                {"billing": credit_entry.get("billing", 100), "note": credit_entry.get("note", "")},
            )
    return works


def load_articles(data: dict, report: Report, people: dict[str, Person], works: dict[str, Work], now: datetime) -> None:
    for index, entry in enumerate(data["articles"]):
        existing = Article.objects.filter(slug=entry["slug"]).first()
        review = entry.get("review") or {}
        reviewed_work = works[review["work"]] if review.get("work") else None
        reviewed_season = (
            Season.objects.get(work=reviewed_work, number=review["season"]) if review.get("season") else None
        )
        reviewed_episode = (
            Episode.objects.get(season=reviewed_season, number=review["episode"]) if review.get("episode") else None
        )
        status, publish_at = entry["status"], _publish_at(entry.get("publish_at"), existing, now)
        values = {
            "kind": entry["kind"],
            "headline": entry["headline"],
            "dek": entry.get("dek", ""),
            "body": entry["body"],
            "rating": Decimal(str(review["rating"])) if review.get("rating") is not None else None,
            "rating_scale": review.get("scale", Article.RatingScale.FIVE),
            "verdict": review.get("verdict", ""),
            "reviewed_work": reviewed_work,
            "reviewed_season": reviewed_season,
            "reviewed_episode": reviewed_episode,
        }
        if entry["status"] == Article.Status.PUBLISHED:
            values["hero_image"] = demo_image(
                report,
                f"demo:hero:{entry['slug']}",
                _wrap(entry["headline"]),
                f"Title card reading “{entry['headline']}”",
                (1280, 720),
                40 * index,
            )
        article = existing or Article(slug=entry["slug"])
        changed = [name for name, value in values.items() if existing is None or not _same(article, name, value)]
        for name in changed:
            setattr(article, name, values[name])
        if changed:
            article.full_clean(exclude=["slug"] if existing else None)
        marker = len(report.changes)
        if existing is None:
            report.note("created", f"article {entry['slug']}")
        elif changed:
            report.note("updated", f"article {entry['slug']}")
        else:
            report.note("unchanged", f"article {entry['slug']}")

        def save_related(article=article, entry=entry):
            _load_article_relations(article, entry, report, people, works)

        # Written through the editorial core like any article: publishing audited, rendered,
        # versioned. A reload that finds the article as the demo describes it leaves no trace.
        savepoint = transaction.savepoint()
        services.article_save(
            article=article,
            user=None,
            base_version=article.version,
            status=status,
            publish_at=publish_at,
            save_related=save_related,
            analyse=False,
            note="Demo content",
        )
        untouched = existing is not None and status == existing.status and publish_at == existing.publish_at
        if untouched and len(report.changes) == marker:
            transaction.savepoint_rollback(savepoint)
        else:
            transaction.savepoint_commit(savepoint)


def _load_article_relations(article: Article, entry: dict, report: Report, people: dict, works: dict) -> None:
    _set_m2m(article.works, [works[slug] for slug in entry.get("works", [])], report, f"works of {article.slug}")
    _set_m2m(article.people, [people[slug] for slug in entry.get("people", [])], report, f"people of {article.slug}")
    if {tag.casefold() for tag in article.tags.names()} != {tag.casefold() for tag in entry.get("tags", [])}:
        article.tags.set(entry.get("tags", []))
        report.note("updated", f"tags of {article.slug}")
    replace_rows(
        Byline,
        report,
        {"article": article},
        [
            {"person": people[b["person"]], "label": b.get("label", ""), "position": n}
            for n, b in enumerate(entry.get("bylines", []))
        ],
        f"bylines of {article.slug}",
    )
    characters = {c.slug: c for c in Character.objects.filter(work__in=article.works.all())}
    replace_rows(
        Quote,
        report,
        {"article": article},
        [
            {
                "words": quote["words"],
                "speaker": people[quote["speaker"]] if quote.get("speaker") else None,
                "speaker_name": quote.get("speaker_name", ""),
                "character": characters[quote["character"]] if quote.get("character") else None,
                "status": quote.get("status", Quote.Status.SUGGESTED),
                "confidence": quote.get("confidence", 1.0),
                "position": n,
            }
            for n, quote in enumerate(entry.get("quotes", []))
        ],
        f"quotes of {article.slug}",
    )
    spoilers = []
    for spoiler in entry.get("spoilers", []):
        work = works[spoiler["work"]]
        scope = SpoilerScope.objects.filter(
            work=work, season_number=spoiler.get("season"), episode_number=spoiler.get("episode")
        ).first()
        if scope is None:
            scope = SpoilerScope(work=work, season_number=spoiler.get("season"), episode_number=spoiler.get("episode"))
            scope.save()
        spoilers.append({"tag": scope, "severity": spoiler["severity"]})
    replace_rows(ArticleSpoiler, report, {"content_object": article}, spoilers, f"spoilers of {article.slug}")


@transaction.atomic
def load(*, now: datetime | None = None, data_file: Path = DATA_FILE) -> Report:
    data = json.loads(data_file.read_text(encoding="utf-8"))
    report = Report()
    people = load_people(data, report)
    works = load_works(data, report, people)
    load_articles(data, report, people, works, now or timezone.now())
    return report


def _date(value: str | None):
    return datetime.fromisoformat(value).date() if value else None


def _publish_at(value: str | None, existing: Article | None, now: datetime) -> datetime | None:
    if value is None:
        return None
    if value.startswith("+") and value.endswith("d"):
        # Scheduled relative to the first load, then left alone so reloading changes nothing.
        if existing is not None and existing.publish_at is not None:
            return existing.publish_at
        return (now + timedelta(days=int(value[1:-1]))).replace(microsecond=0)
    return datetime.fromisoformat(value)


def _set_m2m(manager, wanted: list[models.Model], report: Report, label: str) -> None:
    if {obj.pk for obj in manager.all()} == {obj.pk for obj in wanted}:
        report.note("unchanged", label)
        return
    manager.set(wanted)
    report.note("updated", label)


def _wrap(text: str, width: int = 28) -> str:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines[:4])
