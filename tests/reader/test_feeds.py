from datetime import timedelta
from html.parser import HTMLParser
from urllib.parse import urlsplit

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse, reverse_lazy
from django.utils import timezone
from django.utils.text import format_lazy

from articles.models import Article
from articles.services import article_render
from tests import factories

pytestmark = pytest.mark.django_db


FINALE_TWIST = "the understudy was pushed"


@pytest.fixture
def world():
    series = factories.work("Tiny Pretty Things", slug="tiny-pretty-things")
    actor = factories.person("Anna Maiche", slug="anna-maiche")
    picture = factories.image()
    # Links as editors write them and as the body pipeline adds them: site paths, a footnote,
    # a library image, a speaker's page, and one inside a spoiler.
    recap = factories.published_article(
        kind=Article.Kind.RECAP,
        headline="Finale recap",
        dek="What the last episode settles.",
        hero_image=factories.image(),
        body=(
            "The finale of [the show](/works/tiny-pretty-things/) lands.[^1]\n\n"
            f"![A leap mid-rehearsal](image:{picture.pk})\n\n"
            f"::: spoiler S1E10\nIn the end {FINALE_TWIST}, says [Anna](/people/anna-maiche/).\n:::\n\n"
            "[^1]: Our [earlier recap](../earlier-recap/) has the season so far.\n"
        ),
    )
    recap.works.add(series)
    recap.tags.add("ballet")
    factories.byline(recap, factories.person("Theo Lindqvist"))
    factories.spoiler(recap, series, 1, 10, severity="ending")
    article_render(article=recap)
    interview = factories.published_article(
        kind=Article.Kind.INTERVIEW,
        headline="Maiche interview",
        ago=timedelta(days=1),
        body="“I trained for years,” said Anna Maiche. Write to us at <mailto:desk@example.com>.",
    )
    interview.people.add(actor)
    factories.quote(interview, actor, status="confirmed", words="I trained for years")
    article_render(article=interview)
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


class Addresses(HTMLParser):
    """Every address in a piece of HTML: links, image sources (each of a srcset) and citations."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "srcset":
                self.found += [candidate.split()[0] for candidate in value.split(",")]
            elif name in {"href", "src", "cite", "poster"}:
                self.found.append(value)


def addresses(html: str) -> list[str]:
    parser = Addresses()
    parser.feed(html)
    parser.close()
    return parser.found


def raw_entries(client, url: str) -> list:
    """The entries as the feed has them: feedparser would otherwise resolve relative links itself."""
    response = client.get(url)
    assert response.status_code == 200
    return feedparser.parse(response.content, resolve_relative_uris=False, sanitize_html=False).entries


# Every feed as served, and the work feeds with every spoiler opened too (another code path).
FEED_ADDRESSES = [reverse_lazy(name, kwargs=kwargs) for name, kwargs in FEEDS] + [
    format_lazy("{}?through=all", reverse_lazy(name, kwargs=kwargs)) for name, kwargs in FEEDS if "work" in name
]


@pytest.mark.parametrize("url", FEED_ADDRESSES, ids=str)
def test_every_link_and_image_in_a_feeds_text_and_summary_is_absolute(client, world, url):
    entries = raw_entries(client, str(url))

    found = [
        address
        for entry in entries
        for html in [entry.summary, *(content.value for content in entry.get("content", []))]
        for address in addresses(html)
    ]

    assert found, "the feed's articles have links and images"
    relative = [address for address in found if not urlsplit(address).scheme]
    assert relative == []
    assert {urlsplit(address).netloc for address in found if not address.startswith("mailto:")} == {"testserver"}


def recap_content(client, url: str) -> str:
    [entry] = [entry for entry in raw_entries(client, url) if entry.title == "Finale recap"]
    return entry.content[0].value


def test_feed_text_links_point_at_the_site_with_the_requests_host(client, world):
    found = addresses(recap_content(client, "/feeds/all.rss"))

    article = "http://testserver/articles/" + Article.objects.get(headline="Finale recap").slug + "/"
    assert "http://testserver/works/tiny-pretty-things/" in found
    assert article + "#fn1" in found  # the footnote reference, on the article's page
    assert "http://testserver/articles/earlier-recap/" in found  # resolved like the page's own links
    assert [address for address in found if "/media/" in address]
    assert all(address.startswith("http://testserver/media/") for address in found if "/media/" in address)
    assert article in found  # the hidden spoiler's placeholder


def test_feed_text_stays_spoiler_safe_with_its_links_made_absolute(client, world):
    hidden = recap_content(client, "/feeds/works/tiny-pretty-things.rss")
    opened = recap_content(client, "/feeds/works/tiny-pretty-things/spoilers.rss")

    assert FINALE_TWIST not in hidden and "http://testserver/people/anna-maiche/" not in addresses(hidden)
    assert FINALE_TWIST in opened and "http://testserver/people/anna-maiche/" in addresses(opened)


def test_quote_marks_in_feed_text_link_the_speakers_page_absolutely(client, world):
    [entry] = raw_entries(client, "/feeds/people/anna-maiche.atom")

    found = addresses(entry.content[0].value)

    assert found.count("http://testserver/people/anna-maiche/") == 2  # the speaker's link and the q's cite
    assert "mailto:desk@example.com" in found


# The page each feed follows, by the start of the feed's URL name.
FEED_PAGES = {
    "articles:feed": "/",
    "articles:kind_feed": "/kind/recap/",
    "articles:tag_feed": "/tags/ballet/",
    "articles:work_feed": "/works/tiny-pretty-things/",
    "articles:work_spoilers_feed": "/works/tiny-pretty-things/",
    "articles:person_feed": "/people/anna-maiche/",
}


@pytest.mark.parametrize("name, kwargs", FEEDS)
def test_each_feed_links_to_the_page_it_follows(client, world, name, kwargs):
    page = FEED_PAGES[name.rsplit("_", 1)[0]]

    feed = parse(client, name, kwargs)

    assert feed.feed.link == f"http://testserver{page}"
    assert client.get(page).status_code == 200


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


# absolute_links, on its own

BASE = "https://news.example.com/articles/finale/"


@pytest.mark.parametrize(
    "html, expected",
    [
        ('<a href="/works/show/">show</a>', '<a href="https://news.example.com/works/show/">show</a>'),
        ('<a href="#fn1">1</a>', '<a href="https://news.example.com/articles/finale/#fn1">1</a>'),
        ('<a href="../older/">older</a>', '<a href="https://news.example.com/articles/older/">older</a>'),
        ('<a href="//cdn.example.net/x">x</a>', '<a href="https://cdn.example.net/x">x</a>'),
        (
            '<q class="quote" cite="/people/anna/">Hi</q>',
            '<q class="quote" cite="https://news.example.com/people/anna/">Hi</q>',
        ),
        (
            '<img src="/media/a.jpg" srcset="/media/a-480.jpg 480w, /media/a-960.jpg 960w" alt="A leap">',
            '<img src="https://news.example.com/media/a.jpg" '
            'srcset="https://news.example.com/media/a-480.jpg 480w, https://news.example.com/media/a-960.jpg 960w" '
            'alt="A leap">',
        ),
    ],
)
def test_absolute_links_resolves_every_address_against_the_article(html, expected):
    from reader.feeds import absolute_links

    assert absolute_links(html, base=BASE) == expected


@pytest.mark.parametrize(
    "html",
    [
        '<p>Plain text, &lt;b&gt;escaped&lt;/b&gt; &amp; kept, with href="/not-a-link/" as words.</p>',
        '<a href="https://elsewhere.example/">out</a> <a href="mailto:desk@example.com">mail</a>',
        '<p class="spoiler-placeholder"><a href="https://news.example.com/articles/finale/">Spoiler hidden</a></p>',
        '<details class="spoiler" data-spoiler="show:s1e2"><summary>Reveal</summary><p>x</p></details><br>',
    ],
)
def test_absolute_links_leaves_text_and_absolute_addresses_as_they_are(html):
    from reader.feeds import absolute_links

    assert absolute_links(html, base=BASE) == html


def test_spoilers_feed_refuses_a_through_of_thousands_of_digits_with_a_400(client, lighthouse_recap):
    refused = spoilers_feed(client, "?through=s" + "1" * 5000)
    assert refused.status_code == 400
    assert "not a scope" in refused.content.decode()
