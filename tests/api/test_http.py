"""The content API over HTTP: conditional GETs, CORS for reads only, the rate limit, read-only
methods, one representation per address, and the page cache's invalidation."""

from datetime import timedelta

import pytest
import time_machine

from articles import services
from articles.models import Article
from tests import factories
from tests.api.world import get_json, slugs

pytestmark = pytest.mark.django_db

ARTICLES = "/api/v1/articles/"
ADDRESSES = [
    "/api/v1/",
    ARTICLES,
    f"{ARTICLES}finale-recap/",
    "/api/v1/people/",
    "/api/v1/people/kylie-jefferson/",
    "/api/v1/works/",
    "/api/v1/works/tiny-pretty-things/",
    "/api/v1/quotes/",
    "/api/v1/tags/",
]
ORIGIN = {"HTTP_ORIGIN": "https://fans.example.org"}


@pytest.fixture
def page_cache_on(monkeypatch):
    monkeypatch.setenv("CALLBOARD_PAGE_CACHE", "1")


# --- Conditional GET ---------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ADDRESSES)
def test_every_answer_carries_an_etag_and_a_matching_if_none_match_is_a_304(client, newsroom, url):
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""


def test_the_etag_changes_with_the_content(client, newsroom):
    before = client.get(ARTICLES)["ETag"]
    newsroom.interview.headline = "A new headline"
    newsroom.interview.save()
    after = client.get(ARTICLES, HTTP_IF_NONE_MATCH=before)
    assert after.status_code == 200 and after["ETag"] != before


def test_a_cached_answer_is_still_answered_with_a_304(client, newsroom, page_cache_on, django_assert_num_queries):
    first = client.get(ARTICLES)
    assert first["X-Cache"] == "miss"
    with django_assert_num_queries(0):  # from the page cache
        again = client.get(ARTICLES, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again["ETag"] == first["ETag"]


# --- The page cache -----------------------------------------------------------------------------------


def test_publishing_and_unpublishing_reach_the_next_cached_answer(client, newsroom, page_cache_on):
    article = factories.publishable_article(slug="fresh-news", kind=Article.Kind.NEWS)
    assert "fresh-news" not in slugs(get_json(client, ARTICLES))
    assert client.get(ARTICLES)["X-Cache"] == "hit"
    services.article_publish(article=article)
    listed = client.get(ARTICLES)
    assert listed["X-Cache"] == "miss" and slugs(listed.json())[0] == "fresh-news"
    assert get_json(client, f"{ARTICLES}fresh-news/")["slug"] == "fresh-news"
    services.article_unpublish(article=article)
    assert "fresh-news" not in slugs(get_json(client, ARTICLES))
    get_json(client, f"{ARTICLES}fresh-news/", status=404)


def test_a_scheduled_article_reaches_the_cached_list_when_it_goes_live(client, newsroom, page_cache_on):
    assert "a-scheduled-one" not in slugs(get_json(client, ARTICLES))
    with time_machine.travel(newsroom.scheduled.publish_at + timedelta(minutes=1)):
        assert "a-scheduled-one" in slugs(get_json(client, ARTICLES))


def test_a_cached_answer_may_be_kept_by_a_shared_cache_for_a_minute(client, newsroom, page_cache_on):
    control = client.get(ARTICLES)["Cache-Control"]
    assert "public" in control and "s-maxage=60" in control


def test_refusals_are_not_cached(client, newsroom, page_cache_on):
    assert client.get(f"{ARTICLES}?tag=soon").status_code == 400
    article = factories.published_article(slug="tagged-soon")
    article.tags.add("soon")
    assert client.get(f"{ARTICLES}?tag=soon").status_code == 200


# --- One representation per address ----------------------------------------------------------------------


@pytest.mark.parametrize("accept", ["text/html", "application/xml", "application/yaml", "*/*"])
def test_accept_does_not_change_the_answer(client, newsroom, accept):
    plain = client.get(ARTICLES)
    asked = client.get(ARTICLES, HTTP_ACCEPT=accept)
    assert asked.status_code == 200 and asked["Content-Type"] == "application/json"
    assert asked.content == plain.content


def test_a_format_the_api_does_not_have_is_not_found(client, newsroom):
    get_json(client, f"{ARTICLES}?format=api", status=404)


# --- Read-only ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", [ARTICLES, f"{ARTICLES}finale-recap/", "/api/v1/quotes/"])
def test_writes_are_refused_with_405_and_change_nothing(client, newsroom, method, url):
    response = getattr(client, method)(url, data='{"headline": "Hijacked"}', content_type="application/json")
    assert response.status_code == 405
    assert response.json()["detail"].startswith("Method")
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}
    assert not Article.objects.filter(headline="Hijacked").exists()


def test_options_describes_the_endpoint_and_offers_nothing_to_write(client, newsroom):
    response = client.options(ARTICLES)
    assert response.status_code == 200
    described = response.json()
    assert described["name"] == "Article List" and described["renders"] == ["application/json"]
    assert "actions" not in described and described["parses"] == []


def test_head_answers_like_get_without_a_body(client, newsroom):
    response = client.head(ARTICLES)
    assert response.status_code == 200 and response.content == b""


def test_a_signed_in_editor_gets_the_same_public_answer(staff_client, client, newsroom):
    assert staff_client.get(ARTICLES).content == client.get(ARTICLES).content
    assert staff_client.get(f"{ARTICLES}a-draft/").status_code == 404


# --- CORS ---------------------------------------------------------------------------------------------


def test_reads_from_another_origin_are_allowed(client, newsroom):
    response = client.get(ARTICLES, **ORIGIN)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert "etag" in response["Access-Control-Expose-Headers"].lower()


def test_a_preflight_allows_reads_and_no_write(client, newsroom):
    for method in ("GET", "POST", "DELETE"):
        response = client.options(ARTICLES, HTTP_ACCESS_CONTROL_REQUEST_METHOD=method, **ORIGIN)
        assert response.status_code == 200
        allowed = {name.strip() for name in response["Access-Control-Allow-Methods"].split(",")}
        assert allowed == {"GET", "HEAD", "OPTIONS"}
        assert "authorization" not in response["Access-Control-Allow-Headers"].lower()


def test_a_write_from_another_origin_is_refused_and_gets_no_credentials(client, newsroom):
    response = client.post(ARTICLES, data={}, **ORIGIN)
    assert response.status_code == 405
    assert "Access-Control-Allow-Credentials" not in response


def test_the_site_outside_the_api_sends_no_cors_headers(client, newsroom):
    for url in ("/", "/articles/finale-recap/", "/feeds/all.rss"):
        assert "Access-Control-Allow-Origin" not in client.get(url, **ORIGIN), url


# --- Rate limit -----------------------------------------------------------------------------------------


def test_past_the_rate_a_client_gets_429_with_retry_after(client, newsroom, settings):
    settings.CALLBOARD_API_RATE = "3/min"
    assert [client.get(ARTICLES).status_code for _ in range(3)] == [200, 200, 200]
    refused = client.get(f"{ARTICLES}finale-recap/", **ORIGIN)
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert "throttled" in refused.json()["detail"].lower()
    assert refused["Access-Control-Allow-Origin"] == "*"  # a page elsewhere can read why


def test_the_rate_is_counted_per_client_address(client, newsroom, settings):
    settings.CALLBOARD_API_RATE = "2/min"
    for _ in range(2):
        client.get(ARTICLES)
    assert client.get(ARTICLES).status_code == 429
    assert client.get(ARTICLES, REMOTE_ADDR="192.0.2.7").status_code == 200


def test_a_forwarded_for_header_does_not_pick_a_fresh_counter(client, newsroom, settings):
    settings.CALLBOARD_API_RATE = "2/min"
    for index in range(2):
        client.get(ARTICLES, HTTP_X_FORWARDED_FOR=f"198.51.100.{index}")
    assert client.get(ARTICLES, HTTP_X_FORWARDED_FOR="198.51.100.99").status_code == 429


def test_the_count_starts_again_after_the_period(client, newsroom, settings):
    settings.CALLBOARD_API_RATE = "1/min"
    assert client.get(ARTICLES).status_code == 200
    assert client.get(ARTICLES).status_code == 429
    with time_machine.travel(timedelta(seconds=61)):
        assert client.get(ARTICLES).status_code == 200
