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

from datetime import datetime

from django.db.models import Count, Model
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, ArticleSpoiler, Byline, Correction, Quote
from cms.prepared import PreparedQuery
from people.models import Person, Season, Work

RELATED_LIMIT = 4


def _with_page_relations(articles):
    return articles.select_related(
        "hero_image", "reviewed_work", "reviewed_season__work", "reviewed_episode__season__work"
    )


_LIVE_BY_SLUG = PreparedQuery(
    lambda slug, now: _with_page_relations(Article.objects.published(now).with_is_live(now).filter(slug=slug)),
    slug=str,
    now=datetime,
)
_ANY_BY_SLUG = PreparedQuery(
    lambda slug, now: _with_page_relations(Article.objects.with_is_live(now).filter(slug=slug)),
    slug=str,
    now=datetime,
)
_ANY_BY_KEY = PreparedQuery(
    lambda pk, now: _with_page_relations(Article.objects.with_is_live(now).filter(pk=pk)),
    pk=int,
    now=datetime,
)

_BYLINES = PreparedQuery(lambda article: Byline.objects.filter(article=article).select_related("person"), article=int)
_TAGS = PreparedQuery(lambda article: Tag.objects.filter(articles=article).order_by("name", "pk"), article=int)
_SPOILER_ITEMS = PreparedQuery(
    lambda article: ArticleSpoiler.objects.filter(content_object=article).select_related("tag__work"), article=int
)
_SPOILED_SEASONS = PreparedQuery(
    lambda article: Season.objects.filter(
        work__in=ArticleSpoiler.objects.filter(content_object=article).values("tag__work")
    ).annotate(episode_count=Count("episodes")),
    article=int,
)
_WORKS = PreparedQuery(lambda article: Work.objects.filter(articles=article), article=int)
_PEOPLE = PreparedQuery(lambda article: Person.objects.filter(articles_about=article), article=int)
_CORRECTIONS = PreparedQuery(lambda article: Correction.objects.filter(article=article), article=int)
_QUOTES = PreparedQuery(
    lambda article: Quote.objects.quotable().filter(article=article).select_related("speaker", "character"),
    article=int,
)

_RELATED = PreparedQuery(
    lambda article, now: (
        Article.objects.published(now)
        .related_to(article)
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
        found = _ANY_BY_KEY.run(pk=pk, now=now)
    elif readers_only:
        found = _LIVE_BY_SLUG.run(slug=slug, now=now)
    else:
        found = _ANY_BY_SLUG.run(slug=slug, now=now)
    if not found:
        return None
    article = found[0]
    key = article.pk
    _attach(article, "bylines", _BYLINES.run(article=key), back="article")
    _attach(article, "tags", _TAGS.run(article=key))
    spoiler_items = _SPOILER_ITEMS.run(article=key)
    _attach(article, "spoiler_items", spoiler_items, back="content_object")
    if spoiler_items:
        _attach_seasons([item.tag.work for item in spoiler_items], _SPOILED_SEASONS.run(article=key))
    _attach(article, "works", _WORKS.run(article=key))
    _attach(article, "people", _PEOPLE.run(article=key))
    _attach(article, "corrections", _CORRECTIONS.run(article=key), back="article")
    article.public_quotes = _QUOTES.run(article=key)
    for quote in article.public_quotes:
        Quote.article.field.set_cached_value(quote, article)
    return article


def _attach(instance: Model, relation: str, objects: list, *, back: str | None = None) -> None:
    """Make ``instance.<relation>.all()`` answer with ``objects``, as ``prefetch_related`` does."""
    if not hasattr(instance, "_prefetched_objects_cache"):
        instance._prefetched_objects_cache = {}
    queryset = getattr(instance, relation).get_queryset()
    queryset._result_cache = objects
    queryset._prefetch_done = True
    instance._prefetched_objects_cache[relation] = queryset
    for obj in objects if back else ():
        obj._meta.get_field(back).set_cached_value(obj, instance)


def _attach_seasons(works: list[Work], seasons: list[Season]) -> None:
    """Each spoiled work's seasons, in number order (the query reads them by work, then number)."""
    by_work: dict[int, list[Season]] = {}
    for season in seasons:
        by_work.setdefault(season.work_id, []).append(season)
    for work in works:
        _attach(work, "seasons", by_work.get(work.pk, []))


def related_articles(article: Article, *, now: datetime | None = None) -> list[Article]:
    """The newest few live articles sharing a work or a topic tag with ``article``, as plain links
    (kind, headline, date): one query, whatever the related articles carry."""
    return _RELATED.run(article=article.pk, now=now or timezone.now())
