"""No public page reads a whole content table: every query has an index path (PostgreSQL plans).

Each page's queries are captured and EXPLAINed with sequential scans switched off. The planner
still chooses a sequential scan when no index can serve a query at all, so any that remains is a
query that would read every article (or every quote, byline, tag or credit) at any size. Then,
with thousands of articles, each with its byline and quotes, and the planner free to choose, no
page may choose to read the articles end to end. Every kind of public page is asked for, with
its feeds, its sitemap section and the content API's endpoints and filters.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLResolver, get_resolver, resolve, reverse
from django.utils import timezone

from articles.models import Article, Byline, Quote
from people.models import Person
from tests import factories

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="reads PostgreSQL query plans"),
]

# The tables that grow with the number of articles.
GROWING_TABLES = (
    "articles_article",
    "articles_article_works",
    "articles_article_people",
    "articles_byline",
    "articles_quote",
    "articles_taggedarticle",
    "articles_articlespoiler",
    "search_article_entry",
)


@pytest.fixture
def world():
    series = factories.work("Tiny Pretty Things")
    factories.season(series, number=1, episodes=10)
    actress = factories.person("Kylie Jefferson")
    neveah = factories.character(series, "Neveah Stroyer")
    factories.credit(actress, series, role="cast", character=neveah)
    articles = []
    for n, kind in enumerate(Article.Kind.values):
        article = factories.published_article(kind=kind, headline=f"Rehearsal {n}", body=f"Rehearsal number {n}.")
        article.works.add(series)
        article.people.add(actress)
        article.tags.add("ballet")
        factories.byline(article, factories.person())
        factories.quote(article, actress, status="confirmed", words=f"Every rehearsal was a marathon {n}")
        factories.quote(article, actress, status="confirmed", words=f"Line {n}", character=neveah, position=1)
        factories.spoiler(article, series, 1, 2)
        articles.append(article)
    return {"series": series, "actress": actress, "article": articles[0]}


def public_urls(world) -> list[str]:
    series, actress, article = world["series"], world["actress"], world["article"]
    character = series.characters.get()
    quote = article.quotes.get(position=0)
    return [
        reverse("articles:home"),
        article.get_absolute_url(),
        reverse("articles:kind_archive", args=[article.kind]),
        reverse("articles:tag_detail", args=["ballet"]),
        quote.get_absolute_url(),
        actress.get_absolute_url(),
        series.get_absolute_url(),
        character.get_absolute_url(),
        reverse("articles:feed_rss"),
        reverse("articles:kind_feed_atom", args=[article.kind]),
        reverse("articles:tag_feed_rss", args=["ballet"]),
        reverse("articles:work_feed_rss", args=[series.slug]),
        reverse("articles:work_spoilers_feed_rss", args=[series.slug]),
        reverse("articles:person_feed_atom", args=[actress.slug]),
        reverse("sitemap"),
        *(reverse("sitemap_section", args=[section]) for section in SITEMAP_SECTIONS),
        reverse("search:search") + "?q=rehearsal",
        *api_urls(world),
    ]


SITEMAP_SECTIONS = ("articles", "people", "works", "characters", "tags", "quotes")


def api_urls(world) -> list[str]:
    series, actress, article = world["series"], world["actress"], world["article"]
    quote = article.quotes.get(position=0)
    return [
        reverse("api:article_list"),
        *(
            f"{reverse('api:article_list')}?{query}"
            for query in (
                f"kind={article.kind}",
                "tag=ballet",
                f"work={series.slug}",
                f"person={actress.slug}",
                f"author={article.bylines.get().person.slug}",
                "updated_since=2000-01-01",
                f"work={series.slug}&through=s1e2",
            )
        ),
        reverse("api:article_detail", args=[article.slug]),
        reverse("api:person_list"),
        reverse("api:person_detail", args=[actress.slug]),
        reverse("api:work_list"),
        reverse("api:work_detail", args=[series.slug]),
        reverse("api:quote_list"),
        f"{reverse('api:quote_list')}?person={actress.slug}",
        f"{reverse('api:quote_list')}?article={article.slug}",
        f"{reverse('api:quote_list')}?work={series.slug}&through=s1e2",
        reverse("api:quote_detail", args=[quote.pk]),
        reverse("api:tag_list"),
    ]


def sequential_scans(client, url: str, *, forced_only: bool = True, tables=GROWING_TABLES) -> list[str]:
    """The ``tables`` that some query of ``url`` reads from end to end: with ``forced_only``, only
    those it has no other way to read; otherwise those the planner chooses to scan."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    selects = [query["sql"] for query in captured.captured_queries if query["sql"].lstrip().startswith("SELECT")]
    assert selects, f"{url} ran no query; is the page cache on?"
    scans = []
    with connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL enable_seqscan = {'off' if forced_only else 'on'}")
        for sql in selects:
            cursor.execute(f"EXPLAIN {sql}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
            scans += [f"{table}: {sql[:300]}\n{plan}" for table in tables if f"Seq Scan on {table} " in plan]
        cursor.execute("SET LOCAL enable_seqscan = on")
    return scans


def test_public_pages_never_scan_a_growing_table(client, world, monkeypatch):
    monkeypatch.setenv("CALLBOARD_PAGE_CACHE", "0")
    client.cookies["callboard_progress"] = f"{world['series'].slug}:s1e1"  # the reader's progress path too

    scans = {url: sequential_scans(client, url) for url in public_urls(world)}

    found = {url: found for url, found in scans.items() if found}
    assert found == {}, "\n".join(f"{url}\n  " + "\n  ".join(queries) for url, queries in found.items())


def test_at_thousands_of_articles_the_planner_reads_public_pages_through_indexes(client, world, monkeypatch):
    monkeypatch.setenv("CALLBOARD_PAGE_CACHE", "0")
    now = timezone.now()
    kinds = Article.Kind.values
    older = Article.objects.bulk_create(
        Article(
            headline=f"Older piece {n}",
            slug=f"older-piece-{n}",
            # As wide as a real row: a standfirst and an excerpt (the body is stored out of line).
            dek=f"A standfirst for piece {n}. " * 12,
            excerpt=f"The opening lines of piece {n}, as a listing shows them. " * 6,
            kind=kinds[n % len(kinds)],
            status=Article.Status.PUBLISHED,
            publish_at=now - timedelta(days=1, minutes=n),
        )
        for n in range(5000)
    )
    # Each with a byline and three confirmed quotes, as a newsroom's archive has: the person's
    # and character's pages, the quote list and the feeds must find their few rows among them.
    writers = Person.objects.bulk_create(Person(name=f"Writer {n}", slug=f"writer-{n}") for n in range(8))
    speakers = Person.objects.bulk_create(Person(name=f"Speaker {n}", slug=f"speaker-{n}") for n in range(24))
    Byline.objects.bulk_create(Byline(article=article, person=writers[n % 8]) for n, article in enumerate(older))
    Quote.objects.bulk_create(
        Quote(article=article, speaker=speakers[(n * 3 + k) % 24], words=f"Said {n}-{k}", status="confirmed")
        for n, article in enumerate(older)
        for k in range(3)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    # The sitemap too: its pages are ranges of keys, numbered from the largest, and its dates
    # are read from the top of an index, so it never counts or reads every article. Only a page
    # of quotes is left out: its thousand quotes join up to a thousand articles, and with five
    # thousand in all the planner rightly reads them whole (at 100,000 it reads them by key).
    urls = [url for url in public_urls(world) if url != reverse("sitemap_section", args=["quotes"])]

    scans = {url: sequential_scans(client, url, forced_only=False, tables=["articles_article"]) for url in urls}

    found = {url: found for url, found in scans.items() if found}
    assert found == {}, "\n".join(f"{url}\n  " + "\n  ".join(queries) for url, queries in found.items())


# Public addresses the checks above need not ask for, and why.
NOT_PAGES = {
    "articles:reader_progress": "a POST that stores a cookie and reads no content table",
    "articles:share_preview": "the article page's reads, through a signed token",
    "api:root": "links only, no query",
    "api:reference": "a static page",
    "api:schema": "the schema, no query",
}


def named_routes(patterns, namespace: str = "") -> set[str]:
    names = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= named_routes(pattern.url_patterns, inner)
        elif pattern.name:
            names.add(namespace + pattern.name)
    return names


def test_every_public_address_is_checked(world):
    # A page or endpoint added to the site but not to public_urls would go unchecked. An RSS
    # feed and its Atom twin are one view class; either one covers both.
    def kind(name: str) -> str:
        return name.removesuffix("_rss").removesuffix("_atom")

    public = {
        name
        for name in named_routes(get_resolver().url_patterns)
        if name.split(":")[0] in ("articles", "people", "search", "api") or name.startswith("sitemap")
    }
    checked = {resolve(url.split("?")[0]).view_name for url in public_urls(world)}

    assert {kind(name) for name in public - set(NOT_PAGES)} == {kind(name) for name in checked}


def test_the_plan_check_sees_a_query_without_an_index_path(client, world):
    # The check itself must be able to fail: text matching on the body has no index to use.
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN SELECT id FROM articles_article WHERE body LIKE '%rehearsal%'")
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET LOCAL enable_seqscan = on")
    assert "Seq Scan on articles_article " in plan
