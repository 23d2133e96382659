import re
from datetime import timedelta

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse
from django.utils import timezone

from articles.models import Article
from articles.services import article_render
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    series = factories.work("Tiny Pretty Things", slug="tiny-pretty-things")
    actor = factories.person("Anna Maiche", slug="anna-maiche")
    recap = factories.published_article(
        kind=Article.Kind.RECAP,
        headline="Finale recap",
        dek="What the last episode settles.",
        hero_image=factories.image(),
    )
    recap.works.add(series)
    recap.tags.add("ballet")
    factories.byline(recap, factories.person("Theo Lindqvist"))
    factories.spoiler(recap, series, 1, 10, severity="ending")
    interview = factories.published_article(
        kind=Article.Kind.INTERVIEW, headline="Maiche interview", ago=timedelta(days=1)
    )
    factories.quote(interview, actor, status="confirmed")
    factories.article(headline="Draft about the show").works.add(series)
    scheduled = factories.article(
        headline="Scheduled about the show",
        status=Article.Status.PUBLISHED,
        publish_at=timezone.now() + timedelta(days=1),
    )
    scheduled.works.add(series)
    scheduled.tags.add("ballet")
    return {"series": series, "actor": actor}


FEEDS = [
    ("articles:feed_rss", {}),
    ("articles:feed_atom", {}),
    ("articles:kind_feed_rss", {"kind": "recap"}),
    ("articles:kind_feed_atom", {"kind": "recap"}),
    ("articles:tag_feed_rss", {"slug": "ballet"}),
    ("articles:tag_feed_atom", {"slug": "ballet"}),
    ("articles:work_feed_rss", {"slug": "tiny-pretty-things"}),
    ("articles:work_feed_atom", {"slug": "tiny-pretty-things"}),
    ("articles:work_spoilers_feed_rss", {"slug": "tiny-pretty-things"}),
    ("articles:work_spoilers_feed_atom", {"slug": "tiny-pretty-things"}),
    ("articles:person_feed_rss", {"slug": "anna-maiche"}),
    ("articles:person_feed_atom", {"slug": "anna-maiche"}),
]


def parse(client, name, kwargs):
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    return feedparser.parse(response.content)


@pytest.mark.parametrize("name, kwargs", FEEDS)
def test_feed_parses_cleanly_and_lists_only_published_articles(client, world, name, kwargs):
    feed = parse(client, name, kwargs)
    assert feed.bozo == 0, feed.get("bozo_exception")
    titles = {entry.title for entry in feed.entries}
    assert titles
    assert not titles & {"Draft about the show", "Scheduled about the show"}


def test_work_feed_lists_the_articles_about_the_work(client, world):
    feed = parse(client, "articles:work_feed_rss", {"slug": "tiny-pretty-things"})
    assert [entry.title for entry in feed.entries] == ["Finale recap"]


def test_person_feed_lists_articles_with_their_confirmed_quotes(client, world):
    feed = parse(client, "articles:person_feed_atom", {"slug": "anna-maiche"})
    assert [entry.title for entry in feed.entries] == ["Maiche interview"]


def test_person_feed_of_a_journalist_lists_the_articles_they_wrote(client, world):
    critic = factories.person("Theo Lindqvist", slug="theo-lindqvist")
    review = factories.published_article(kind=Article.Kind.REVIEW, headline="A review", ago=timedelta(days=2))
    factories.byline(review, critic, label="TV Critic")
    factories.byline(factories.article(headline="A draft review"), critic)

    feed = parse(client, "articles:person_feed_rss", {"slug": "theo-lindqvist"})

    assert [entry.title for entry in feed.entries] == ["A review"]
    assert "by, about or quoting Theo Lindqvist" in feed.feed.description


@pytest.mark.parametrize("name, kwargs", FEEDS)
def test_a_feed_keeps_nothing_from_a_request_on_itself(client, world, name, kwargs):
    url = reverse(name, kwargs=kwargs)
    feed = resolve(url).func
    before = dict(vars(feed))

    assert client.get(url, {"through": "all"} if "work" in name else {}).status_code == 200

    assert vars(feed) == before


def test_feed_items_carry_author_tags_image_and_a_spoiler_notice(client, world):
    entry = parse(client, "articles:feed_rss", {}).entries[0]
    assert entry.title == "Finale recap"
    assert entry.summary.startswith("Contains spoilers for Tiny Pretty Things S1E10.")
    assert "What the last episode settles." in entry.summary
    assert [tag.term for tag in entry.tags] == ["ballet"]
    assert "Theo Lindqvist" in entry.author
    assert entry.enclosures[0].type == "image/png"


@pytest.mark.parametrize(
    "url", ["/feeds/kind/gossip.rss", "/feeds/tag/nothing.rss", "/feeds/works/nothing.atom", "/feeds/people/nobody.rss"]
)
def test_unknown_feed_subjects_answer_404(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("name, kwargs", FEEDS)
def test_feed_queries_do_not_grow_with_items(client, world, name, kwargs):
    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(reverse(name, kwargs=kwargs)).status_code == 200
        return len(context.captured_queries)

    few = queries()
    for n in range(5):
        article = factories.published_article(kind=Article.Kind.RECAP, hero_image=factories.image())
        article.works.add(world["series"])
        article.tags.add("ballet", f"extra {n}")
        factories.byline(article)
        factories.byline(article)
        factories.spoiler(article, world["series"], 1, n + 1)
        factories.quote(article, world["actor"], status="confirmed")
    assert queries() == few


def sitemap_sections(client) -> list[str]:
    index = client.get("/sitemap.xml").content.decode()
    return re.findall(r"<loc>http://testserver(/sitemap-[a-z]+\.xml(?:\?p=\d+)?)</loc>", index)


def test_sitemap_is_an_index_of_its_sections(client, world):
    assert sitemap_sections(client) == [
        "/sitemap-articles.xml",
        "/sitemap-people.xml",
        "/sitemap-works.xml",
        "/sitemap-tags.xml",
    ]


def test_sitemap_index_splits_articles_into_pages_of_a_thousand(client, world, monkeypatch):
    from reader.sitemaps import ArticleSitemap

    monkeypatch.setattr(ArticleSitemap, "limit", 1)

    sections = sitemap_sections(client)

    assert "/sitemap-articles.xml?p=2" in sections and "/sitemap-articles.xml?p=3" not in sections
    second = client.get("/sitemap-articles.xml?p=2").content.decode()
    assert second.count("/articles/") == 1


@pytest.mark.parametrize(
    "url", ["/sitemap-nothing.xml", "/sitemap-articles.xml?p=2", "/sitemap-articles.xml?p=x", "/sitemap-tags.xml?p=0"]
)
def test_sitemap_sections_and_pages_that_do_not_exist_answer_404(client, world, url):
    assert client.get(url).status_code == 404


def test_sitemap_lists_published_articles_people_and_works_only(client, world):
    body = "".join(client.get(url).content.decode() for url in sitemap_sections(client))
    assert "/works/tiny-pretty-things/" in body
    assert "/people/anna-maiche/" in body
    assert body.count("/articles/") == 2
    assert "/tags/ballet/" in body
    assert "<lastmod>" in body


@pytest.mark.parametrize("url", ["/sitemap.xml", "/sitemap-articles.xml", "/sitemap-tags.xml"])
def test_sitemap_queries_do_not_grow_with_rows(client, world, url):
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(5):
        factories.published_article().tags.add(f"topic {n}")
        factories.person()
        factories.work()
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many.captured_queries) == len(few.captured_queries)


def test_robots_txt_points_at_the_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_pages_advertise_their_feeds(client, world):
    home = client.get("/").content.decode()
    work = client.get(world["series"].get_absolute_url()).content.decode()
    assert 'type="application/rss+xml"' in home and "/feeds/all.rss" in home
    assert "/feeds/works/tiny-pretty-things.rss" in work and "/feeds/works/tiny-pretty-things.atom" in work


# A work's spoilers feed, cut at the episode a reader asks for, with the page cache on: each cut
# is its own page, so no reader is served a cut made for someone further along.

PILOT_TWIST = "the foghorn was never wired to anything"
MIDSEASON_TWIST = "Ines has been keeping the lamp lit for her sister"
SEASON_ONE_TWIST = "the island never appears on any chart"
FINALE_TWIST = "the lighthouse is switched off for good"
SEASON_TWO_TWIST = "a second keeper arrives by the night ferry"
TWISTS = [PILOT_TWIST, MIDSEASON_TWIST, SEASON_ONE_TWIST, FINALE_TWIST, SEASON_TWO_TWIST]


@pytest.fixture
def lighthouse_recap():
    show = factories.work("The Lighthouse Keepers", slug="lighthouse-keepers")
    factories.season(show, number=1, episodes=8)
    factories.season(show, number=2, episodes=6)
    recap = factories.published_article(
        kind=Article.Kind.RECAP,
        headline="The Lighthouse Keepers, season two premiere",
        slug="lighthouse-keepers-premiere",
        body=(
            "A quiet opening about the storm season.\n\n"
            f"Early on, ||S1E2: {PILOT_TWIST}||.\n\n"
            f"::: spoiler S1E5\nBy the middle of the season, {MIDSEASON_TWIST}.\n:::\n\n"
            f"::: spoiler S1\nLooking back, {SEASON_ONE_TWIST}.\n:::\n\n"
            f"::: spoiler S1E8\nAt the end, {FINALE_TWIST}.\n:::\n\n"
            f"::: spoiler S2E1\nAnd now {SEASON_TWO_TWIST}.\n:::\n"
        ),
    )
    recap.works.add(show)
    factories.spoiler(recap, show, 2, 1)
    article_render(article=recap)
    return recap


@pytest.fixture
def page_cache_on(monkeypatch):
    monkeypatch.setenv("CALLBOARD_PAGE_CACHE", "1")


def spoilers_feed(client, query: str = "", feed: str = "rss", **headers):
    return client.get(f"/feeds/works/lighthouse-keepers/spoilers.{feed}{query}", **headers)


def opened(response) -> list[str]:
    """The twists a feed response gives away, in the order the article tells them."""
    assert response.status_code == 200, response.content
    content = feedparser.parse(response.content).entries[0].content[0].value
    return [twist for twist in TWISTS if twist in content]


@pytest.mark.parametrize("feed", ["rss", "atom"])
def test_spoilers_feed_keeps_each_cut_apart_in_the_page_cache(client, lighthouse_recap, page_cache_on, feed):
    asked = [
        ("", "miss", TWISTS),
        ("?through=s1e5", "miss", [PILOT_TWIST, MIDSEASON_TWIST]),
        ("?through=s1e2", "miss", [PILOT_TWIST]),
        ("?through=s1e5", "hit", [PILOT_TWIST, MIDSEASON_TWIST]),
        ("", "hit", TWISTS),
        ("?through=s1e2", "hit", [PILOT_TWIST]),
    ]
    for query, cache, twists in asked:
        response = spoilers_feed(client, query, feed)
        assert (query, response["X-Cache"], opened(response)) == (query, cache, twists)


@pytest.mark.parametrize(
    "through, twists",
    [
        ("S1E5", [PILOT_TWIST, MIDSEASON_TWIST]),
        ("lighthouse-keepers:s1e5", [PILOT_TWIST, MIDSEASON_TWIST]),
        # A whole season, or its finale, opens the season-wide spoilers too, and nothing of the next.
        ("s1", [PILOT_TWIST, MIDSEASON_TWIST, SEASON_ONE_TWIST, FINALE_TWIST]),
        ("s1e8", [PILOT_TWIST, MIDSEASON_TWIST, SEASON_ONE_TWIST, FINALE_TWIST]),
        ("s1+finale", [PILOT_TWIST, MIDSEASON_TWIST, SEASON_ONE_TWIST, FINALE_TWIST]),
        ("s2e1", TWISTS),
        ("all", TWISTS),
    ],
)
def test_spoilers_feed_reads_through_as_readers_write_it(client, lighthouse_recap, page_cache_on, through, twists):
    spoilers_feed(client, "?through=s1e2")  # another cut, cached first, must not be served instead
    assert opened(spoilers_feed(client, f"?through={through}")) == twists


def test_spoilers_feed_answers_304_only_to_the_etag_of_the_same_cut(client, lighthouse_recap, page_cache_on):
    midseason = spoilers_feed(client, "?through=s1e5")
    pilot = spoilers_feed(client, "?through=s1e2")
    assert midseason["ETag"] != pilot["ETag"]

    assert spoilers_feed(client, "?through=s1e5", HTTP_IF_NONE_MATCH=midseason["ETag"]).status_code == 304
    again = spoilers_feed(client, "?through=s1e2", HTTP_IF_NONE_MATCH=midseason["ETag"])
    assert opened(again) == [PILOT_TWIST]


def test_spoilers_feed_never_caches_a_refused_through(client, lighthouse_recap, page_cache_on):
    for _ in range(2):
        refused = spoilers_feed(client, "?through=s1e99")
        assert (refused.status_code, refused.get("X-Cache")) == (400, None)
