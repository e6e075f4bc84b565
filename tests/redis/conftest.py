from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
import pytest_asyncio

from tests.redis.support import RedisServer

pytest.importorskip("redis", reason="the redis package is missing: pip install 'smartsuite[redis]'")


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    """A fresh redis-server on a free loopback port (skips when the binary is absent)."""
    server = RedisServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest_asyncio.fixture
async def redis_raw(redis_server: RedisServer) -> AsyncIterator[Any]:
    """A plain redis.asyncio client on the test server, to look at and tamper with keys."""
    import redis.asyncio

    client = redis.asyncio.Redis.from_url(redis_server.url)
    try:
        yield client
    finally:
        await client.aclose()
