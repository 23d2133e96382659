"""The spoiler contract in the content API: a spoiler's text leaves only in a body or a quote
whose ``work`` and ``through`` cover it, and the API opens exactly what a work feed opens.

The hostile shapes are the spoiler crawl's (tests/reader/test_spoiler_crawl.py): every way an
editor can mark a spoiler, published through the editorial core, each secret a marker word that
knows the spoilers around it. Here the API is asked as a reader at every cut the crawl reads
the feeds at.
"""

from html.parser import HTMLParser
from urllib.parse import urlencode

import feedparser
import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from hypothesis import Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from articles.models import Article, Quote
from articles.text import Scope
from people.models import Work
from tests.api.world import EARLY_SECRET, SECRET, SECRET_QUOTE, get_json
from tests.reader.test_spoiler_crawl import (
    DRAWN_BATCH,
    NO_PROGRESS,
    PIECES,
    SEASONS,
    Crawl,
    Reader,
    World,
    build_stage,
    drawn_piece,
    may_see,
    publish_world,
    through,
)

pytestmark = pytest.mark.django_db

SECRETS = (SECRET, EARLY_SECRET, SECRET_QUOTE)


def api_addresses() -> list[str]:
    """Every address of the API that shows something of a row, for every row, with every filter
    a row can be listed by."""
    articles = Article.objects.values_list("slug", flat=True)
    works = Work.objects.values_list("slug", flat=True)
    filters = [
        *(f"work={slug}" for slug in works),
        *(f"tag={tag}" for tag in ("ballet", "interviews", "hidden-topic")),
        "person=kylie-jefferson",
        "author=theo-lindqvist",
        "kind=recap",
    ]
    return [
        "/api/v1/",
        "/api/v1/articles/",
        *(f"/api/v1/articles/?{query}" for query in filters),
        *(f"/api/v1/articles/{slug}/" for slug in articles),
        "/api/v1/quotes/",
        *(f"/api/v1/quotes/?{query}" for query in ("person=kylie-jefferson", "article=finale-recap")),
        *(f"/api/v1/quotes/{pk}/" for pk in Quote.objects.values_list("pk", flat=True)),
        "/api/v1/people/",
        "/api/v1/people/kylie-jefferson/",
        "/api/v1/works/",
        *(f"/api/v1/works/{slug}/" for slug in works),
        "/api/v1/tags/",
    ]


def test_no_secret_leaves_the_api_without_through(client, newsroom):
    for url in api_addresses():
        response = client.get(url)
        assert response.status_code in (200, 400, 404), url
        content = response.content.decode()
        for secret in SECRETS:
            assert secret not in content, (url, secret)


@pytest.mark.parametrize(
    "through, early, late",
    [("s1e1", False, False), ("s1e2", True, False), ("s1e9", True, False), ("s1e10", True, True), ("all", True, True)],
)
def test_through_opens_the_spoilers_it_covers_and_no_others(client, newsroom, through, early, late):
    query = urlencode({"work": "tiny-pretty-things", "through": through})
    detail = get_json(client, f"/api/v1/articles/finale-recap/?{query}")
    [listed] = [row for row in get_json(client, f"/api/v1/articles/?{query}")["results"] if row["id"] == detail["id"]]
    for body in (detail["body_html"], listed["body_html"]):
        assert (EARLY_SECRET in body) is early
        assert (SECRET in body) is late and (SECRET_QUOTE in body) is late
    assert (SECRET_QUOTE in [quote["words"] for quote in detail["quotes"]]) is late


class _Reading(HTMLParser):
    """The words of some HTML and the addresses it links to, whatever its attribute order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.words, self.links = [], []

    def handle_starttag(self, tag, attrs):
        self.links += [value for name, value in attrs if name in ("href", "src", "cite") and value]

    def handle_data(self, data):
        self.words += data.split()


def reading(html: str) -> tuple[list[str], list[str]]:
    parser = _Reading()
    parser.feed(html)
    parser.close()
    return parser.words, parser.links


@pytest.mark.parametrize("scope", ["s1e2", "s1e10", "all", None])
def test_the_api_opens_exactly_what_the_work_feed_opens(client, newsroom, scope):
    query = {"through": scope} if scope else {}
    feed = feedparser.parse(client.get(f"/feeds/works/tiny-pretty-things.rss?{urlencode(query)}").content)
    [item] = [entry for entry in feed.entries if entry.link.endswith("/finale-recap/")]
    detail = get_json(client, f"/api/v1/articles/finale-recap/?{urlencode({'work': 'tiny-pretty-things', **query})}")
    assert reading(detail["body_html"]) == reading(item.content[0].value)


def test_a_spoiler_text_never_reaches_the_fields_outside_the_body(client, newsroom):
    query = urlencode({"work": "tiny-pretty-things", "through": "all"})
    detail = get_json(client, f"/api/v1/articles/finale-recap/?{query}")
    outside = {key: value for key, value in detail.items() if key not in ("body_html", "quotes")}
    for secret in SECRETS:
        assert secret not in str(outside)


# --- The crawl's hostile shapes ----------------------------------------------------------------------


def api_reader(work: str, scope: Scope) -> tuple[str, Reader]:
    """The query a client at ``scope`` in ``work`` sends, and the reader the contract says it is."""
    query = urlencode({"work": work, "through": through(scope)})
    return query, Reader(f"?{query}", {work: scope})


def scoped_addresses(query: str, work: str) -> list[str]:
    articles = Article.objects.filter(works__slug=work).values_list("slug", flat=True)
    quotes = Quote.objects.filter(article__works__slug=work).values_list("pk", flat=True)
    return [
        f"/api/v1/articles/?{query}&page_size=100",
        *(f"/api/v1/articles/{slug}/?{query}" for slug in articles),
        f"/api/v1/quotes/?{query}&page_size=100",
        *(f"/api/v1/quotes/{pk}/?{query}" for pk in quotes),
    ]


def crawl_the_api(world: World) -> Crawl:
    """The API as a client without progress, then as a client at every cut, one work at a time."""
    crawl = Crawl(world)
    for url in ("/api/v1/articles/?page_size=100", "/api/v1/quotes/?page_size=100"):
        crawl.visit(url, NO_PROGRESS)
    for slug in Article.objects.values_list("slug", flat=True):
        crawl.visit(f"/api/v1/articles/{slug}/", NO_PROGRESS)
    for pk in Quote.objects.values_list("pk", flat=True):
        crawl.visit(f"/api/v1/quotes/{pk}/", NO_PROGRESS)
    for cut in world.cuts:
        for work in cut.works:
            query, reader = api_reader(work, cut.progress[work])
            for url in scoped_addresses(query, work):
                crawl.visit(url, reader)
    return crawl


@pytest.fixture
def stage():
    return build_stage()


def test_no_client_is_shown_a_spoiler_its_through_does_not_cover(stage):
    world = publish_world(PIECES, stage)
    crawl = crawl_the_api(world)
    assert len(crawl.visited) > 100, "the crawl asked for every article and quote at every cut"
    assert not crawl.leaks, crawl.report()


def test_a_client_that_has_seen_everything_is_shown_every_secret_the_contract_opens(stage):
    """The crawl's reading is not blind: at ``all`` each work's secrets that may be shown are."""
    world = publish_world(PIECES, stage)
    client = Client()
    for work in SEASONS:
        query, reader = api_reader(work, Scope(work))
        shown = " ".join(
            get_json(client, f"/api/v1/articles/{slug}/?{query}")["body_html"].lower()
            for slug in Article.objects.published().filter(works__slug=work).values_list("slug", flat=True)
        )
        missing = [
            marker
            for marker, secret in world.secrets.items()
            if secret.reveals
            and may_see(reader.progress, secret)
            and Article.objects.published().filter(slug=world.home[marker], works__slug=work).exists()
            and marker not in shown
        ]
        assert not missing, (work, missing)


def test_drawn_documents_reach_no_api_client_unrevealed(stage):
    drawn = pytest.importorskip("tests.text.documents")

    @hypothesis_settings(max_examples=3, phases=[Phase.explicit, Phase.reuse, Phase.generate])
    @given(batch=st.lists(drawn.documents_with_quotes(), min_size=DRAWN_BATCH, max_size=DRAWN_BATCH))
    def crawl_a_batch(batch):
        cache.clear()
        with transaction.atomic():
            pieces = [drawn_piece(index, document, quotes) for index, (document, quotes) in enumerate(batch)]
            crawl = crawl_the_api(publish_world(pieces, stage))
            transaction.set_rollback(True)
        assert not crawl.leaks, crawl.report()

    crawl_a_batch()
