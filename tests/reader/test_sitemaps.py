"""The sitemaps list every public page and nothing else, with the date each last changed, in a
fixed number of queries."""

import re
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Quote
from people.models import Character
from tests import factories

pytestmark = pytest.mark.django_db

SECTIONS = ["articles", "people", "works", "characters", "tags", "quotes"]


def days_ago(days: int) -> datetime:
    return timezone.now() - timedelta(days=days)


def touched(article: Article, when: datetime) -> Article:
    """The article as last saved at ``when`` (``updated_at`` is set on every save)."""
    Article.objects.filter(pk=article.pk).update(updated_at=when)
    return article


@pytest.fixture
def world():
    series = factories.work("Tiny Pretty Things", slug="tiny-pretty-things")
    june = factories.character(series, "June Park", slug="june-park")
    actor = factories.person("Anna Maiche", slug="anna-maiche")
    recap = factories.published_article(kind=Article.Kind.RECAP, headline="Finale recap", ago=timedelta(days=10))
    recap.works.add(series)
    recap.tags.add("ballet")
    touched(recap, days_ago(10))
    interview = factories.published_article(kind=Article.Kind.INTERVIEW, headline="Interview", ago=timedelta(days=3))
    touched(interview, days_ago(3))
    public = factories.quote(interview, actor, status="confirmed", words="I trained for years", character=june)
    factories.quote(interview, actor, status="confirmed", words="The twist", spoiler_scope="tiny-pretty-things:s1e10")
    factories.quote(interview, actor, status="suggested", words="Maybe said")
    factories.quote(interview, actor, status="rejected", words="Never said")
    # Only a draft and a scheduled article mention these.
    hushed = factories.work("Hushed Horizon", slug="hushed-horizon")
    factories.character(hushed, "The Secret Lead", slug="secret-lead")
    draft = factories.article(headline="Draft")
    draft.works.add(hushed)
    factories.quote(draft, actor, status="confirmed", words="From a draft")
    scheduled = factories.article(
        headline="Scheduled", status=Article.Status.PUBLISHED, publish_at=timezone.now() + timedelta(days=1)
    )
    scheduled.tags.add("ballet")
    factories.quote(scheduled, actor, status="confirmed", words="From a scheduled piece")
    return {"series": series, "june": june, "recap": recap, "interview": interview, "public_quote": public}


def index(client) -> str:
    return client.get("/sitemap.xml").content.decode()


def sitemap_sections(client) -> list[str]:
    return re.findall(r"<loc>http://testserver(/sitemap-[a-z]+\.xml(?:\?p=\d+)?)</loc>", index(client))


def section(client, name: str) -> str:
    response = client.get(f"/sitemap-{name}.xml")
    assert response.status_code == 200
    return response.content.decode()


def entries(client, name: str) -> dict[str, str | None]:
    """A section's addresses (as paths), each with its ``lastmod`` or None."""
    pattern = r"<url><loc>http://testserver([^<]+)</loc>(?:<lastmod>([^<]+)</lastmod>)?"
    found = re.findall(pattern, section(client, name))
    return {path: lastmod or None for path, lastmod in found}


def local_date(when: datetime) -> str:
    return timezone.localtime(when).date().isoformat()


def test_sitemap_is_an_index_of_its_sections(client, world):
    assert sitemap_sections(client) == [f"/sitemap-{name}.xml" for name in SECTIONS]


@pytest.mark.parametrize("name", ["articles", "tags", "quotes", "people", "works"])
def test_the_index_dates_each_section_that_has_dates(client, world, name):
    assert re.search(rf"<loc>http://testserver/sitemap-{name}\.xml</loc><lastmod>[^<]+</lastmod>", index(client))


def test_the_articles_section_is_dated_by_its_latest_published_change_not_a_scheduled_one(client, world):
    latest = timezone.localtime(days_ago(3)).isoformat()[:10]

    dated = re.search(r"sitemap-articles\.xml</loc><lastmod>([^<]+)</lastmod>", index(client)).group(1)

    assert dated[:10] == latest


def section_date(client, name: str) -> str:
    return re.search(rf"sitemap-{name}\.xml</loc><lastmod>([^<]+)</lastmod>", index(client)).group(1)[:10]


def test_the_quotes_section_is_dated_by_the_latest_change_to_a_public_quote_or_its_article(client, world):
    quote = world["public_quote"]
    Quote.objects.filter(pk=quote.pk).update(updated_at=days_ago(20))
    touched(world["interview"], days_ago(2))
    # Changes readers never see on a quote's page do not date it.
    hidden = Quote.objects.exclude(pk=quote.pk)
    hidden.update(updated_at=days_ago(1))
    touched(world["recap"], days_ago(1))
    assert section_date(client, "quotes") == local_date(days_ago(2))

    Quote.objects.filter(pk=quote.pk).update(updated_at=timezone.now())

    assert section_date(client, "quotes") == local_date(timezone.now())


@pytest.mark.parametrize("name", ["articles", "quotes"])
@pytest.mark.parametrize("limit", [1, 2])
def test_articles_and_quotes_are_paged_by_ranges_of_keys_from_the_smallest_to_the_largest(
    client, world, monkeypatch, name, limit
):
    from reader.sitemaps import ArticleSitemap, QuoteSitemap

    rows = [world["recap"], world["interview"]] if name == "articles" else [world["public_quote"]]
    rows += [factories.quote(world["interview"], status="confirmed")] if name == "quotes" else []
    keys = sorted(row.pk for row in rows)
    monkeypatch.setattr(ArticleSitemap if name == "articles" else QuoteSitemap, "limit", limit)
    # Keys need not start at 1 (a database's sequences never go back): pages count from the smallest.
    pages = -(-(keys[-1] - keys[0] + 1) // limit)

    listed = [path for path in sitemap_sections(client) if path.startswith(f"/sitemap-{name}.xml")]
    found = [client.get(f"/sitemap-{name}.xml?p={page}").content.decode() for page in range(1, pages + 1)]

    assert listed == [f"/sitemap-{name}.xml"] + [f"/sitemap-{name}.xml?p={page}" for page in range(2, pages + 1)]
    first_page = [row.get_absolute_url() in found[0] for row in rows]
    assert first_page == [row.pk < keys[0] + limit for row in rows]
    assert sum(page.count("<url>") for page in found) == len(rows)
    assert client.get(f"/sitemap-{name}.xml?p={pages + 1}").status_code == 404


@pytest.mark.parametrize(
    "url",
    ["/sitemap-nothing.xml", "/sitemap-articles.xml?p=1000000", "/sitemap-articles.xml?p=x", "/sitemap-tags.xml?p=0"],
)
def test_sitemap_sections_and_pages_that_do_not_exist_answer_404(client, world, url):
    assert client.get(url).status_code == 404


def test_sitemap_lists_published_articles_people_and_works_only(client, world):
    published = {world["recap"].get_absolute_url(), world["interview"].get_absolute_url()}
    assert set(entries(client, "articles")) == published
    assert "/works/tiny-pretty-things/" in entries(client, "works")
    assert "/works/hushed-horizon/" not in entries(client, "works")
    assert "/people/anna-maiche/" in entries(client, "people")


def test_articles_are_dated_by_their_last_change(client, world):
    assert entries(client, "articles")[world["recap"].get_absolute_url()] == local_date(days_ago(10))


def test_tags_are_dated_by_their_newest_published_article(client, world):
    newer = factories.published_article(ago=timedelta(days=5))
    newer.tags.add("ballet")
    touched(newer, days_ago(5))

    assert entries(client, "tags") == {"/tags/ballet/": local_date(days_ago(5))}


def test_character_pages_are_listed_for_public_works_only(client, world):
    assert list(entries(client, "characters")) == [world["june"].get_absolute_url()]


def test_quote_pages_are_listed_only_for_confirmed_quotes_outside_spoilers_in_live_articles(client, world):
    quote = world["public_quote"]

    assert entries(client, "quotes") == {
        quote.get_absolute_url(): local_date(max(quote.updated_at, days_ago(3))),
    }


@pytest.mark.parametrize(
    "name, rows",
    [
        ("characters", lambda: Character.objects.select_related("work")),
        ("quotes", lambda: Quote.objects.all()),
    ],
)
def test_a_page_is_in_the_sitemap_exactly_when_it_answers(client, world, name, rows):
    listed = set(entries(client, name))

    answers = {row.get_absolute_url() for row in rows() if client.get(row.get_absolute_url()).status_code == 200}

    assert listed == answers and answers


def test_publishing_a_draft_lists_its_works_characters_and_its_quotes(client, world):
    draft = Article.objects.get(headline="Draft")
    draft.status, draft.publish_at = Article.Status.PUBLISHED, days_ago(1)
    draft.save()

    assert "/works/hushed-horizon/characters/secret-lead/" in entries(client, "characters")
    assert draft.quotes.get().get_absolute_url() in entries(client, "quotes")


def grow(world) -> None:
    """Five more of every row the sitemaps list."""
    for n in range(5):
        article = factories.published_article()
        article.tags.add(f"topic {n}")
        article.works.add(world["series"])
        factories.quote(article, status="confirmed", character=factories.character(world["series"]))
        factories.person()
        factories.work(synopsis="A show of its own.")


@pytest.mark.parametrize(
    "url, count",
    [
        ("/sitemap.xml", 14),
        *((f"/sitemap-{name}.xml", 3 if name in {"articles", "quotes"} else 2) for name in SECTIONS),
    ],
)
def test_sitemap_queries_do_not_grow_with_rows(client, world, django_assert_num_queries, url, count):
    with django_assert_num_queries(count):
        client.get(url)
    grow(world)
    with django_assert_num_queries(count):
        client.get(url)


def test_robots_txt_points_at_the_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body
