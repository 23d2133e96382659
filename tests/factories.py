"""Small builders for test rows; each takes overrides and fills in the rest."""

import io
import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from PIL import Image as PILImage

from articles.models import Article, ArticleSpoiler, Byline, Quote, SpoilerScope
from images.models import Image
from people.models import Character, Credit, Episode, Person, PersonAlias, Season, Work

_numbers = itertools.count(1)


def _n() -> int:
    return next(_numbers)


def person(name: str | None = None, **fields) -> Person:
    n = _n()
    name = name or f"Person {n}"
    fields.setdefault("slug", f"person-{n}")
    return Person.objects.create(name=name, **fields)


def alias(of: Person, name: str) -> PersonAlias:
    return PersonAlias.objects.create(person=of, name=name)


def work(title: str | None = None, **fields) -> Work:
    n = _n()
    fields.setdefault("slug", f"work-{n}")
    return Work.objects.create(title=title or f"Work {n}", **fields)


def season(of: Work | None = None, number: int = 1, episodes: int = 0, **fields) -> Season:
    created = Season.objects.create(work=of or work(), number=number, **fields)
    Episode.objects.bulk_create(Episode(season=created, number=e) for e in range(1, episodes + 1))
    return created


def character(of: Work | None = None, name: str | None = None, **fields) -> Character:
    n = _n()
    fields.setdefault("slug", f"character-{n}")
    return Character.objects.create(work=of or work(), name=name or f"Character {n}", **fields)


def credit(who: Person | None = None, on: Work | None = None, **fields) -> Credit:
    return Credit.objects.create(person=who or person(), work=on or work(), **fields)


def article(**fields) -> Article:
    n = _n()
    fields.setdefault("headline", f"Headline {n}")
    fields.setdefault("slug", f"article-{n}")
    return Article.objects.create(**fields)


def published_article(ago: timedelta = timedelta(hours=1), **fields) -> Article:
    return article(status=Article.Status.PUBLISHED, publish_at=timezone.now() - ago, **fields)


def byline(on: Article, who: Person | None = None, **fields) -> Byline:
    return Byline.objects.create(article=on, person=who or person(), **fields)


def quote(on: Article, speaker: Person | None = None, **fields) -> Quote:
    fields.setdefault("words", "Words that somebody said out loud.")
    return Quote.objects.create(article=on, speaker=speaker or person(), **fields)


def spoiler(on: Article, of: Work, season_number=None, episode_number=None, severity="major") -> ArticleSpoiler:
    scope, _ = SpoilerScope.objects.get_or_create(work=of, season_number=season_number, episode_number=episode_number)
    return ArticleSpoiler.objects.create(content_object=on, tag=scope, severity=severity)


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (32, 24), color=(200, 30, 60)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, format=fmt)
    return buffer.getvalue()


def upload(name: str = "picture.png", content: bytes | None = None, content_type: str = "image/png"):
    return SimpleUploadedFile(name, content if content is not None else image_bytes(), content_type=content_type)


def image(**fields) -> Image:
    fields.setdefault("alt_text", "A test picture")
    fields.setdefault("file", upload())
    return Image.objects.create(**fields)


def publishable_article(**fields) -> Article:
    """A draft with everything publishing requires: headline, slug, byline and body."""
    fields.setdefault("body", "A body worth publishing.")
    draft = article(**fields)
    byline(draft)
    return draft


def member(role: str, name: str | None = None):
    """A staff account in one of the newsroom's groups: "Contributor", "Editor" or "Admin"."""
    user = get_user_model().objects.create_user(name or role.lower(), password="x" * 16, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


def client_for(user):
    """A test client signed in as ``user``."""
    client = Client()
    client.force_login(user)
    return client
