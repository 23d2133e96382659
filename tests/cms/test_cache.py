"""The Redis cache backend: Django's, with one client per connection pool."""

import os
import threading

import pytest
from django.core.cache import caches

from cms.cache import RedisCache

pytestmark = pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs Redis (REDIS_URL), as in production")


@pytest.fixture
def redis_cache():
    cache = RedisCache(os.environ["REDIS_URL"], {"KEY_PREFIX": "callboard-test-cache-backend"})
    yield cache
    cache.delete_many(["one", "two", "counted", "added"])


def test_the_configured_cache_is_this_backend():
    assert isinstance(caches["default"], RedisCache)


def test_every_call_shares_one_client_per_pool(redis_cache):
    client = redis_cache._cache.get_client(write=True)
    assert redis_cache._cache.get_client() is client
    assert redis_cache._cache.get_client("any key", write=False) is client
    # Another cache object (another settings entry) has its own pool and so its own client.
    other = RedisCache(os.environ["REDIS_URL"], {})
    assert other._cache.get_client() is not client


def test_reads_and_writes_behave_as_djangos(redis_cache):
    redis_cache.set("one", {"a": [1, 2]}, 30)
    redis_cache.set("two", 2, 30)
    assert redis_cache.get("one") == {"a": [1, 2]}
    assert redis_cache.get_many(["one", "two", "missing"]) == {"one": {"a": [1, 2]}, "two": 2}
    assert redis_cache.add("added", "first", 30) is True
    assert redis_cache.add("added", "second", 30) is False
    assert redis_cache.get("added") == "first"
    assert redis_cache.incr("two") == 3
    assert redis_cache.delete("one") is True
    assert redis_cache.get("one", "gone") == "gone"


def test_threads_share_the_client_safely(redis_cache):
    redis_cache.set("counted", 0, 30)
    errors = []

    def add_ten():
        try:
            for _ in range(10):
                redis_cache.incr("counted")
        except Exception as error:  # reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=add_ten) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert redis_cache.get("counted") == 80
