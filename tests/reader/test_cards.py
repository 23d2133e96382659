"""Listing cards: the live articles asked for, in order, with their bylines and spoiler tags, read
by prepared queries in a fixed number per page, exactly as ``for_listing()`` would read them."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from reader.detail import CARD_CAPACITY, cards, with_card_relations
from tests import factories

pytestmark = pytest.mark.django_db


def listed(count: int) -> list[Article]:
    """``count`` live articles, each with bylines in a given order and a spoiler tag or none."""
    series = factories.work("Glass Slippers")
    articles = []
    for n in range(count):
        article = factories.published_article(hero_image=factories.image() if n % 3 == 0 else None)
        for position, name in enumerate([f"Second {n}", f"First {n}"][: 1 + n % 2]):
            factories.byline(article, factories.person(name), position=1 - position)
        if n % 2:
            factories.spoiler(article, series, 1, n + 1)
        articles.append(article)
    return articles


def card_shape(article: Article) -> tuple:
    return (
        article.pk,
        article.headline,
        article.hero_image_id and article.hero_image.file.name,
        [(byline.person.name, byline.label) for byline in article.bylines.all()],
        sorted(
            (item.tag.work.title, item.tag.season_number, item.tag.episode_number)
            for item in article.spoiler_items.all()
        ),
    )


@pytest.mark.parametrize("count", [1, CARD_CAPACITY, CARD_CAPACITY + 5])
def test_cards_show_what_the_prefetching_queryset_shows(count):
    keys = [article.pk for article in reversed(listed(count))]

    found = cards(keys)

    expected = Article.objects.published().for_listing().in_order_of(keys)
    assert [card_shape(article) for article in found] == [card_shape(article) for article in expected]
    assert [article.pk for article in found] == keys


@pytest.mark.parametrize("count", [1, CARD_CAPACITY])
def test_up_to_a_full_page_takes_three_queries_and_reading_a_card_none(count):
    keys = [article.pk for article in listed(count)]

    with CaptureQueriesContext(connection) as reads:
        found = cards(keys)
    with CaptureQueriesContext(connection) as shown:
        for article in found:
            card_shape(article)

    assert len(reads) == 3
    assert shown.captured_queries == []
    assert {"body", "body_html", "body_safe_html"} <= found[0].get_deferred_fields()


def test_more_than_a_page_is_read_a_page_at_a_time():
    keys = [article.pk for article in listed(CARD_CAPACITY + 1)]

    with CaptureQueriesContext(connection) as reads:
        cards(keys)

    assert len(reads) == 6


def test_cards_leave_out_what_readers_may_not_see():
    live = factories.published_article()
    draft = factories.article(status=Article.Status.DRAFT)
    scheduled = factories.article(status=Article.Status.PUBLISHED, publish_at=timezone.now() + timedelta(hours=1))

    assert [article.pk for article in cards([draft.pk, live.pk, scheduled.pk, live.pk + 1000])] == [live.pk]
    with time_machine.travel(timezone.now() + timedelta(hours=2), tick=False):
        assert [article.pk for article in cards([scheduled.pk, live.pk])] == [scheduled.pk, live.pk]


def test_a_cached_relation_still_filters_within_its_own_article():
    first, second = listed(2)

    (card,) = with_card_relations([Article.objects.get(pk=second.pk)])

    assert [byline.person.name for byline in card.bylines.filter(position=0)] == ["First 1"]
    assert not card.bylines.filter(article=first).exists()
    assert all(byline.article is card for byline in card.bylines.all())


def test_no_cards_read_nothing():
    with CaptureQueriesContext(connection) as reads:
        assert cards([]) == []
        assert with_card_relations([]) == []
    assert reads.captured_queries == []
