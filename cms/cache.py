"""Django's Redis cache, with one redis-py client per connection pool instead of one per call.

Django's backend builds a new ``redis.Redis`` for every read and write, and building one copies
redis-py's table of reply handlers (a few hundred commands) into a new dictionary. A page served
from the page cache made three reads, so that copying was a fifth of the work of serving it. A
client holds no connection of its own (each command borrows one from the pool and gives it back)
and is safe to share between threads, so one client per pool is enough. Everything else, the
pools, the serializer and the options, is Django's.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            # The pool lives as long as this object (Django keeps it in _pools), so its id stays its own.
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
