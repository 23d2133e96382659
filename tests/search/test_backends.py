"""The behaviours every article search backend shares: this database's own, and the fallback."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from articles.services import article_render
from reader.detail import cards
from search.backends import (
    MAX_RESULTS,
    ArticleResults,
    ResultCount,
    SubstringArticleSearch,
    article_search,
    count_results,
    search_articles,
)
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["native", "substring"])
def backend(request):
    return article_search() if request.param == "native" else SubstringArticleSearch()


def headlines(backend, *terms: str) -> list[str]:
    by_key = dict(Article.objects.values_list("pk", "headline"))
    return [by_key[key] for key in backend.ranked_keys(terms)]


def test_the_native_backend_suits_the_database():
    expected = {"postgresql": "PostgresArticleSearch", "sqlite": "SqliteArticleSearch"}[connection.vendor]
    assert type(article_search()).__name__ == expected


def test_finds_by_headline_dek_and_safe_text(backend):
    factories.published_article(headline="Tutu headline")
    factories.published_article(headline="Second", dek="A tutu in the dek.", ago=timedelta(days=1))
    third = factories.published_article(headline="Third", body="A tutu in the body.", ago=timedelta(days=2))
    article_render(article=third)
    assert headlines(backend, "tutu") == ["Tutu headline", "Second", "Third"]


def test_never_finds_words_inside_spoilers(backend):
    article = factories.published_article(headline="Explainer", body="Safe.\n\n::: spoiler\nQuixotically gone.\n:::")
    article_render(article=article)
    assert "Quixotically" in article.body_html
    assert headlines(backend, "quixotically") == []


def test_finds_published_articles_only(backend):
    factories.article(headline="Draft tutu")
    factories.published_article(headline="Scheduled tutu", ago=-timedelta(days=1))
    factories.published_article(headline="Live tutu")
    assert headlines(backend, "tutu") == ["Live tutu"]


def test_highlights_mark_matches_in_headline_and_snippet(backend):
    article = factories.published_article(headline="Tutu <news>", body="Before. The tutu was pink.")
    article_render(article=article)
    highlight = backend.highlights(["tutu"], backend.ranked_keys(["tutu"]))[article.pk]
    assert highlight.headline == "<mark>Tutu</mark> &lt;news&gt;"
    assert "<mark>tutu</mark> was pink" in highlight.snippet


def many_tutus() -> None:
    now = timezone.now()
    Article.objects.bulk_create(
        Article(headline=f"Tutu {n}", slug=f"tutu-{n}", status="published", publish_at=now)
        for n in range(MAX_RESULTS + 5)
    )


def test_reading_stops_one_past_the_cap_and_the_results_are_counted_as_read(backend):
    many_tutus()
    keys = backend.ranked_keys(["tutu"])
    assert len(keys) == MAX_RESULTS + 1
    with CaptureQueriesContext(connection) as queries:
        results = ArticleResults(keys, cards)
        assert count_results(results) == ResultCount(number=MAX_RESULTS, more=True)
        assert len(results) == MAX_RESULTS
    assert queries.captured_queries == []


def test_counting_a_queryset_stops_one_past_the_cap():
    many_tutus()
    results = SubstringArticleSearch().matching(["tutu"])
    with CaptureQueriesContext(connection) as queries:
        assert count_results(results) == ResultCount(number=MAX_RESULTS, more=True)
    [query] = queries
    assert f"LIMIT {MAX_RESULTS + 1}" in query["sql"]


def test_a_result_unpublished_after_the_search_read_its_keys_is_left_out():
    first = factories.published_article(headline="Tutu one")
    factories.published_article(headline="Tutu two", ago=timedelta(days=1))
    results = search_articles(["tutu"], read=cards)
    Article.objects.filter(pk=first.pk).update(status=Article.Status.DRAFT)

    assert [article.headline for article in results[:12]] == ["Tutu two"]
    assert [article.headline for article in results] == ["Tutu two"]
