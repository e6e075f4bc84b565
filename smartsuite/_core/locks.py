"""Per-object write serialisation.

Smartsheet asks for writes to one sheet to run one after another
(https://developers.smartsheet.com/api/smartsheet/guides/basics/rate-limiting, "Execute Requests
Serially"); concurrent writes earn errorCode 4004. Locks are keyed by object, so different sheets
still run in parallel. The Redis backend implements the same protocol across processes.
"""

from __future__ import annotations

import asyncio
import contextlib
import weakref
from collections.abc import AsyncIterator
from typing import Protocol


class WriteLocks(Protocol):
    def hold(self, key: str) -> contextlib.AbstractAsyncContextManager[None]:
        """Hold the write lock for ``key`` (for example ``"sheet:123"``)."""
        ...


class LocalWriteLocks:
    """In-process locks, one per key, created on demand and dropped when unused."""

    def __init__(self) -> None:
        self._locks: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()

    @contextlib.asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[None]:
        lock = self._locks.get(key)
        if lock is None:
            lock = asyncio.Lock()
            self._locks[key] = lock
        async with lock:
            yield
