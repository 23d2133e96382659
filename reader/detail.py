"""Everything an article's page shows, read in a fixed number of prepared queries.

The page needs the article (with its hero image and what it reviews) and eight relations:
bylines, topic tags, spoiler tags (with each spoiled work's seasons), works, people,
corrections and the quotes it may publish. ``prefetch_related`` would build and compile each
of those queries on every request, which costs several times more than running them; here
each is a ``PreparedQuery`` filtered on the one article's key, compiled once per process.

The result is an ``Article`` whose relation managers answer from what was read, exactly as
after ``prefetch_related``: templates, structured data and the spoiler pickers read it the
same way, and nothing they touch queries again.
"""

from collections.abc import Sequence
from datetime import datetime

from django.db.models import Count, Model
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, ArticleSpoiler, Byline, Correction, Quote
from cms.prepared import PreparedQuery
from people.models import Person, Season, Work

RELATED_LIMIT = 4


def _article_by(lookup: str, kind: type, *, live: bool) -> PreparedQuery:
    """The article whose ``lookup`` field has the value given, with what it shows beside it."""

    def build(value, now):
        articles = Article.objects.published(now) if live else Article.objects.all()
        return (
            articles.with_is_live(now)
            .filter(**{lookup: value})
            .select_related("hero_image", "reviewed_work", "reviewed_season__work", "reviewed_episode__season__work")
        )

    return PreparedQuery(build, value=kind, now=datetime)


_LIVE_BY_SLUG = _article_by("slug", str, live=True)
_ANY_BY_SLUG = _article_by("slug", str, live=False)
_ANY_BY_KEY = _article_by("pk", int, live=False)


class _Relation:
    """One relation the page shows: read by the article's key, then cached on the article as
    ``prefetch_related`` would cache it."""

    def __init__(self, name: str, model: type[Model], lookup: str, *, back: str | None = None, shape=None):
        self.name, self.model, self.lookup, self.back = name, model, lookup, back
        shape = shape or (lambda queryset: queryset)
        self.query = PreparedQuery(
            lambda article: shape(model._default_manager.filter(**{lookup: article})), article=int
        )

    def attach(self, article: Article) -> list:
        objects = self.query.run(article=article.pk)
        _cache(article, self.name, objects, self.model, {self.lookup: article.pk})
        if self.back:
            field = self.model._meta.get_field(self.back)
            for obj in objects:
                field.set_cached_value(obj, article)
        return objects


_BYLINES = _Relation("bylines", Byline, "article", back="article", shape=lambda q: q.select_related("person"))
_TAGS = _Relation("tags", Tag, "articles", shape=lambda q: q.order_by("name", "pk"))
_SPOILER_ITEMS = _Relation(
    "spoiler_items",
    ArticleSpoiler,
    "content_object",
    back="content_object",
    shape=lambda q: q.select_related("tag__work"),
)
_WORKS = _Relation("works", Work, "articles")
_PEOPLE = _Relation("people", Person, "articles_about")
_CORRECTIONS = _Relation("corrections", Correction, "article", back="article")
_SPOILED_SEASONS = PreparedQuery(
    lambda article: (
        Season.objects.filter(work__in=ArticleSpoiler.objects.filter(content_object=article).values("tag__work"))
        .annotate(episode_count=Count("episodes"))
        # A query with GROUP BY ignores Meta.ordering: say the order the cache promises.
        .order_by("work_id", "number")
    ),
    article=int,
)
_QUOTES = PreparedQuery(
    lambda article: Quote.objects.quotable().filter(article=article).select_related("speaker", "character"),
    article=int,
)

_RELATED = PreparedQuery(
    lambda article, now: (
        Article.objects.published(now)
        .related_to(article, limit=RELATED_LIMIT)
        .newest_first()
        .only("kind", "headline", "slug", "publish_at")[:RELATED_LIMIT]
    ),
    article=int,
    now=datetime,
)


def article_for_page(
    *, slug: str | None = None, pk: int | None = None, readers_only: bool = True, now: datetime | None = None
) -> Article | None:
    """The article with this slug (or key) and everything its page shows; ``None`` if there is none.

    ``readers_only`` keeps to live articles; staff previews and share links pass ``False`` and
    read ``is_live`` to tell a preview. Every article read carries ``is_live``.
    """
    now = now or timezone.now()
    if pk is not None:
        found = _ANY_BY_KEY.run(value=pk, now=now)
    else:
        found = (_LIVE_BY_SLUG if readers_only else _ANY_BY_SLUG).run(value=slug, now=now)
    if not found:
        return None
    article = found[0]
    for relation in (_BYLINES, _TAGS, _WORKS, _PEOPLE, _CORRECTIONS):
        relation.attach(article)
    spoiler_items = _SPOILER_ITEMS.attach(article)
    if spoiler_items:
        _cache_seasons([item.tag.work for item in spoiler_items], _SPOILED_SEASONS.run(article=article.pk))
    article.public_quotes = _QUOTES.run(article=article.pk)
    for quote in article.public_quotes:
        Quote.article.field.set_cached_value(quote, article)
    return article


def _cache(instance: Model, relation: str, objects: list, model: type[Model], filters: dict) -> None:
    """Make ``instance.<relation>.all()`` answer with ``objects``, as ``prefetch_related`` does.

    The cached queryset carries the relation's filter, built only should something ask it for
    more than ``objects`` (a further ``filter()``), so reading the cache costs no query building.
    """
    queryset = model._default_manager.all()
    queryset._defer_next_filter = True
    queryset = queryset.filter(**filters)
    queryset._result_cache = objects
    queryset._prefetch_done = True
    if not hasattr(instance, "_prefetched_objects_cache"):
        instance._prefetched_objects_cache = {}
    instance._prefetched_objects_cache[relation] = queryset


def _cache_seasons(works: list[Work], seasons: list[Season]) -> None:
    """Each spoiled work's seasons, in number order (the query reads them by work, then number)."""
    by_work: dict[int, list[Season]] = {}
    for season in seasons:
        by_work.setdefault(season.work_id, []).append(season)
    for work in works:
        _cache(work, "seasons", by_work.get(work.pk, []), Season, {"work": work.pk})


def related_articles(article: Article, *, now: datetime | None = None) -> list[Article]:
    """The newest few live articles sharing a work or a topic tag with ``article``, as plain links
    (kind, headline, date): one query, whatever the related articles carry."""
    return _RELATED.run(article=article.pk, now=now or timezone.now())


# Listing cards: the home page, the archives and search show up to this many articles at once. Each
# read takes this many keys, the unused ones filled with 0, which is no article's key, so one
# compiled query serves every listing; a longer list is read this many at a time.
CARD_CAPACITY = 24
_NO_ARTICLE = 0
_CARD_KEYS = {f"key{i}": int for i in range(CARD_CAPACITY)}


def _keys(values: dict) -> list[int]:
    return [values[f"key{i}"] for i in range(CARD_CAPACITY)]


_CARD_ARTICLES = PreparedQuery(
    lambda now, **keys: Article.objects.published(now).filter(pk__in=_keys(keys)).card_columns(),
    now=datetime,
    **_CARD_KEYS,
)
_CARD_BYLINES = PreparedQuery(
    lambda **keys: Byline.objects.filter(article__in=_keys(keys)).select_related("person"), **_CARD_KEYS
)
_CARD_SPOILER_ITEMS = PreparedQuery(
    lambda **keys: (
        ArticleSpoiler.objects.filter(content_object__in=_keys(keys)).select_related("tag__work").order_by("pk")
    ),
    **_CARD_KEYS,
)


def _in_chunks(keys: Sequence[int]):
    """``keys`` as the values of one card read after another, each padded to ``CARD_CAPACITY``."""
    for start in range(0, len(keys), CARD_CAPACITY):
        chunk = list(keys[start : start + CARD_CAPACITY])
        chunk += [_NO_ARTICLE] * (CARD_CAPACITY - len(chunk))
        yield {f"key{i}": key for i, key in enumerate(chunk)}


def cards(keys: Sequence[int], *, now: datetime | None = None) -> list[Article]:
    """The live articles with these keys, in the keys' order, with what a listing card shows
    (``with_card_relations``); a key no longer live is skipped. Three prepared queries for up to
    ``CARD_CAPACITY`` keys."""
    now = now or timezone.now()
    found = {}
    for values in _in_chunks(keys):
        found.update((article.pk, article) for article in _CARD_ARTICLES.run(now=now, **values))
    return with_card_relations([found[key] for key in keys if key in found])


def with_card_relations(articles: list[Article]) -> list[Article]:
    """``articles`` with the bylines (and their people) and the spoiler tags (with scope and
    work) their cards show, cached as ``for_listing()`` would prefetch them: two prepared queries
    for up to ``CARD_CAPACITY`` articles."""
    for start in range(0, len(articles), CARD_CAPACITY):
        chunk = articles[start : start + CARD_CAPACITY]
        [values] = _in_chunks([article.pk for article in chunk])
        bylines = _by_article(_CARD_BYLINES.run(**values), "article_id")
        spoiler_items = _by_article(_CARD_SPOILER_ITEMS.run(**values), "content_object_id")
        for article in chunk:
            _cache(article, "bylines", bylines.get(article.pk, []), Byline, {"article": article.pk})
            _cache(
                article,
                "spoiler_items",
                spoiler_items.get(article.pk, []),
                ArticleSpoiler,
                {"content_object": article.pk},
            )
            for byline in bylines.get(article.pk, []):
                Byline.article.field.set_cached_value(byline, article)
    return articles


def _by_article(rows: list[Model], key: str) -> dict[int, list]:
    grouped: dict[int, list] = {}
    for row in rows:
        grouped.setdefault(getattr(row, key), []).append(row)
    return grouped
