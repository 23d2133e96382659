"""No public page reads a whole content table: every query has an index path (PostgreSQL plans).

Each page's queries are captured and EXPLAINed with sequential scans switched off. The planner
still chooses a sequential scan when no index can serve a query at all, so any that remains is a
query that would read every article (or every quote, tag or credit) at any size.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
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
)


@pytest.fixture
def world():
    series = factories.work("Tiny Pretty Things")
    factories.season(series, number=1, episodes=10)
    actress = factories.person("Kylie Jefferson")
    factories.credit(actress, series, role="cast", character=factories.character(series, "Neveah Stroyer"))
    articles = []
    for n, kind in enumerate(Article.Kind.values):
        article = factories.published_article(kind=kind, headline=f"Rehearsal {n}", body=f"Rehearsal number {n}.")
        article.works.add(series)
        article.people.add(actress)
        article.tags.add("ballet")
        factories.byline(article, factories.person())
        factories.quote(article, actress, status="confirmed", words=f"Every rehearsal was a marathon {n}")
        factories.spoiler(article, series, 1, 2)
        articles.append(article)
    return {"series": series, "actress": actress, "article": articles[0]}


def public_urls(world) -> list[str]:
    series, actress, article = world["series"], world["actress"], world["article"]
    character = series.characters.get()
    return [
        reverse("articles:home"),
        article.get_absolute_url(),
        reverse("articles:kind_archive", args=[article.kind]),
        reverse("articles:tag_detail", args=["ballet"]),
        article.quotes.get().get_absolute_url(),
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
        reverse("sitemap_section", args=["articles"]),
        reverse("sitemap_section", args=["tags"]),
        reverse("search:search") + "?q=rehearsal",
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
            scans += [f"{table}: {sql[:200]}" for table in tables if f"Seq Scan on {table} " in plan]
        cursor.execute("SET LOCAL enable_seqscan = on")
    return scans


def test_public_pages_never_scan_a_growing_table(client, world, monkeypatch):
    monkeypatch.setenv("CALLBOARD_PAGE_CACHE", "0")
    client.cookies["callboard_progress"] = f"{world['series'].slug}:s1e1"  # the reader's progress path too

    scans = {url: sequential_scans(client, url) for url in public_urls(world)}

    assert {url: found for url, found in scans.items() if found} == {}


def test_at_thousands_of_articles_the_planner_reads_public_pages_through_indexes(client, world, monkeypatch):
    monkeypatch.setenv("CALLBOARD_PAGE_CACHE", "0")
    now = timezone.now()
    kinds = Article.Kind.values
    Article.objects.bulk_create(
        Article(
            headline=f"Older piece {n}",
            slug=f"older-piece-{n}",
            kind=kinds[n % len(kinds)],
            status=Article.Status.PUBLISHED,
            publish_at=now - timedelta(days=1, minutes=n),
        )
        for n in range(5000)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    # The sitemap pages through every published article by design, a thousand a page, and its
    # index counts them to number the pages (an index-only scan once the table is vacuumed).
    whole_archive = {reverse("sitemap"), reverse("sitemap_section", args=["articles"])}
    urls = [url for url in public_urls(world) if url not in whole_archive]

    scans = {url: sequential_scans(client, url, forced_only=False, tables=["articles_article"]) for url in urls}

    assert {url: found for url, found in scans.items() if found} == {}


def test_the_plan_check_sees_a_query_without_an_index_path(client, world):
    # The check itself must be able to fail: text matching on the body has no index to use.
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN SELECT id FROM articles_article WHERE body LIKE '%rehearsal%'")
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET LOCAL enable_seqscan = on")
    assert "Seq Scan on articles_article " in plan
