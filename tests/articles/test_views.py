from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "status, offset",
    [
        (Article.Status.DRAFT, timedelta(hours=-1)),
        (Article.Status.IN_REVIEW, timedelta(hours=-1)),
        (Article.Status.UNPUBLISHED, timedelta(hours=-1)),
        (Article.Status.PUBLISHED, timedelta(hours=1)),
    ],
)
def test_articles_readers_may_not_see_answer_404_and_stay_off_the_home_page(client, status, offset):
    hidden = factories.article(status=status, publish_at=timezone.now() + offset, headline="Hidden headline")

    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert "Hidden headline" not in client.get(reverse("articles:home")).content.decode()


def test_published_article_page_shows_headline_and_bylines(client):
    article = factories.published_article(headline="A visible headline")
    factories.byline(article, factories.person("Priya Ashdown"), label="Staff Writer")

    page = client.get(article.get_absolute_url()).content.decode()

    assert "A visible headline" in page
    assert "Priya Ashdown" in page and "Staff Writer" in page


def test_home_page_queries_do_not_grow_with_articles(client, django_assert_max_num_queries):
    def build(count: int) -> None:
        for _ in range(count):
            article = factories.published_article()
            factories.byline(article)
            article.tags.add("ballet")

    build(1)
    with django_assert_max_num_queries(5) as few:
        client.get(reverse("articles:home"))
    build(10)
    with django_assert_max_num_queries(5) as many:
        client.get(reverse("articles:home"))
    assert len(many.captured_queries) == len(few.captured_queries)


def test_home_page_past_the_last_page_is_404(client):
    factories.published_article()
    assert client.get(reverse("articles:home") + "?page=9").status_code == 404
    assert client.get(reverse("articles:home") + "?page=abc").status_code == 404


def test_person_and_work_pages_answer_and_unknown_slugs_are_404(client):
    series = factories.work("Tiny Pretty Things")
    actor = factories.person("Anna Maiche")
    factories.credit(actor, series, character=factories.character(series, "Cassie Shore"))

    assert "Cassie Shore" in client.get(actor.get_absolute_url()).content.decode()
    assert "Anna Maiche" in client.get(series.get_absolute_url()).content.decode()
    assert client.get("/people/nobody/").status_code == 404
    assert client.get("/works/nothing/").status_code == 404
