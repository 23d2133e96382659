"""Public pages exist only for what readers may see: a person, work or tag that only drafts,
scheduled or unpublished articles mention has no page, feed, sitemap entry or search result
until one of those articles is published."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    """A pasted draft: a byline the paste created, a work added for it, a topic tag of its own."""
    article = factories.article(headline="Draft about a secret project", slug="secret-project")
    factories.byline(article, factories.person("Dana Draftwright", slug="dana-draftwright"))
    article.works.add(factories.work("Hushed Horizon", slug="hushed-horizon"))
    article.tags.add("skunkworks")
    return article


PAGES = ["/people/dana-draftwright/", "/works/hushed-horizon/", "/tags/skunkworks/"]
FEEDS = ["/feeds/people/dana-draftwright.rss", "/feeds/works/hushed-horizon.atom", "/feeds/tag/skunkworks.rss"]
SEARCHES = [("draftwright", "/people/dana-draftwright/"), ("hushed", "/works/hushed-horizon/")]


def sitemap(client) -> str:
    sections = ("people", "works", "characters", "tags", "quotes")
    return "".join(client.get(f"/sitemap-{section}.xml").content.decode() for section in sections)


def publish(article: Article, when=None) -> None:
    article.status = Article.Status.PUBLISHED
    article.publish_at = when or timezone.now() - timedelta(minutes=1)
    article.save()


@pytest.mark.parametrize("url", PAGES + FEEDS)
def test_what_only_a_draft_mentions_has_no_page_or_feed(client, draft, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", PAGES + FEEDS)
def test_what_only_a_scheduled_or_unpublished_article_mentions_has_no_page(client, draft, url):
    publish(draft, when=timezone.now() + timedelta(days=1))
    assert client.get(url).status_code == 404
    publish(draft)
    draft.status = Article.Status.UNPUBLISHED
    draft.save()
    assert client.get(url).status_code == 404


def test_what_only_a_draft_mentions_is_left_out_of_sitemaps(client, draft):
    body = sitemap(client)
    for url in PAGES:
        assert url not in body


@pytest.mark.parametrize("query, url", SEARCHES)
def test_what_only_a_draft_mentions_is_never_found(client, draft, query, url):
    for section in ({}, {"type": "people"}, {"type": "works"}):
        assert url not in client.get("/search/", {"q": query, **section}).content.decode()


@pytest.mark.parametrize("url", PAGES + FEEDS)
def test_publishing_the_draft_makes_its_pages_public(client, draft, url):
    publish(draft)
    assert client.get(url).status_code == 200


def test_publishing_the_draft_puts_its_pages_in_sitemaps_and_search(client, draft):
    publish(draft)
    body = sitemap(client)
    for url in PAGES:
        assert url in body
    for query, url in SEARCHES:
        assert url in client.get("/search/", {"q": query}).content.decode()


def test_a_person_an_editor_entered_keeps_a_page_whatever_the_drafts(client, draft):
    """A biography or a credit is a page of its own; so is a person no article mentions."""
    described = factories.person("Bea Biography", bio="Trained in Lyon.")
    credited = factories.person("Cal Credited")
    factories.credit(credited, factories.work())
    entered = factories.person("Eli Entered")
    for person in (described, credited):
        factories.byline(draft, person)

    for person in (described, credited, entered):
        assert client.get(person.get_absolute_url()).status_code == 200
        assert person.get_absolute_url() in sitemap(client)


def test_a_work_an_editor_described_keeps_a_page_whatever_the_drafts(client, draft):
    described = factories.work("Described Show", synopsis="Dancers and rivals.")
    draft.works.add(described)
    assert client.get(described.get_absolute_url()).status_code == 200


def test_a_quote_in_a_draft_gives_its_speaker_no_page(client, draft):
    speaker = factories.person("Quinn Quoted")
    factories.quote(draft, speaker, status="confirmed")
    assert client.get(speaker.get_absolute_url()).status_code == 404


def test_characters_of_a_work_only_a_draft_mentions_have_no_page(client, draft):
    character = factories.character(draft.works.get(), slug="the-lead")
    assert client.get(character.get_absolute_url()).status_code == 404
    publish(draft)
    assert client.get(character.get_absolute_url()).status_code == 200


def test_characters_and_quotes_only_a_draft_shows_are_left_out_of_sitemaps_until_it_is_published(client, draft):
    character = factories.character(draft.works.get(), slug="the-lead")
    quote = factories.quote(draft, status="confirmed", words="Words from the draft", character=character)

    for url in (character.get_absolute_url(), quote.get_absolute_url()):
        assert url not in sitemap(client)
    publish(draft)
    for url in (character.get_absolute_url(), quote.get_absolute_url()):
        assert url in sitemap(client)
