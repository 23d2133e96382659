"""The anonymous page cache: fast for readers, never stale, never shared with the wrong reader."""

import ast
import os
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core.cache.backends.db import DatabaseCache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import services
from cms import pagecache
from tests import factories
from tests.admin_helpers import person_form

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(monkeypatch):
    monkeypatch.setenv("CALLBOARD_PAGE_CACHE", "1")


def get(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return response, len(queries.captured_queries)


@pytest.fixture
def article():
    article = factories.publishable_article(headline="Cached headline")
    services.article_publish(article=article)
    return article


def test_second_anonymous_request_is_served_from_the_cache_without_queries(client, article):
    first, first_queries = get(client, article.get_absolute_url())
    second, second_queries = get(client, article.get_absolute_url())
    assert first["X-Cache"] == "miss" and second["X-Cache"] == "hit"
    assert first_queries > 0 and second_queries == 0
    assert second.content == first.content


def test_cached_pages_carry_cdn_friendly_headers(client, article):
    response = client.get(article.get_absolute_url())
    control = response["Cache-Control"]
    assert "public" in control and "s-maxage=60" in control and "stale-while-revalidate=300" in control
    assert "Accept-Language" in response["Vary"]
    assert response["ETag"] and response["Last-Modified"]


def test_conditional_requests_answer_304(client, article):
    response = client.get(article.get_absolute_url())
    again = client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    since = client.get(article.get_absolute_url(), HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert since.status_code == 304


def test_feeds_answer_304_to_a_matching_etag(client, article):
    response = client.get("/feeds/all.rss")
    assert client.get("/feeds/all.rss", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_editing_an_article_is_seen_on_the_next_request(client, article):
    client.get("/")
    article.headline = "A fresh headline"
    services.article_save(article=article, user=None, base_version=article.version)
    assert "A fresh headline" in client.get("/").content.decode()


def test_unpublishing_removes_the_article_at_once(client, article):
    assert client.get(article.get_absolute_url()).status_code == 200
    services.article_unpublish(article=article)
    assert client.get(article.get_absolute_url()).status_code == 404
    assert "Cached headline" not in client.get("/").content.decode()


def test_a_scheduled_article_goes_live_in_the_cache_by_time_alone(client):
    with time_machine.travel("2026-06-01 12:00 +0000", tick=False):
        scheduled = factories.publishable_article(headline="Goes live at one")
        services.article_publish(article=scheduled, publish_at=timezone.now() + timedelta(hours=1))
        assert "Goes live at one" not in client.get("/").content.decode()
        assert client.get("/")["X-Cache"] == "hit"
    with time_machine.travel("2026-06-01 13:00:01 +0000", tick=False):
        assert "Goes live at one" in client.get("/").content.decode()


def test_editing_a_person_in_the_admin_refreshes_their_page(staff_client):
    client = Client()
    person = factories.person("Old Name")
    assert client.get(person.get_absolute_url())["X-Cache"] == "miss"

    staff_client.post(
        reverse("admin:people_person_change", args=[person.pk]), person_form(name="New Name", slug=person.slug)
    )
    assert "New Name" in client.get(person.get_absolute_url()).content.decode()


def test_confirming_a_quote_refreshes_the_person_page(client):
    speaker = factories.person("Kylie Jefferson")
    article = factories.publishable_article(body="“Every rehearsal was a marathon,” she said.")
    services.article_publish(article=article)
    quote = factories.quote(article, speaker, status="suggested", words="Every rehearsal was a marathon")
    assert "Every rehearsal" not in client.get(speaker.get_absolute_url()).content.decode()
    services.quote_confirm(quote=quote)
    assert "Every rehearsal" in client.get(speaker.get_absolute_url()).content.decode()


def test_readers_with_spoiler_progress_get_their_own_pages(client, article):
    client.get(article.get_absolute_url())
    client.cookies[settings.CALLBOARD_PROGRESS_COOKIE] = "some-show:s1e2"
    response = client.get(article.get_absolute_url())
    assert response["X-Cache"] == "miss"
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("url", ["/feeds/all.rss", "/sitemap.xml"])
def test_a_page_with_absolute_links_is_kept_apart_for_each_host_and_scheme(client, article, settings, url):
    settings.ALLOWED_HOSTS = ["news.example", "www.news.example"]
    first = client.get(url, HTTP_HOST="news.example")
    other_host = client.get(url, HTTP_HOST="www.news.example")
    secure = client.get(url, HTTP_HOST="news.example", secure=True)
    again = client.get(url, HTTP_HOST="news.example")

    assert [first["X-Cache"], other_host["X-Cache"], secure["X-Cache"], again["X-Cache"]] == [
        "miss",
        "miss",
        "miss",
        "hit",
    ]
    assert b"http://news.example/" in first.content and b"www.news.example" not in first.content
    assert b"http://www.news.example/" in other_host.content
    assert b"https://news.example/" in secure.content


def test_staff_are_never_served_or_stored_in_the_page_cache(staff_client, article):
    client = Client()
    client.get(article.get_absolute_url())
    response = staff_client.get(article.get_absolute_url())
    assert "X-Cache" not in response
    draft = factories.article(headline="Staff-only draft")
    staff_client.get(draft.get_absolute_url())
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_admin_and_previews_are_never_cached(client, article):
    assert "X-Cache" not in client.get("/admin/login/")


def test_page_cache_can_be_switched_off(client, article, monkeypatch):
    monkeypatch.setenv("CALLBOARD_PAGE_CACHE", "0")
    client.get(article.get_absolute_url())
    response, queries = get(client, article.get_absolute_url())
    assert "X-Cache" not in response and queries > 0


def test_site_keeps_serving_when_the_cache_is_unreachable(client, article, settings, caplog):
    settings.CACHES = {"default": {"BACKEND": "cms.cache.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}}
    # Changing CACHES resets the cache handler, so this request meets a Redis that is not there.
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200 and "Cached headline" in response.content.decode()
    assert "Page cache unreachable" in caplog.text


def test_security_headers_are_set(client, article):
    response = client.get(article.get_absolute_url())
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "blob:" not in response["Content-Security-Policy"]  # only the admin previews uploads
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_generation_moves_on_when_the_site_changes():
    before = pagecache.current_generation()
    pagecache.site_changed()
    assert pagecache.current_generation() != before


def test_every_change_gives_a_generation_never_used_before():
    # A token, not a counter: two processes moving on at once, on a cache whose increment is a
    # read then a write, could both write the same next number; they cannot write the same token.
    generations = [pagecache.current_generation()]
    for _ in range(50):
        pagecache.site_changed()
        generations.append(pagecache.current_generation())
    assert len(set(generations)) == len(generations)


def test_a_page_stored_before_a_change_commits_is_not_served_after_it(
    client, article, django_capture_on_commit_callbacks
):
    # Another process can rebuild a page between a change and its commit, from the rows as they
    # were; the generation moves on again at commit, so that page is never served.
    url = article.get_absolute_url()
    with django_capture_on_commit_callbacks(execute=True):
        pagecache.site_changed()
        assert client.get(url)["X-Cache"] == "miss"
        assert client.get(url)["X-Cache"] == "hit"

    assert client.get(url)["X-Cache"] == "miss"


def test_environment_switch_reads_common_spellings(monkeypatch):
    for value, expected in [("0", False), ("off", False), ("1", True), ("", True)]:
        monkeypatch.setenv("CALLBOARD_PAGE_CACHE", value)
        assert pagecache.enabled() is expected
    monkeypatch.delenv("CALLBOARD_PAGE_CACHE")
    assert pagecache.enabled() is True
    assert os.environ.get("CALLBOARD_PAGE_CACHE") is None


def test_database_outage_answers_503_with_retry_after_and_cached_pages_keep_serving(client, article, monkeypatch):
    from django.db import OperationalError
    from django.db.backends.utils import CursorWrapper

    cached_url = article.get_absolute_url()
    client.get(cached_url)  # now in the page cache

    def database_down(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", database_down)
    monkeypatch.setattr(CursorWrapper, "executemany", database_down)

    response = client.get("/works/anything/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Back in a moment" in response.content.decode()
    assert client.get(cached_url).status_code == 200


@pytest.fixture
def database_cache(settings):
    """The cache a start without REDIS_URL uses: a table every process on the database shares."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "callboard_test_cache"}
    }
    call_command("createcachetable", verbosity=0)


def test_with_the_database_cache_a_page_is_stored_and_an_unpublish_seen_at_once(client, article, database_cache):
    url = article.get_absolute_url()
    assert client.get(url)["X-Cache"] == "miss"
    assert client.get(url)["X-Cache"] == "hit"
    services.article_unpublish(article=article)
    assert client.get(url).status_code == 404


def test_a_change_written_through_one_cache_client_is_seen_through_another(article, database_cache):
    # Two clients of one table stand for two processes: the generation one writes, the other reads.
    first = DatabaseCache("callboard_test_cache", {})
    second = DatabaseCache("callboard_test_cache", {})
    first.set(pagecache.GENERATION_KEY, "before", None)
    assert pagecache.current_generation() == second.get(pagecache.GENERATION_KEY) == "before"
    pagecache.site_changed()
    assert first.get(pagecache.GENERATION_KEY) == second.get(pagecache.GENERATION_KEY) != "before"


def test_the_schedule_comes_from_the_registered_sources(monkeypatch):
    soon = timezone.now() + timedelta(hours=1)
    later = soon + timedelta(hours=1)
    monkeypatch.setattr(pagecache, "_schedule_sources", [lambda now: later, lambda now: None, lambda now: soon])
    assert pagecache.next_scheduled_change() == soon
    monkeypatch.setattr(pagecache, "_schedule_sources", [])
    assert pagecache.next_scheduled_change() is None


CMS = Path(pagecache.__file__).parent
DOMAIN_APPS = {"articles", "people", "images", "search"}
# Where the project is put together: the root URLs and the readers' template environment name
# every app's views, sitemaps and template helpers. Everything else in cms is plumbing.
ASSEMBLY = {"urls.py", "templating.py"}


def imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports, at its top or inside a function."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize(
    "path", sorted(p for p in CMS.rglob("*.py") if p.name not in ASSEMBLY), ids=lambda path: str(path.relative_to(CMS))
)
def test_cms_imports_nothing_from_the_domain_apps(path):
    assert not {name for name in imported_modules(path) if name.split(".")[0] in DOMAIN_APPS}


def test_the_page_cache_does_not_import_the_replicas():
    # The replicas read the page cache's generation; the page cache learns of them only through
    # the hook cms.apps registers, so the two modules do not import each other.
    assert not any(name.startswith("cms.replicas") for name in imported_modules(CMS / "pagecache.py"))
    assert "cms.pagecache" in imported_modules(CMS / "replicas.py")


class CacheReads:
    """Counts the calls that reach the cache: each is one round trip to Redis or the cache table."""

    def __init__(self, monkeypatch):
        from django.core.cache import cache

        self.calls = []
        self.inside = False
        for name in ("get", "get_many", "set", "add"):
            original = getattr(cache, name)
            monkeypatch.setattr(cache, name, self.counting(name, original))

    def counting(self, name, original):
        def call(*args, **kwargs):
            # Some backends' get_many calls their own get: count the outer call only.
            if self.inside:
                return original(*args, **kwargs)
            self.calls.append(name)
            self.inside = True
            try:
                return original(*args, **kwargs)
            finally:
                self.inside = False

        return call


def test_a_page_served_from_the_cache_costs_one_round_trip(client, article, monkeypatch):
    url = article.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Cache"] == "hit"
    reads = CacheReads(monkeypatch)
    assert client.get(url)["X-Cache"] == "hit"
    assert reads.calls == ["get_many"]


def test_a_generation_another_process_moved_on_is_read_not_guessed(client, article):
    url = article.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Cache"] == "hit"
    # Another process's change: this one still guesses the generation it read last.
    settings_cache().set(pagecache.GENERATION_KEY, "moved-on-elsewhere", None)
    assert client.get(url)["X-Cache"] == "miss"
    assert client.get(url)["X-Cache"] == "hit"
    assert pagecache.current_generation() == "moved-on-elsewhere"


def test_a_due_time_stored_under_a_wrong_guess_is_not_used():
    generation = pagecache.current_generation()
    due_long_ago = (timezone.now() - timedelta(days=1)).isoformat()
    settings_cache().set(pagecache.NEXT_CHANGE_KEY.format(generation="an-old-guess"), due_long_ago, None)
    pagecache._last_read["generation"] = "an-old-guess"
    # Used, the old guess's past due time would move the generation on.
    assert pagecache.current_generation() == generation


def test_a_scheduled_change_found_due_moves_the_generation_and_reads_the_page_under_the_new_one(client, article):
    url = article.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Cache"] == "hit"
    generation = pagecache.current_generation()
    due_a_moment_ago = (timezone.now() - timedelta(seconds=1)).isoformat()
    settings_cache().set(pagecache.NEXT_CHANGE_KEY.format(generation=generation), due_a_moment_ago, None)
    assert client.get(url)["X-Cache"] == "miss"
    assert pagecache.current_generation() != generation


def settings_cache():
    from django.core.cache import cache

    return cache
