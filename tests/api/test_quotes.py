"""/api/v1/quotes/: confirmed quotes of published articles, never one from inside a spoiler the
request's ``through`` does not cover."""

import pytest

from articles.models import Quote
from articles.services import article_render
from tests import factories
from tests.api.world import HIDDEN_WORDS, PUBLIC_QUOTE, SECRET_QUOTE, get_json

pytestmark = pytest.mark.django_db

QUOTES = "/api/v1/quotes/"
SPOILED = "work=tiny-pretty-things&through="


def words(payload) -> list[str]:
    return [quote["words"] for quote in payload["results"]]


def test_the_list_holds_the_confirmed_public_quotes(client, newsroom):
    payload = get_json(client, QUOTES)
    assert words(payload) == [PUBLIC_QUOTE]
    [quote] = payload["results"]
    assert quote["url"] == f"http://testserver/quotes/{newsroom.public_quote.pk}/"
    assert quote["speaker"]["slug"] == "kylie-jefferson" and quote["spoiler"] is None
    assert quote["article"]["url"] == "http://testserver/articles/finale-recap/"


def test_suggested_and_rejected_quotes_and_those_of_hidden_articles_are_left_out(client, newsroom):
    factories.quote(newsroom.interview, newsroom.actor, status=Quote.Status.SUGGESTED, words="A suggestion only")
    factories.quote(newsroom.interview, newsroom.actor, status=Quote.Status.REJECTED, words="A rejected one")
    listed = client.get(QUOTES).content.decode()
    assert "A suggestion only" not in listed and "A rejected one" not in listed and HIDDEN_WORDS not in listed
    hidden = Quote.objects.filter(words=HIDDEN_WORDS)
    assert hidden.count() == 3
    for quote in hidden:
        get_json(client, f"{QUOTES}{quote.pk}/", status=404)


@pytest.mark.parametrize("through, shown", [("s1e9", False), ("s1e10", True), ("s1", True), ("all", True)])
def test_a_quote_inside_a_spoiler_appears_only_when_through_covers_it(client, newsroom, through, shown):
    assert newsroom.secret_quote.spoiler_scope == "tiny-pretty-things:s1e10"
    listed = words(get_json(client, f"{QUOTES}?{SPOILED}{through}"))
    assert (SECRET_QUOTE in listed) is shown and PUBLIC_QUOTE in listed
    detail = client.get(f"{QUOTES}{newsroom.secret_quote.pk}/?{SPOILED}{through}")
    assert detail.status_code == (200 if shown else 404)
    if shown:
        assert detail.json()["spoiler"] == "tiny-pretty-things:s1e10"


def test_a_quote_inside_a_spoiler_has_no_address_without_through(client, newsroom):
    get_json(client, f"{QUOTES}{newsroom.secret_quote.pk}/", status=404)
    assert SECRET_QUOTE not in client.get(QUOTES).content.decode()


def test_through_in_another_work_opens_nothing_of_this_one(client, newsroom):
    other = factories.work("Another Show", slug="another-show", synopsis="Elsewhere.")
    factories.season(other, number=1, episodes=10)
    listed = words(get_json(client, f"{QUOTES}?work=another-show&through=all"))
    assert SECRET_QUOTE not in listed


def test_an_unscoped_quote_stays_hidden_whatever_the_through(client, newsroom):
    unscoped = factories.published_article(headline="Unscoped", slug="unscoped")
    unscoped.works.add(newsroom.series, newsroom.novel)  # two works and no spoiler tag: no default scope
    unscoped.body = "::: spoiler\n“Words nobody may see outside,” she said.\n:::\n"
    unscoped.save()
    factories.quote(unscoped, newsroom.actor, status="confirmed", words="Words nobody may see outside")
    article_render(article=unscoped)
    assert Quote.objects.get(words="Words nobody may see outside").spoiler_scope == "unscoped"
    assert "Words nobody may see outside" not in client.get(f"{QUOTES}?{SPOILED}all").content.decode()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("person=kylie-jefferson", [PUBLIC_QUOTE]),
        ("person=theo-lindqvist", []),
        ("article=finale-recap", [PUBLIC_QUOTE]),
        ("article=jefferson-interview", []),
        ("work=tiny-pretty-things", [PUBLIC_QUOTE]),
        ("work=tiny-pretty-things-novel", []),
    ],
)
def test_each_filter_narrows_the_quotes(client, newsroom, query, expected):
    assert words(get_json(client, f"{QUOTES}?{query}")) == expected


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("person=nobody", "person"),
        ("article=a-draft", "article"),
        ("article=no-such-article", "article"),
        ("work=draft-only-show", "work"),
        ("through=s1", "through"),
        ("work=tiny-pretty-things&through=S99E99", "through"),
    ],
)
def test_a_refused_filter_is_a_400(client, newsroom, query, parameter):
    assert list(get_json(client, f"{QUOTES}?{query}", status=400)) == [parameter]


def test_a_key_too_large_for_any_row_is_not_found(client, newsroom):
    get_json(client, f"{QUOTES}{'9' * 30}/", status=404)


def test_hidden_quotes_leave_short_pages_and_the_cursor_still_leads_on(client, newsroom):
    for index in range(25):
        factories.quote(newsroom.review, newsroom.actor, status="confirmed", words=f"Public words number {index}")
    Quote.objects.filter(words__startswith="Public words number 1").update(spoiler_scope="tiny-pretty-things:s1e10")
    first = get_json(client, f"{QUOTES}?{SPOILED}s1e9")
    seen = words(first) + words(get_json(client, first["next"]))
    assert len(first["results"]) < 20
    assert sorted(seen) == sorted(
        [PUBLIC_QUOTE, *(f"Public words number {index}" for index in range(25) if not str(index).startswith("1"))]
    )
