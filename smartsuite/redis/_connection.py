"""One Redis client per event loop, Lua scripts by SHA, and errors that name a safe URL.

The ``redis`` package is the optional extra ``smartsuite[redis]``; it is imported here only,
when a backend first connects.
"""

from __future__ import annotations

import asyncio
import hashlib
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import attrs

from .._core.errors import ConfigurationError
from .errors import RedisUnavailableError

_SCHEMES = ("redis", "rediss", "unix")


def safe_url(url: str) -> str:
    """``url`` with its password (if any) replaced by ``***``, fit for logs and errors."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{user}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def check_url(url: str) -> str:
    """Validate a Redis URL (``redis://``, ``rediss://`` or ``unix://``)."""
    if not isinstance(url, str) or urlsplit(url).scheme not in _SCHEMES:
        shown = safe_url(url) if isinstance(url, str) else repr(url)
        raise ConfigurationError(
            f"Redis url must start with redis://, rediss:// or unix://, got {shown!r}"
        )
    return url


@attrs.frozen
class Script:
    """A Lua script and its SHA1, run with EVALSHA (EVAL when the server lost its cache)."""

    source: str
    sha: str = attrs.field(init=False)

    @sha.default
    def _sha(self) -> str:
        return hashlib.sha1(self.source.encode(), usedforsecurity=False).hexdigest()


class RedisConnection:
    """A lazily created ``redis.asyncio`` client, rebuilt when used from another event loop.

    Args:
        url: the Redis URL (a password in it never reaches logs or errors).
        timeout: connect and command timeout in seconds.
        purpose: what the connection serves, for error messages ("rate limit", "write locks").
    """

    def __init__(self, url: str, *, timeout: float, purpose: str) -> None:
        if timeout <= 0:
            raise ConfigurationError(f"timeout must be > 0, got {timeout!r}")
        self.url = check_url(url)
        self.safe_url = safe_url(url)
        self.timeout = timeout
        self.purpose = purpose
        self._client: Any = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def client(self) -> Any:
        """The client for the running event loop."""
        loop = asyncio.get_running_loop()
        if self._client is None or self._loop is not loop:
            try:
                import redis.asyncio
                from redis.asyncio.retry import Retry
                from redis.backoff import NoBackoff
            except ImportError:
                raise ConfigurationError(
                    f"the Redis {self.purpose} needs the redis package: "
                    "pip install 'smartsuite[redis]'"
                ) from None
            self._client = redis.asyncio.Redis.from_url(
                self.url,
                socket_timeout=self.timeout,
                socket_connect_timeout=self.timeout,
                # One quick retry covers a pooled connection that went stale; more would only
                # delay the unavailability policy.
                retry=Retry(NoBackoff(), 1),
            )
            self._loop = loop
        return self._client

    def unavailable(self, exc: BaseException, doing: str) -> RedisUnavailableError:
        """A :class:`RedisUnavailableError` for ``exc`` that names the URL, never the password."""
        detail = str(exc).replace(self.url, self.safe_url)
        parsed = urlsplit(self.url)
        if parsed.password:
            detail = detail.replace(parsed.password, "***")
        return RedisUnavailableError(
            f"Redis for the {self.purpose} at {self.safe_url} is unavailable while {doing}: "
            f"{type(exc).__name__}: {detail}",
            url=self.safe_url,
        )

    async def call(self, doing: str, command: str, *args: Any) -> Any:
        """Run one Redis command; Redis failures become :class:`RedisUnavailableError`."""
        from redis.exceptions import RedisError

        client = self.client()
        try:
            return await client.execute_command(command, *args)
        except (RedisError, OSError) as exc:
            raise self.unavailable(exc, doing) from None

    async def run(self, script: Script, doing: str, keys: list[str], args: list[Any]) -> Any:
        """Run ``script`` by SHA, sending its source only when the server does not have it."""
        from redis.exceptions import NoScriptError, RedisError

        client = self.client()
        try:
            try:
                return await client.evalsha(script.sha, len(keys), *keys, *args)
            except NoScriptError:
                # The server restarted or ran SCRIPT FLUSH; EVAL caches the script again.
                return await client.eval(script.source, len(keys), *keys, *args)
        except (RedisError, OSError) as exc:
            raise self.unavailable(exc, doing) from None

    async def load(self, *scripts: Script) -> None:
        """Check Redis answers and cache ``scripts`` there (the start-up check)."""
        await self.call("connecting", "PING")
        for script in scripts:
            await self.call("loading a script", "SCRIPT", "LOAD", script.source)

    async def aclose(self) -> None:
        """Close the client's connections (if it belongs to the running loop)."""
        client, self._client = self._client, None
        loop, self._loop = self._loop, None
        if client is not None and loop is asyncio.get_running_loop():
            await client.aclose()
