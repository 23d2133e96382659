"""The behaviours every article search backend shares: this database's own, and the fallback."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from articles.services import article_render
from search.backends import MAX_RESULTS, ResultCount, SubstringArticleSearch, article_search, count_results
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["native", "substring"])
def backend(request):
    return article_search() if request.param == "native" else SubstringArticleSearch()


def headlines(backend, *terms: str) -> list[str]:
    return [article.headline for article in backend.matching(terms)]


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
    highlight = backend.highlights(["tutu"], list(backend.matching(["tutu"])))[article.pk]
    assert highlight.headline == "<mark>Tutu</mark> &lt;news&gt;"
    assert "<mark>tutu</mark> was pink" in highlight.snippet


def test_counting_stops_one_past_the_cap(backend):
    now = timezone.now()
    Article.objects.bulk_create(
        Article(headline=f"Tutu {n}", slug=f"tutu-{n}", status="published", publish_at=now)
        for n in range(MAX_RESULTS + 5)
    )
    results = backend.matching(["tutu"])
    with CaptureQueriesContext(connection) as queries:
        assert count_results(results) == ResultCount(number=MAX_RESULTS, more=True)
    [query] = queries
    assert f"LIMIT {MAX_RESULTS + 1}" in query["sql"]
