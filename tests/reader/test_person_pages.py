import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from tests import factories

pytestmark = pytest.mark.django_db


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def busy_person(size: int):
    person = factories.person(headshot=factories.image())
    for n in range(size):
        factories.alias(person, f"Spelling {person.pk}-{n}")
        work = factories.work()
        factories.credit(person, work, role="cast", character=factories.character(work))
        factories.credit(person, work, role="writer")
        article = factories.published_article()
        article.people.add(person)
        article.tags.add(f"tag-{person.pk}-{n}")
        factories.byline(article)
        factories.quote(article, person, status="confirmed")
    return person


def busy_work(size: int):
    work = factories.work(poster=factories.image(), based_on=factories.work(kind="novel"))
    for n in range(size):
        factories.season(work, number=n + 1, episodes=3)
        actor = factories.person()
        factories.credit(actor, work, role="cast", character=factories.character(work), billing=n)
        factories.credit(factories.person(), work, role="writer")
        article = factories.published_article()
        article.works.add(work)
        factories.spoiler(article, work, n + 1, 1)
        factories.byline(article)
    return work


def test_person_page_queries_stay_fixed_from_one_to_fifty(client):
    assert queries(client, busy_person(1).get_absolute_url()) == queries(client, busy_person(50).get_absolute_url())


def test_work_page_queries_stay_fixed_from_one_to_fifty(client):
    assert queries(client, busy_work(1).get_absolute_url()) == queries(client, busy_work(50).get_absolute_url())


def test_character_page_queries_stay_fixed(client):
    def character_with(size):
        work = factories.work()
        character = factories.character(work)
        for _ in range(size):
            factories.credit(factories.person(), work, role="cast", character=character)
            factories.quote(factories.published_article(), status="confirmed", character=character)
        return character

    assert queries(client, character_with(1).get_absolute_url()) == queries(
        client, character_with(20).get_absolute_url()
    )


def test_person_page_shows_spellings_filmography_quotes_and_articles(client):
    series = factories.work("Tiny Pretty Things")
    actress = factories.person("Casimere Jollette", bio="Plays Bette.")
    factories.alias(actress, "Casimere Jolette")
    factories.credit(actress, series, role="cast", character=factories.character(series, "Bette Whitlaw"))
    article = factories.published_article(headline="Bette's big year")
    article.people.add(actress)
    factories.quote(article, actress, status="confirmed", words="I loved every rehearsal")

    page = client.get(actress.get_absolute_url()).content.decode()

    for expected in [
        "Casimere Jolette",
        "Tiny Pretty Things",
        "Bette Whitlaw",
        "I loved every rehearsal",
        "Bette&#39;s big year",
    ]:
        assert expected in page, expected
    assert '"@type": "Person"' in page


def test_person_page_leaves_out_quotes_from_inside_spoilers_and_unconfirmed_ones(client):
    actress = factories.person()
    article = factories.published_article()
    factories.quote(article, actress, status="confirmed", words="Safe words", spoiler_scope="")
    factories.quote(article, actress, status="confirmed", words="Secret finale words", spoiler_scope="w:s1e10")
    factories.quote(article, actress, status="suggested", words="Unchecked words")

    page = client.get(actress.get_absolute_url()).content.decode()

    assert "Safe words" in page
    assert "Secret finale words" not in page
    assert "Unchecked words" not in page


def test_work_page_shows_cast_in_billing_order_crew_episodes_and_spoiler_badges(client):
    series = factories.work("Tiny Pretty Things", synopsis="Ballet and secrets.")
    factories.season(series, number=1, episodes=10)
    second = factories.person("Kylie Jefferson")
    first = factories.person("Anna Maiche")
    factories.credit(second, series, role="cast", character=factories.character(series, "Neveah Stroyer"), billing=2)
    factories.credit(first, series, role="cast", character=factories.character(series, "Cassie Shore"), billing=1)
    factories.credit(factories.person("Michael MacLennan"), series, role="creator")
    recap = factories.published_article(headline="Finale recap", kind=Article.Kind.RECAP)
    recap.works.add(series)
    factories.spoiler(recap, series, 1, 10, severity="ending")

    page = client.get(series.get_absolute_url()).content.decode()

    assert page.index("Anna Maiche") < page.index("Kylie Jefferson")
    assert "Cassie Shore" in page and "Michael MacLennan" in page and "Creator" in page
    assert "Episode 10" in page
    assert "Spoilers: S1E10" in page
    assert '"@type": "TVSeries"' in page
    assert "/feeds/works/" in page


def test_person_and_work_listings_paginate_and_refuse_pages_past_the_end(client):
    series = factories.work()
    for _ in range(13):
        factories.published_article().works.add(series)
    assert client.get(series.get_absolute_url() + "?page=2").status_code == 200
    assert client.get(series.get_absolute_url() + "?page=3").status_code == 404
    assert client.get(series.get_absolute_url() + "?page=x").status_code == 404


def test_unknown_people_works_and_characters_answer_404(client):
    series = factories.work(slug="real-show")
    assert client.get("/people/nobody/").status_code == 404
    assert client.get("/works/nothing/").status_code == 404
    assert client.get("/works/real-show/characters/nobody/").status_code == 404
    character = factories.character(factories.work(slug="other-show"), slug="someone")
    assert client.get(f"/works/{series.slug}/characters/{character.slug}/").status_code == 404


def test_person_page_lists_articles_about_or_quoting_them_once_each_newest_first(client):
    actress = factories.person("Casimere Jollette")
    about = factories.published_article(headline="About her", ago=timedelta(days=3))
    about.people.add(actress)
    quoting = factories.published_article(headline="Quoting her", ago=timedelta(days=2))
    factories.quote(quoting, actress, status="confirmed")
    both = factories.published_article(headline="About and quoting her", ago=timedelta(days=1))
    both.people.add(actress)
    factories.quote(both, actress, status="confirmed")
    factories.quote(both, actress, status="confirmed")
    unconfirmed = factories.published_article(headline="Only a suggested quote")
    factories.quote(unconfirmed, actress, status="suggested")
    factories.article(headline="A draft about her").people.add(actress)

    page = client.get(actress.get_absolute_url()).content.decode()
    articles = page[page.index('id="articles-heading"') :]
    listed = re.findall(r"<h3[^>]*>\s*<a [^>]*>([^<]+)</a>", articles)

    assert listed == ["About and quoting her", "Quoting her", "About her"]


def quoted_words(page: str) -> list[str]:
    return re.findall(r"<blockquote><p>([^<]+)</p></blockquote>", page)


def test_person_page_quotes_are_those_of_their_newest_articles_newest_first_in_article_order(client):
    actress = factories.person("Casimere Jollette")
    for n in range(15):
        article = factories.published_article(ago=timedelta(days=n + 1))
        factories.quote(article, actress, status="confirmed", words=f"Second of day {n}", position=2)
        if n % 2 == 0:
            factories.quote(article, actress, status="confirmed", words=f"First of day {n}", position=1)
        factories.quote(article, actress, status="suggested", words=f"Unchecked of day {n}", position=0)
    factories.quote(factories.article(), actress, status="confirmed", words="In a draft")

    quotes = quoted_words(client.get(actress.get_absolute_url()).content.decode())

    assert quotes == [
        "First of day 0",
        "Second of day 0",
        "Second of day 1",
        "First of day 2",
        "Second of day 2",
        "Second of day 3",
        "First of day 4",
        "Second of day 4",
        "Second of day 5",
        "First of day 6",
        "Second of day 6",
        "Second of day 7",
    ]


def test_character_page_shows_the_newest_dozen_lines(client):
    work = factories.work()
    character = factories.character(work)
    for n in range(14):
        article = factories.published_article(ago=timedelta(days=n + 1))
        factories.quote(article, status="confirmed", words=f"Line of day {n}", character=character)
    factories.quote(factories.published_article(), status="confirmed", words="Somebody else's", character=None)

    lines = quoted_words(client.get(character.get_absolute_url()).content.decode())

    assert lines == [f"Line of day {n}" for n in range(12)]


def test_a_persons_articles_page_through_bylines_coverage_and_quotes_each_once(client):
    critic = factories.person("Jo Critic")
    written = []
    for n in range(30):
        article = factories.published_article(ago=timedelta(days=n + 1), headline=f"Piece {n:02d}")
        if n % 3 == 0:
            factories.byline(article, critic)
        if n % 3 == 1 or n % 5 == 0:
            article.people.add(critic)
        if n % 3 == 2 or n % 4 == 0:
            factories.quote(article, critic, status="confirmed")
        written.append(f"Piece {n:02d}")

    def listed(page: int) -> list[str]:
        content = client.get(f"{critic.get_absolute_url()}?page={page}").content.decode()
        return re.findall(r"<h3[^>]*>\s*<a [^>]*>([^<]+)</a>", content[content.index('id="articles-heading"') :])

    assert listed(1) + listed(2) + listed(3) == written
    assert client.get(f"{critic.get_absolute_url()}?page=4").status_code == 404
