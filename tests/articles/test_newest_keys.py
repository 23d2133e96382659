"""The newest articles linked to someone, read link by link, are those their linked set holds."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Quote, person_links
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    """Forty articles over twenty publish times (two at each, so ties are broken by key), tied to
    one person by a byline, coverage, confirmed quotes or several of those; some by a suggested
    quote only, some not yet live, some about somebody else."""
    critic, somebody_else = factories.person("Critic"), factories.person("Somebody Else")
    start = timezone.now() - timedelta(days=1)
    for n in range(40):
        status = Article.Status.DRAFT if n % 11 == 10 else Article.Status.PUBLISHED
        publish_at = start - timedelta(hours=n // 2) if n % 13 != 12 else timezone.now() + timedelta(days=1)
        article = factories.article(status=status, publish_at=publish_at, headline=f"Piece {n}")
        tie = n % 6
        if tie in (0, 3):
            factories.byline(article, critic)
        if tie in (1, 3):
            article.people.add(critic)
        if tie in (2, 3):
            factories.quote(article, critic, status=Quote.Status.CONFIRMED, position=0)
            factories.quote(article, critic, status=Quote.Status.CONFIRMED, position=1)
        if tie == 4:
            factories.quote(article, critic, status=Quote.Status.SUGGESTED)
        if tie == 5:
            factories.byline(article, somebody_else)
    return critic


def test_the_linked_set_is_what_a_person_wrote_is_covered_by_or_is_quoted_in_when_live(archive):
    now = timezone.now()
    expected = [
        article.pk
        for article in Article.objects.filter(headline__startswith="Piece").order_by("-publish_at", "-pk")
        if int(article.headline.split()[1]) % 6 in (0, 1, 2, 3)
        and article.status == Article.Status.PUBLISHED
        and article.publish_at <= now
    ]

    linked = Article.objects.published().by_about_or_quoting(archive).newest_first().values_list("pk", flat=True)

    assert list(linked) == expected
    assert len(expected) > 20


@pytest.mark.parametrize("limit", [1, 5, 13])
def test_reading_link_by_link_gives_every_page_of_the_linked_set(archive, limit):
    published = Article.objects.published()
    linked = list(published.by_about_or_quoting(archive).newest_first().values_list("pk", flat=True))

    for offset in range(0, len(linked) + limit, limit):
        page = published.newest_keys(limit, offset, through=person_links(archive))
        assert page == linked[offset : offset + limit], offset


def test_without_bylines_the_links_are_coverage_and_confirmed_quotes(archive):
    published = Article.objects.published()
    linked = list(published.about_or_quoting(archive).newest_first().values_list("pk", flat=True))

    assert published.newest_keys(100, through=person_links(archive, bylines=False)) == linked
    assert set(linked) < set(published.by_about_or_quoting(archive).values_list("pk", flat=True))


def test_links_keep_to_the_queryset_they_narrow(archive):
    reviews = Article.objects.published().filter(kind=Article.Kind.REVIEW)
    Article.objects.filter(headline__in=["Piece 0", "Piece 7", "Piece 9"]).update(kind=Article.Kind.REVIEW)

    keys = reviews.newest_keys(10, through=person_links(archive))

    assert [Article.objects.get(pk=key).headline for key in keys] == ["Piece 0", "Piece 7", "Piece 9"]
