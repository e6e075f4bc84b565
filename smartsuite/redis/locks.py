"""Write locks shared by every worker, kept in Redis: one lease per key, with fencing.

A lock is a key set with ``SET NX PX`` (a lease), holding ``<owner>:<fencing token>`` where the
token comes from ``INCR`` on a counter that never goes back. While the holder works, a
background task extends the lease, but only if the key still holds our value (compare and
extend, in Lua); release is compare and delete. A worker that crashes stops renewing and its
lock frees itself when the lease runs out. A worker that loses its lease (it stalled past the
lease, or Redis lost the key) has the work inside the lock cancelled and gets
:class:`LeaseLostError`, so a batch it may have written is reported, not hidden.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
import uuid
from collections.abc import AsyncIterator

from .._core.errors import ConfigurationError
from ._connection import RedisConnection, Script
from .errors import LeaseLostError, LockTimeoutError, RedisUnavailableError

log = logging.getLogger("smartsuite.redis")

# KEYS: lock, fencing counter. ARGV: owner, lease ms.
# Returns {1, token, server seconds, server µs} when taken, {0, ms left on the holder's lease}.
_ACQUIRE = Script(
    """
if redis.replicate_commands then redis.replicate_commands() end
if redis.call('EXISTS', KEYS[1]) == 1 then
  return {0, redis.call('PTTL', KEYS[1])}
end
local token = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], ARGV[1] .. ':' .. token, 'NX', 'PX', ARGV[2])
local t = redis.call('TIME')
return {1, token, tonumber(t[1]), tonumber(t[2])}
"""
)

# KEYS: lock. ARGV: our value, lease ms. Extends the lease only if it is still ours.
_RENEW = Script(
    """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
"""
)

# KEYS: lock. ARGV: our value. Deletes the lock only if it is still ours.
_RELEASE = Script(
    """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""
)


class Lease:
    """One holding of a write lock.

    Attributes:
        key: the lock key, for example ``sheet:123``.
        token: the fencing token: strictly larger for each new holder of ``key``.
        acquired_at: when it was taken, in seconds of Redis's clock.
        lost: set when the lease was found lost (expired, or another worker holds it).
    """

    def __init__(
        self, locks: RedisWriteLocks, key: str, owner: str, token: int, acquired_at: float
    ) -> None:
        self.key = key
        self.token = token
        self.acquired_at = acquired_at
        self.lost = False
        self._locks = locks
        self._value = f"{owner}:{token}"
        self._confirmed = time.monotonic()
        self._cancel_sent = False

    def error(self, why: str) -> LeaseLostError:
        return LeaseLostError(
            f"lost the write lock {self.key!r} (fencing token {self.token}): {why}; another "
            "worker may have written meanwhile, so the batch in flight is of unknown outcome",
            key=self.key,
            token=self.token,
        )

    async def ensure(self) -> None:
        """Check in Redis that this lease is still ours; call it right before a write.

        Raises:
            LeaseLostError: the lease ran out or another worker holds the lock now.
            RedisUnavailableError: Redis could not be asked.
        """
        if self.lost:
            raise self.error("it was lost earlier")
        if time.monotonic() - self._confirmed >= self._locks.lease_seconds:
            self.lost = True
            raise self.error("it was not renewed within the lease")
        current = await self._locks._conn.call(
            "checking a write lock", "GET", self._locks.redis_key(self.key)
        )
        if current is None or current.decode() != self._value:
            self.lost = True
            raise self.error("Redis holds another owner or none")

    def __repr__(self) -> str:
        return f"Lease(key={self.key!r}, token={self.token}, lost={self.lost})"


class RedisWriteLocks:
    """Per-key write locks shared by every process using the same Redis and prefix.

    Pass them to any client: ``SmartsheetClient(write_locks=RedisWriteLocks(url))``; bulk row
    writes then hold ``sheet:<id>`` around each batch, across all workers. A task that already
    holds a key may hold it again (re-entrant), so a job can hold a sheet around a read and the
    writes that follow.

    Args:
        url: the Redis URL.
        lease: seconds a lock survives without renewal (how long a crashed worker blocks).
        renew_every: seconds between renewals (default a third of the lease).
        wait_timeout: the longest wait for a lock held by someone else.
        prefix: namespace of the Redis keys.
        timeout: Redis connect and command timeout in seconds.

    Raises:
        ConfigurationError: on invalid settings.
    """

    def __init__(
        self,
        url: str,
        *,
        lease: float = 15.0,
        renew_every: float | None = None,
        wait_timeout: float = 300.0,
        prefix: str = "smartsuite:lock",
        timeout: float = 2.0,
    ) -> None:
        if lease <= 0.05:
            raise ConfigurationError(f"lease must be > 0.05 seconds, got {lease!r}")
        renew = lease / 3 if renew_every is None else renew_every
        if not 0 < renew < lease:
            raise ConfigurationError(f"renew_every must be > 0 and < lease, got {renew!r}")
        if wait_timeout <= 0:
            raise ConfigurationError(f"wait_timeout must be > 0, got {wait_timeout!r}")
        if not prefix:
            raise ConfigurationError("prefix must not be empty")
        self.lease_seconds = lease
        self.renew_every = renew
        self.wait_timeout = wait_timeout
        self.prefix = prefix
        self.owner = uuid.uuid4().hex
        self._conn = RedisConnection(url, timeout=min(timeout, lease / 3), purpose="write locks")
        self._held: dict[str, tuple[asyncio.Task[object] | None, Lease]] = {}

    @property
    def url(self) -> str:
        """The Redis URL with any password masked."""
        return self._conn.safe_url

    def redis_key(self, key: str) -> str:
        """The Redis key of the lock for ``key``."""
        return f"{{{self.prefix}:{key}}}:lock"

    def current(self, key: str) -> Lease | None:
        """The lease on ``key`` the running task holds, if any."""
        held = self._held.get(key)
        if held is not None and held[0] is asyncio.current_task():
            return held[1]
        return None

    async def check(self) -> None:
        """Check Redis answers and load the scripts.

        Raises:
            RedisUnavailableError: Redis cannot be reached (the message names the URL).
        """
        await self._conn.load(_ACQUIRE, _RENEW, _RELEASE)

    async def aclose(self) -> None:
        """Close the connections."""
        await self._conn.aclose()

    @contextlib.asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[None]:
        """Hold the lock for ``key`` (the :class:`WriteLocks` protocol); see :meth:`lease`."""
        async with self.lease(key):
            yield

    @contextlib.asynccontextmanager
    async def lease(self, key: str) -> AsyncIterator[Lease]:
        """Hold the lock for ``key``, renewing its lease while the block runs.

        Args:
            key: what to lock, for example ``sheet:123``.

        Yields:
            The :class:`Lease`, with its fencing token.

        Raises:
            LockTimeoutError: another worker held it longer than ``wait_timeout``.
            LeaseLostError: the lease was lost while the block ran (the block is cancelled).
            RedisUnavailableError: Redis could not be reached to take the lock.
        """
        if not key:
            raise ConfigurationError("lock key must not be empty")
        task = asyncio.current_task()
        held = self._held.get(key)
        if held is not None and held[0] is task:
            yield held[1]
            return
        lease = await self._acquire(key)
        keeper = asyncio.create_task(self._keep(lease, task))
        self._held[key] = (task, lease)
        try:
            yield lease
        except asyncio.CancelledError:
            if lease._cancel_sent and task is not None and task.uncancel() == 0:
                raise lease.error("its renewal failed") from None
            raise
        else:
            if lease.lost:
                if lease._cancel_sent and task is not None:
                    task.uncancel()
                raise lease.error("its renewal failed while the block ran")
        finally:
            self._held.pop(key, None)
            keeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await keeper
            if not lease.lost:
                await self._release(lease)

    async def _acquire(self, key: str) -> Lease:
        deadline = time.monotonic() + self.wait_timeout
        lease_ms = max(1, round(self.lease_seconds * 1000))
        delay = 0.005
        while True:
            started = time.monotonic()
            reply = await self._conn.run(
                _ACQUIRE,
                f"taking the write lock {key!r}",
                [self.redis_key(key), f"{{{self.prefix}:{key}}}:fence"],
                [self.owner, lease_ms],
            )
            if int(reply[0]) == 1:
                lease = Lease(
                    self, key, self.owner, int(reply[1]), int(reply[2]) + int(reply[3]) / 1e6
                )
                lease._confirmed = started
                return lease
            left = deadline - time.monotonic()
            if left <= 0:
                raise LockTimeoutError(
                    f"waited {self.wait_timeout:g} s for the write lock {key!r}, held by "
                    "another worker",
                    key=key,
                )
            # Poll with a growing step, never past the holder's lease or our deadline.
            pttl = int(reply[1]) / 1000 if int(reply[1]) > 0 else delay
            delay = min(delay * 2, 0.05)
            await asyncio.sleep(min(delay * random.uniform(0.5, 1.0), pttl, left))

    async def _keep(self, lease: Lease, task: asyncio.Task[object] | None) -> None:
        lease_ms = max(1, round(self.lease_seconds * 1000))
        rkey = self.redis_key(lease.key)
        while True:
            await asyncio.sleep(self.renew_every)
            started = time.monotonic()
            try:
                renewed = await self._conn.run(
                    _RENEW,
                    f"renewing the write lock {lease.key!r}",
                    [rkey],
                    [lease._value, lease_ms],
                )
            except RedisUnavailableError as exc:
                if time.monotonic() - lease._confirmed < self.lease_seconds:
                    log.warning("could not renew %r yet: %s", lease.key, exc)
                    continue
                renewed = 0
            if int(renewed) == 1:
                lease._confirmed = started
                continue
            lease.lost = True
            log.error("lost the write lock %r (fencing token %d)", lease.key, lease.token)
            if task is not None and not task.done():
                lease._cancel_sent = True
                task.cancel()
            return

    async def _release(self, lease: Lease) -> None:
        try:
            await self._conn.run(
                _RELEASE,
                f"releasing the write lock {lease.key!r}",
                [self.redis_key(lease.key)],
                [lease._value],
            )
        except RedisUnavailableError as exc:
            log.warning(
                "could not release %r; it frees itself within the lease: %s", lease.key, exc
            )

    def __repr__(self) -> str:
        return (
            f"RedisWriteLocks(url={self.url!r}, lease={self.lease_seconds:g}, "
            f"prefix={self.prefix!r})"
        )
