"""The article page's data: the same as the ORM reads, in a fixed number of queries, none after."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, Correction, Quote
from people.models import Season
from reader.detail import article_for_page, related_articles
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    series, film = factories.work("Tiny Pretty Things"), factories.work("Center Stage")
    factories.season(series, number=2, episodes=8)
    factories.season(series, number=1, episodes=10)
    article = factories.published_article(hero_image=factories.image(), kind="review", reviewed_work=series, rating=4)
    article.works.add(series, film)
    for n, name in enumerate(["Kylie Jefferson", "Daniela Norman"]):
        person = factories.person(name)
        factories.byline(article, person, position=1 - n)
        article.people.add(person)
        factories.quote(article, person, status="confirmed", words=f"Words number {n} said plainly")
    factories.quote(article, status="pending", words="Not yet confirmed")
    factories.quote(article, status="confirmed", words="Inside a spoiler", spoiler_scope="tiny-pretty-things-s1e2")
    article.tags.add("ballet", "Netflix")
    factories.spoiler(article, series, 1, 2, severity="minor")
    factories.spoiler(article, series, 2, None, severity="ending")
    Correction.objects.create(article=article, note="Fixed a name.")
    return article


def shape(article: Article) -> dict:
    """Everything the page reads from an article, as plain values."""
    return {
        "fields": (article.headline, article.body_html, article.hero_image.pk, article.reviewed_work.title),
        "bylines": [(b.pk, b.person.name) for b in article.bylines.all()],
        "tags": sorted(tag.name for tag in article.tags.all()),
        "spoilers": [
            (item.tag.code, item.severity, [(s.number, s.episode_count) for s in item.tag.work.seasons.all()])
            for item in article.spoiler_items.all()
        ],
        "works": [work.title for work in article.works.all()],
        "people": [person.name for person in article.people.all()],
        "corrections": [c.note for c in article.corrections.all()],
        "quotes": [(q.words, q.speaker.name, q.article.pk) for q in article.public_quotes],
    }


def test_the_page_reads_what_the_orm_reads(article):
    loaded = article_for_page(slug=article.slug)

    expected = Article.objects.prefetch_related("spoiler_items__tag__work__seasons").get(pk=article.pk)
    for work in (item.tag.work for item in expected.spoiler_items.all()):
        seasons = Season.objects.filter(work=work).annotate(episode_count=Count("episodes")).order_by("number")
        work._prefetched_objects_cache["seasons"] = list(seasons)
    expected.public_quotes = list(Quote.objects.quotable().filter(article=expected))
    assert shape(loaded) == shape(expected)
    assert loaded.is_live is True


def test_nothing_on_the_loaded_article_queries_again(article):
    with CaptureQueriesContext(connection) as loading:
        loaded = article_for_page(slug=article.slug)
    with CaptureQueriesContext(connection) as reading:
        shape(loaded)

    assert len(loading.captured_queries) == 9  # the article and eight relations
    assert reading.captured_queries == []


def test_an_article_without_spoiler_tags_skips_the_seasons_query(article):
    article.spoiler_items.all().delete()

    with CaptureQueriesContext(connection) as loading:
        loaded = article_for_page(slug=article.slug)

    assert len(loading.captured_queries) == 8
    assert list(loaded.spoiler_items.all()) == []


def test_readers_get_only_live_articles_and_staff_see_previews():
    now = timezone.now()
    draft = factories.article(status=Article.Status.DRAFT)
    scheduled = factories.article(status=Article.Status.PUBLISHED, publish_at=now + timedelta(hours=1))

    assert article_for_page(slug=draft.slug) is None
    assert article_for_page(slug=scheduled.slug) is None
    assert article_for_page(slug=scheduled.slug, now=now + timedelta(hours=2)).is_live is True
    assert article_for_page(slug=scheduled.slug, readers_only=False).is_live is False
    assert article_for_page(pk=draft.pk, readers_only=False).is_live is False
    assert article_for_page(slug="no-such-article") is None


def test_related_articles_are_the_newest_live_ones_sharing_a_work_or_a_tag(article):
    series = article.works.get(title="Tiny Pretty Things")
    by_work = [factories.published_article(ago=timedelta(days=n), headline=f"Work {n}") for n in range(1, 4)]
    for other in by_work:
        other.works.add(series)
    by_tag = factories.published_article(ago=timedelta(hours=2), headline="Tag")
    by_tag.tags.add("ballet")
    factories.article(status=Article.Status.DRAFT).works.add(series)
    factories.published_article(ago=timedelta(minutes=5), headline="Unrelated")

    related = related_articles(article)

    assert [other.headline for other in related] == ["Tag", "Work 1", "Work 2", "Work 3"]


def test_related_articles_are_looked_for_among_the_newest_and_those_up_to_the_article():
    # Ten articles a day apart sharing one tag; each is looked for among the newest three and
    # the three published up to it, so the read never walks further than six articles.
    shared = [factories.published_article(ago=timedelta(days=n + 1), headline=f"Day {n}") for n in range(10)]
    for other in shared:
        other.tags.add("ballet")
    loner = factories.published_article(ago=timedelta(days=5, hours=12), headline="Loner")
    loner.tags.add("ballet")

    def related(article) -> list[str]:
        found = Article.objects.published().related_to(article.pk, limit=4, window=3).newest_first()
        return [other.headline for other in found[:4]]

    assert related(shared[0]) == ["Day 1", "Day 2"]
    assert related(loner) == ["Day 0", "Day 1", "Day 2", "Day 5"]
    assert related(shared[6]) == ["Day 0", "Day 1", "Day 2", "Day 7"]
    assert related(shared[8]) == ["Day 0", "Day 1", "Day 2", "Day 9"]
    # Days 3 to 8 share the tag too, but lie in neither window of the oldest article.
    assert related(shared[9]) == ["Day 0", "Day 1", "Day 2"]


def test_a_relation_read_for_the_page_still_filters_to_its_article(article):
    other = factories.published_article()
    factories.byline(other, factories.person("Someone Else"), label="Writer")
    loaded = article_for_page(slug=article.slug)

    assert list(loaded.bylines.filter(label="Writer")) == []
    assert [tag.name for tag in loaded.tags.filter(name="ballet")] == ["ballet"]
    assert loaded.works.filter(title="Center Stage").count() == 1
