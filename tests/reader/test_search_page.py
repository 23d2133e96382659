import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.services import article_render
from reader.views import PAGE_SIZE
from search import backends
from search.backends import MAX_RESULTS
from tests import factories

pytestmark = pytest.mark.django_db

URL = reverse("search:search")
SPOILER_WORD = "zanzibarquartz"
INLINE_SPOILER_WORD = "marmalodeon"


@pytest.fixture(params=["walk", "index read"] if connection.vendor == "postgresql" else ["fts5"])
def page_queries(request, monkeypatch) -> int:
    """The search page's number of queries, for each way the database may read the matches.

    Count, page, the cards' bylines and spoiler tags, highlights; people and works: the first few (counted
    only when they fill the preview). On PostgreSQL the planner's estimate comes first, then the
    newest matches' keys (walking the date index, or read through the search index for a rarer
    word), then the ranking of the newest of them; which way is chosen is fixed here, not left to
    the planner.
    """
    if connection.vendor != "postgresql":
        return 7
    by_index = request.param == "index read"
    planned_read = backends.planned_read

    def decided(matches):
        planned_read(matches)  # the planner is still asked, as on every search
        return 0, by_index

    monkeypatch.setattr(backends, "planned_read", decided)
    return 9


def search(client, q, **params):
    return client.get(URL, {"q": q, **params})


def found_headlines(response) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", headline)
        for headline in re.findall(r'class="card-title"><a [^>]+>(.*?)</a>', response.content.decode())
    ]


def rendered_article(body: str, **fields) -> Article:
    article = factories.published_article(body=body, **fields)
    article_render(article=article)
    return article


@pytest.fixture
def spoiler_article():
    series = factories.work("Glass Slippers")
    factories.season(series, 1, episodes=10)
    article = factories.published_article(
        headline="What the finale of Glass Slippers means",
        dek="Our explainer, spoiler-free above the fold.",
        body=(
            "The choreography in this season is luminous.\n\n"
            f"Early on, ||S1E2: {INLINE_SPOILER_WORD} returns||.\n\n"
            f"::: spoiler S1E2\nThe understudy is the {SPOILER_WORD} all along.\n:::\n\n"
            "A closing paragraph about the luminous sets."
        ),
    )
    article.works.add(series)
    factories.spoiler(article, series, 1, 2, severity="ending")
    article_render(article=article)
    return article


def test_finds_an_article_by_its_headline(client):
    factories.published_article(headline="Pirouettes at midnight")
    assert found_headlines(search(client, "pirouettes")) == ["Pirouettes at midnight"]


def test_finds_an_article_by_its_dek(client):
    factories.published_article(headline="A quiet premiere", dek="The understated brilliance of a chamber drama.")
    assert found_headlines(search(client, "understated")) == ["A quiet premiere"]


def test_finds_an_article_by_its_spoiler_free_body_text(client):
    rendered_article("The rehearsal footage shows a staggering arabesque.", headline="Behind the scenes")
    assert found_headlines(search(client, "arabesque")) == ["Behind the scenes"]


def test_finds_articles_holding_every_term_only(client):
    factories.published_article(headline="Ballet in Paris")
    factories.published_article(headline="Ballet in Toronto")
    assert found_headlines(search(client, "ballet toronto")) == ["Ballet in Toronto"]


def test_ranks_a_headline_match_above_a_body_match(client):
    rendered_article("A long piece that mentions the choreographer once.", headline="An ordinary recap")
    factories.published_article(headline="The choreographer speaks", ago=timedelta(days=3))
    assert found_headlines(search(client, "choreographer")) == ["The choreographer speaks", "An ordinary recap"]


def test_ranks_a_dek_match_above_a_body_match(client):
    rendered_article("Somewhere in here the word lighting appears.", headline="First")
    factories.published_article(headline="Second", dek="How the lighting was done.", ago=timedelta(days=3))
    assert found_headlines(search(client, "lighting")) == ["Second", "First"]


def test_a_word_found_only_inside_a_spoiler_section_finds_nothing(client, spoiler_article):
    response = search(client, SPOILER_WORD)
    assert found_headlines(response) == []
    assert spoiler_article.headline not in response.content.decode()


def test_a_word_found_only_inside_an_inline_spoiler_finds_nothing(client, spoiler_article):
    assert found_headlines(search(client, INLINE_SPOILER_WORD)) == []


def test_results_for_a_spoiler_article_never_show_its_spoilers(client, spoiler_article):
    response = search(client, "luminous")
    page = response.content.decode()
    assert found_headlines(response) == [spoiler_article.headline]
    assert "<mark>luminous</mark>" in page
    assert SPOILER_WORD not in page
    assert INLINE_SPOILER_WORD not in page


@pytest.mark.parametrize(
    "status,ago",
    [
        ("draft", timedelta(hours=1)),
        ("review", timedelta(hours=1)),
        ("unpublished", timedelta(hours=1)),
        ("published", -timedelta(hours=1)),
    ],
    ids=["draft", "in-review", "unpublished", "scheduled"],
)
def test_articles_readers_cannot_see_never_appear(client, status, ago):
    factories.article(headline="Embargoed casting news", status=status, publish_at=timezone.now() - ago)
    response = search(client, "embargoed")
    assert found_headlines(response) == []
    assert "Embargoed" not in response.content.decode()


def test_a_scheduled_article_appears_once_its_time_has_come(client):
    article = factories.published_article(headline="Embargoed casting news", ago=-timedelta(hours=1))
    assert found_headlines(search(client, "embargoed")) == []
    Article.objects.filter(pk=article.pk).update(publish_at=article.publish_at - timedelta(hours=2))
    assert found_headlines(search(client, "embargoed")) == ["Embargoed casting news"]


def test_an_edited_headline_is_found_by_its_new_words_only(client):
    article = factories.published_article(headline="Old wording here")
    article.headline = "Fresh wording here"
    article.save()
    assert found_headlines(search(client, "fresh")) == ["Fresh wording here"]
    assert found_headlines(search(client, "old")) == []


def test_a_deleted_article_is_no_longer_found(client):
    factories.published_article(headline="Soon to vanish").delete()
    assert found_headlines(search(client, "vanish")) == []


def test_finds_a_person_by_another_spelling(client):
    person = factories.person("Casimere Jollette")
    factories.alias(person, "Casimere Jolette")
    page = search(client, "jolette").content.decode()
    assert person.get_absolute_url() in page


def test_finds_a_person_by_their_biography(client):
    person = factories.person("Avery Quill", bio="Trained at the Royal Ballet School.")
    assert person.get_absolute_url() in search(client, "royal ballet").content.decode()


def test_finds_a_work_by_its_title(client):
    work = factories.work("Tiny Pretty Things")
    factories.work("Something else")
    page = search(client, "pretty").content.decode()
    assert work.get_absolute_url() in page
    assert "Something else" not in page


def test_the_people_section_lists_people_only(client):
    person = factories.person("Avery Quill")
    factories.published_article(headline="Avery Quill interview")
    response = search(client, "quill", type="people")
    assert person.get_absolute_url() in response.content.decode()
    assert found_headlines(response) == []


def test_results_are_paginated_twelve_a_page(client):
    for n in range(13):
        factories.published_article(headline=f"Encore number {n}", ago=timedelta(hours=n + 1))
    assert len(found_headlines(search(client, "encore"))) == 12
    second = search(client, "encore", page=2)
    assert found_headlines(second) == ["Encore number 12"]
    assert 'rel="prev" href="?q=encore&amp;page=1"' in second.content.decode()


@pytest.mark.parametrize("page", ["2", "0", "-1", "abc", "99999999999999999999"])
def test_a_page_past_the_end_is_not_found(client, page):
    factories.published_article(headline="Encore")
    assert search(client, "encore", page=page).status_code == 404


@pytest.mark.parametrize(
    "q",
    [
        '"',
        '"unbalanced',
        "*",
        "ballet*",
        "NEAR(ballet tutu)",
        "NEAR",
        "headline:ballet",
        "safe_text:ballet",
        "AND OR NOT",
        "-ballet",
        "^ballet",
        "(((",
        "'; DROP TABLE articles_article; --",
        "%_%",
        "\\",
        "a\x00b",
        "\ue000ballet\ue001",
        "Zoë O’Neil",
        "日本語のバレエ",
        "🩰🎭",
        "\u202eballet",
        "x" * 5000,
        "ballet " * 300,
    ],
)
def test_hostile_queries_never_fail(client, q):
    factories.published_article(headline="Ballet tutu news")
    response = search(client, q)
    assert response.status_code == 200


def test_an_empty_query_shows_the_form_and_no_results(client):
    factories.published_article(headline="Ballet tutu news")
    page = search(client, "").content.decode()
    assert '<input id="search-q" type="search" name="q" value=""' in page
    assert "Ballet tutu news" not in page
    assert "found for" not in page


def test_a_query_of_punctuation_only_asks_for_words(client):
    assert "Type a word or two" in search(client, "*** !!").content.decode()


def test_a_long_query_is_shortened_with_a_message(client):
    factories.published_article(headline="Ballet tutu news")
    response = search(client, "ballet " + "x" * 300)
    assert response.status_code == 200
    assert "limited to 200 characters" in response.content.decode()


def test_results_page_has_title_description_noindex_and_the_query_in_a_labelled_field(client):
    page = search(client, "tutu <b>").content.decode()
    assert "<title>Search: tutu &lt;b&gt; · Callboard</title>" in page
    assert '<meta name="description" content="Articles, people and works on Callboard matching' in page
    assert '<meta name="robots" content="noindex">' in page
    assert '<label for="search-q">' in page
    assert 'name="q" value="tutu &lt;b&gt;"' in page
    assert "0 articles, 0 people and 0 works found" in page


def test_the_empty_search_page_may_be_indexed(client):
    assert 'name="robots"' not in search(client, "").content.decode()


def test_highlights_are_escaped_then_marked(client):
    factories.published_article(headline="Tutu <script>alert(1)</script> review")
    page = search(client, "tutu").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "<mark>Tutu</mark> &lt;script&gt;" in page


def test_every_page_has_a_search_form_in_the_header(client):
    page = client.get(reverse("articles:home")).content.decode()
    assert 'role="search" action="/search/"' in page
    assert '<label class="visually-hidden" for="site-search-q">' in page


def _listed_articles(count: int) -> None:
    series = factories.work("Glass Slippers")
    for n in range(count):
        article = factories.published_article(headline=f"Encore number {n}", ago=timedelta(hours=n + 1))
        factories.byline(article)
        article.tags.add("ballet", f"topic-{n}")
        factories.spoiler(article, series, 1, n + 1)


@pytest.mark.parametrize("count", [1, 30])
def test_the_number_of_queries_does_not_grow_with_results(client, count, page_queries):
    _listed_articles(count)
    with CaptureQueriesContext(connection) as queries:
        response = search(client, "encore")
    assert response.status_code == 200
    assert len(found_headlines(response)) == min(count, 12)
    assert len(queries) == page_queries, "\n".join(query["sql"] for query in queries)


def _matching_articles(count: int) -> None:
    now = timezone.now()
    Article.objects.bulk_create(
        Article(headline=f"Encore {n}", slug=f"encore-{n}", status="published", publish_at=now - timedelta(minutes=n))
        for n in range(count)
    )


def test_people_beside_the_articles_are_counted_only_past_a_full_preview(client):
    def searched() -> tuple[str, int]:
        with CaptureQueriesContext(connection) as queries:
            page = search(client, "encore").content.decode()
        return page, len(queries)

    for n in range(4):
        factories.person(f"Encore Dancer {n}", bio="A dancer.")
    four, fewer_queries = searched()
    factories.person("Encore Dancer 4", bio="A dancer.")
    five, full_queries = searched()
    factories.person("Encore Dancer 5", bio="A dancer.")
    six, _ = searched()

    assert "0 articles, 4 people and 0 works found" in four and "All 4 people" not in four
    assert "0 articles, 5 people and 0 works found" in five and "All 5 people" not in five
    assert "0 articles, 6 people and 0 works found" in six and "All 6 people" in six
    assert full_queries == fewer_queries + 1


def test_past_the_cap_the_count_says_more_and_the_pages_stop_at_the_cap(client):
    _matching_articles(MAX_RESULTS + 1)
    last = -(-MAX_RESULTS // PAGE_SIZE)
    page = search(client, "encore").content.decode()
    assert f"More than {MAX_RESULTS} articles, 0 people and 0 works found" in page
    assert f"Only {MAX_RESULTS} are listed" in page
    assert f"Page 1 of {last}" in page
    assert len(found_headlines(search(client, "encore", page=last))) == MAX_RESULTS - (last - 1) * PAGE_SIZE
    assert search(client, "encore", page=last + 1).status_code == 404


def test_at_the_cap_the_count_is_exact(client):
    _matching_articles(MAX_RESULTS)
    page = search(client, "encore", type="articles").content.decode()
    assert f"{MAX_RESULTS} articles found" in page
    assert "More than" not in page
    assert "are listed" not in page


@pytest.mark.parametrize("count", [1, MAX_RESULTS + 1])
def test_the_number_of_queries_does_not_grow_past_the_cap(client, count, page_queries):
    _matching_articles(count)
    with CaptureQueriesContext(connection) as queries:
        response = search(client, "encore")
    assert len(found_headlines(response)) == min(count, PAGE_SIZE)
    assert len(queries) == page_queries, "\n".join(query["sql"] for query in queries)
