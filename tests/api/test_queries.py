"""Every endpoint of the content API runs a fixed number of queries: a list the same for one row
as for a full page, a row the same for one credit, tag or quote as for many."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from articles.services import article_render
from people.models import Credit, PersonLink
from tests import factories

pytestmark = pytest.mark.django_db

SHOW = "the-show"


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return len(captured.captured_queries)


def build(size: int) -> None:
    """``size`` of everything: articles (a quarter of them reviews, all spoiler-tagged), each with
    ``size`` bylines, tags, people, public quotes and corrections, and a quote inside a spoiler;
    people with ``size`` credits, spellings and links; a work with ``size`` seasons, episodes,
    characters and adaptations."""
    show = factories.work("The Show", slug=SHOW)
    seasons = [factories.season(show, number=number, episodes=size) for number in range(1, size + 1)]
    people = [factories.person(slug=f"person-{index:02}", headshot=factories.image()) for index in range(size)]
    for index, person in enumerate(people):
        factories.alias(person, f"Other spelling {index}")
        PersonLink.objects.create(person=person, kind=PersonLink.Kind.WEBSITE, value=f"https://example.com/{index}")
        character = factories.character(show, f"Character {index}", slug=f"character-{index}")
        factories.credit(person, show, role=Credit.Role.CAST, character=character, billing=index)
        factories.credit(person, factories.work(slug=f"other-{index:02}"), role=Credit.Role.WRITER)
        factories.work(slug=f"adaptation-{index:02}", based_on=show)
    for index in range(size):
        review = index % 4 == 3
        article = factories.published_article(
            slug=f"article-{index:02}",
            ago=timedelta(hours=index + 1),
            kind=Article.Kind.REVIEW if review else Article.Kind.NEWS,
            rating=3 if review else None,
            reviewed_work=show if review else None,
            reviewed_season=seasons[0] if review else None,
            hero_image=factories.image(),
            body="".join(f"“Words {position} said plainly,” they said.\n\n" for position in range(size))
            + "::: spoiler S1E1\n“A secret said in the spoiler,” they said.\n:::\n",
        )
        article.works.add(show)
        article.people.add(*people)
        article.tags.add(*(f"topic-{tag}" for tag in range(size)))
        factories.spoiler(article, show, 1, 1)
        for position, person in enumerate(people):
            factories.byline(article, person, position=position)
            factories.quote(article, person, status="confirmed", words=f"Words {position} said plainly")
            article.corrections.create(note=f"Correction {position}")
        factories.quote(article, people[0], status="confirmed", words="A secret said in the spoiler")
        article_render(article=article)


LISTS = [
    ("/api/v1/articles/", 7),
    ("/api/v1/articles/?kind=news", 7),
    ("/api/v1/articles/?tag=topic-0", 8),
    (f"/api/v1/articles/?work={SHOW}", 8),
    ("/api/v1/articles/?person=person-00", 8),
    ("/api/v1/articles/?author=person-00", 8),
    ("/api/v1/articles/?updated_since=2000-01-01", 7),
    (f"/api/v1/articles/?work={SHOW}&through=s1", 10),
    ("/api/v1/people/", 4),
    ("/api/v1/works/", 1),
    ("/api/v1/tags/", 1),
    ("/api/v1/quotes/", 1),
    ("/api/v1/quotes/?person=person-00", 2),
    (f"/api/v1/quotes/?work={SHOW}&through=s1", 4),
]
DETAILS = [
    ("/api/v1/articles/article-00/", 8),
    (f"/api/v1/articles/article-00/?work={SHOW}&through=s1", 11),
    ("/api/v1/people/person-00/", 4),
    (f"/api/v1/works/{SHOW}/", 6),
    ("/api/v1/", 0),
]


@pytest.mark.parametrize("url, expected", LISTS)
def test_a_list_runs_the_same_queries_for_one_row_as_for_a_full_page(client, url, expected):
    build(1)
    assert queries(client, url) == expected


@pytest.mark.parametrize("url, expected", LISTS)
def test_a_full_page_runs_the_queries_of_one_row(client, url, expected):
    build(20)
    assert queries(client, url) == expected


@pytest.mark.parametrize("url, expected", DETAILS)
def test_a_row_runs_a_fixed_number_of_queries_however_much_it_holds(client, url, expected):
    build(1)
    assert queries(client, url) == expected


@pytest.mark.parametrize("url, expected", DETAILS)
def test_a_row_holding_many_relations_runs_the_same_queries(client, url, expected):
    build(20)
    assert queries(client, url) == expected


def test_the_quote_detail_runs_one_query(client, django_assert_num_queries):
    build(1)
    quote = Article.objects.get(slug="article-00").quotes.get(spoiler_scope="")
    with django_assert_num_queries(1):
        assert client.get(f"/api/v1/quotes/{quote.pk}/").status_code == 200


def test_the_lists_measured_hold_what_they_measure(client):
    """The counts above are of full answers: a page of twenty, every quote public or opened."""
    build(20)
    assert len(client.get("/api/v1/articles/").json()["results"]) == 20
    assert len(client.get("/api/v1/quotes/").json()["results"]) == 20
    opened = client.get(f"/api/v1/quotes/?work={SHOW}&through=s1&article=article-00").json()["results"]
    assert [quote["spoiler"] for quote in opened].count(f"{SHOW}:s1e1") == 1
    assert len(client.get("/api/v1/people/").json()["results"]) == 20
    assert len(client.get(f"/api/v1/works/{SHOW}/").json()["credits"]) == 20
