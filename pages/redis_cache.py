"""Django's Redis cache, with one Redis client per connection pool.

Django makes a new `redis.Redis` for every cache operation. With redis-py 8 that made a `get` take 0.19–0.27 ms
against 0.04–0.10 ms with one client kept (the client builds its tables of reply handlers and its event
listeners each time), more than the round trip to Redis itself, and a page makes about ten. A client is safe
to share between threads, and its pool checks the process id after a fork, so one per pool does.
"""

from django.core.cache.backends import redis


class _Client(redis.RedisCacheClient):
    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        clients = self.__dict__.setdefault("_clients", {})
        if index not in clients:
            clients[index] = super().get_client(key, write=write)
        return clients[index]


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _Client
