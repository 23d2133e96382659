"""What a request to the content API asks for, read from its query string and checked.

Every parameter is read strictly: a value that does not parse, or a slug that names nothing
readers can see, is a 400 naming the parameter, never an empty list or a server error. Slugs are
looked up among the rows the site's own pages show (``Work.objects.public``,
``Person.objects.public``, the topic tags of published articles), so the answer for a work only
a draft mentions is the answer for a slug nobody uses.

``through`` is the reader's progress in one work, read by ``reader.progress.watched_through``
exactly as a work feed reads it; the work is the one ``work`` names.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, time
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_unicode_slug
from django.db.models import Q
from django.utils.dateparse import parse_date, parse_datetime
from rest_framework.exceptions import ValidationError
from taggit.models import Tag

from articles.models import Article, ArticleQuerySet, QuoteQuerySet, person_links, published_q
from articles.text import Scope, ScopeError
from people.models import Person, Work
from reader.progress import watched_through

# Longer than any slug, scope or timestamp; a longer value is refused before it is read.
MAX_VALUE_LENGTH = 400
# "+05:00" arrives as " 05:00" when a client does not encode the plus sign of an offset.
UNENCODED_OFFSET = re.compile(r"(?<=\d) (?=\d{2}:?\d{2}$)")


class BadParameter(Exception):
    """A query parameter's value, refused; the message is for the client who sent it."""


def _quoted(value: str) -> str:
    return f"“{value}”" if len(value) <= 60 else f"“{value[:59]}…”"


def _slug(value: str) -> str:
    try:
        validate_unicode_slug(value)
    except DjangoValidationError:
        raise BadParameter(f"{_quoted(value)} is not a slug (letters, digits, hyphens and underscores).") from None
    return value


def _one(rows, value: str, noun: str):
    found = rows.filter(slug=_slug(value)).first()
    if found is None:
        raise BadParameter(f"No {noun} has the slug {_quoted(value)}.")
    return found


def kind(value: str) -> str:
    if value not in Article.Kind.values:
        raise BadParameter(f"{_quoted(value)} is not a kind of article; use one of {', '.join(Article.Kind.values)}.")
    return value


def tag(value: str) -> Tag:
    return _one(Article.objects.published().topic_tags(), value, "topic tag")


def person(value: str) -> Person:
    return _one(Person.objects.public(published_q), value, "person")


def article(value: str) -> Article:
    return _one(Article.objects.published().only("pk", "slug"), value, "published article")


def work_for(params: Mapping[str, str]) -> Callable[[str], Work]:
    """The reader of ``work``: with ``through`` asked for too, the work comes with its seasons
    and episodes, which ``watched_through`` checks the scope against."""

    def work(value: str) -> Work:
        works = Work.objects.public(published_q)
        if "through" in params:
            works = works.prefetch_related("seasons__episodes")
        return _one(works, value, "work")

    return work


def moment(value: str) -> datetime:
    """An ISO 8601 date or date and time; without an offset it is read as UTC."""
    text = UNENCODED_OFFSET.sub("+", value.strip())
    try:
        parsed = parse_datetime(text)
        if parsed is None and (day := parse_date(text)) is not None:
            parsed = datetime.combine(day, time())
    except ValueError:
        parsed = None
    if parsed is None:
        raise BadParameter(
            f"{_quoted(value)} is not a date or time; write ISO 8601, e.g. 2026-11-28 or 2026-11-28T09:30:00Z."
        )
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC)
    except OverflowError:
        raise BadParameter(f"{_quoted(value)} is outside the range of dates this API can compare.") from None


def read(params: Mapping[str, str], readers: Mapping[str, Callable[[str], Any]]) -> dict[str, Any]:
    """Each parameter present in ``params`` read by its reader; every refusal at once, as a 400
    whose body names each refused parameter with its message."""
    values: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    for name, reader in readers.items():
        raw = params.get(name)
        if raw is None:
            continue
        try:
            if len(raw) > MAX_VALUE_LENGTH:
                raise BadParameter(f"The value is longer than {MAX_VALUE_LENGTH} characters.")
            values[name] = reader(raw)
        except BadParameter as error:
            errors[name] = [str(error)]
    if "through" in params and "work" not in params:
        errors["through"] = ["`through` is how far into one work the reader is: name the work with `work=<slug>`."]
    elif "through" in params and "work" in values:
        try:
            values["through"] = _through(values["work"], params["through"])
        except BadParameter as error:
            errors["through"] = [str(error)]
    if errors:
        raise ValidationError(errors)
    return values


def _through(work: Work, value: str) -> Scope:
    if len(value) > MAX_VALUE_LENGTH:
        raise BadParameter(f"The value is longer than {MAX_VALUE_LENGTH} characters.")
    try:
        return watched_through(work, value)
    except ScopeError as error:
        raise BadParameter(str(error)) from None


@dataclass(frozen=True)
class ReaderScope:
    """How far the reader asked to see spoilers: ``through`` in ``work``, or nothing (``None``)."""

    through: Scope | None = None

    @property
    def progress(self) -> dict[str, Scope]:
        """As reader progress is kept (``reader.progress``): one scope per work slug."""
        return {self.through.work: self.through} if self.through else {}

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> "ReaderScope":
        values = read(params, {"work": work_for(params)})
        return cls(through=values.get("through"))


@dataclass(frozen=True)
class ArticleQuery:
    """The article list's filters; each one given narrows the list, and all of them at once
    narrow it to what every one allows."""

    kind: str | None = None
    tag: Tag | None = None
    work: Work | None = None
    person: Person | None = None
    author: Person | None = None
    updated_since: datetime | None = None
    through: Scope | None = None

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> "ArticleQuery":
        readers = {
            "kind": kind,
            "tag": tag,
            "work": work_for(params),
            "person": person,
            "author": person,
            "updated_since": moment,
        }
        return cls(**read(params, readers))

    @property
    def scope(self) -> ReaderScope:
        return ReaderScope(self.through)

    def narrow(
        self, articles: ArticleQuerySet, *, linked: Callable[[ArticleQuerySet, list], ArticleQuerySet] | None = None
    ) -> ArticleQuerySet:
        """``articles`` cut to what every filter given allows. ``person`` is applied last, as
        ``linked(articles, links)`` when given (the list reads only as far as its page goes,
        link by link: ``ArticleQuerySet.linked_first``), else as ``about_or_quoting``."""
        if self.kind:
            articles = articles.filter(kind=self.kind)
        if self.tag:
            articles = articles.filter(tags=self.tag)
        if self.work:
            articles = articles.filter(works=self.work)
        if self.author:
            articles = articles.filter(bylines__person=self.author)
        if self.updated_since:
            # An article changes for a client when it is edited or when it goes live: a scheduled
            # article edited last week appears today.
            articles = articles.filter(Q(updated_at__gte=self.updated_since) | Q(publish_at__gte=self.updated_since))
        if self.person:
            links = person_links(self.person, bylines=False)
            articles = linked(articles, links) if linked else articles.linked_to(links)
        return articles


@dataclass(frozen=True)
class QuoteQuery:
    """The quote list's filters: who said it, in which article, in articles about which work."""

    person: Person | None = None
    article: Article | None = None
    work: Work | None = None
    through: Scope | None = None

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> "QuoteQuery":
        return cls(**read(params, {"person": person, "article": article, "work": work_for(params)}))

    @property
    def scope(self) -> ReaderScope:
        return ReaderScope(self.through)

    def narrow(self, quotes: QuoteQuerySet) -> QuoteQuerySet:
        if self.person:
            quotes = quotes.filter(speaker=self.person)
        if self.article:
            quotes = quotes.filter(article=self.article)
        if self.work:
            quotes = quotes.filter(article__works=self.work)
        return quotes
