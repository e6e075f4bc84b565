"""What the three clients share: lifecycle, ``with_options`` and the resource base class."""

from __future__ import annotations

import copy
import os
from collections.abc import Awaitable, Mapping, Sequence
from types import TracebackType
from typing import Any, Self, TypedDict, TypeVar

import aiohttp
import cattrs

from . import serde
from .auth import Auth, Secret
from .clock import SYSTEM_CLOCK, Clock
from .config import RateLimitConfig, RetryConfig, Timeouts
from .errors import ConfigurationError
from .hooks import RequestHook
from .limits import DEFAULT_LIMITS, Limits
from .locks import WriteLocks
from .ratelimit import RateLimiter
from .response import Response
from .transport import Transport, TransportStats

T = TypeVar("T")


class TransportOptions(TypedDict, total=False):
    """Keyword options every client accepts.

    Attributes:
        rate_limit: a :class:`RateLimitConfig` (in-process bucket shared per credential) or a
            :class:`RateLimiter` such as ``RedisRateLimit``.
        retry: the retry policy.
        timeouts: request timeouts.
        headers: extra headers on every request.
        session: an ``aiohttp.ClientSession`` to borrow (never closed by us).
        clock: time source (tests use a fake one).
        write_locks: per-object write locks (``RedisWriteLocks`` to serialise across processes).
        allow_insecure: allow a plain-http base URL that is not loopback.
        verify_ssl: verify TLS certificates (default True).
        connector_limit: the connection pool size.
        limits: caps on answer bodies and page walks (:class:`Limits`; 512 MiB bodies and
            1,000 pages by default).
        proxy: an ``http://`` (or ``https://``) proxy URL, with ``user:password@`` when it
            needs authentication; kept as a :class:`Secret`, never shown. Not with ``session=``.
        trust_env: also read ``HTTPS_PROXY`` / ``HTTP_PROXY`` / ``NO_PROXY`` (and ``~/.netrc``)
            from the environment, as aiohttp does (default False: only what you pass).
        trace_configs: ``aiohttp.TraceConfig`` objects for the client's own session
            (OpenTelemetry's aiohttp instrumentation, for example). Not with ``session=``.
        hooks: callables given a :class:`smartsuite.Attempt` after every HTTP attempt
            (method, path template, status, elapsed, attempt number, rate-limit wait).
    """

    rate_limit: RateLimitConfig | RateLimiter
    retry: RetryConfig
    timeouts: Timeouts
    headers: Mapping[str, str]
    session: aiohttp.ClientSession
    clock: Clock
    write_locks: WriteLocks
    allow_insecure: bool
    verify_ssl: bool
    connector_limit: int
    limits: Limits
    proxy: str | Secret
    trust_env: bool
    trace_configs: Sequence[aiohttp.TraceConfig]
    hooks: Sequence[RequestHook]


def resolve_secret(value: str | Secret | None, env_var: str, what: str) -> Secret:
    """The credential from the argument, else from ``env_var``; a clear error when neither."""
    if value is None:
        value = os.environ.get(env_var)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ConfigurationError(f"no {what}: pass it as an argument or set ${env_var}")
    return value if isinstance(value, Secret) else Secret(value)


def make_transport(
    *,
    service: str,
    base_url: str,
    auth: Auth,
    default_rate_limit: RateLimitConfig,
    default_retry: RetryConfig,
    options: TransportOptions,
) -> Transport:
    """Build a client's transport from its service defaults and the caller's options."""
    unknown = set(options) - set(TransportOptions.__annotations__)
    if unknown:
        raise ConfigurationError(f"unknown client options: {sorted(unknown)}")
    if "session" in options:
        clash = sorted({"proxy", "trust_env", "trace_configs"} & set(options))
        if clash:
            raise ConfigurationError(
                f"{', '.join(clash)} configure the client's own session; with session= set "
                "them on the aiohttp.ClientSession you pass"
            )
    return Transport(
        service=service,
        base_url=base_url,
        auth=auth,
        rate_limit=options.get("rate_limit", default_rate_limit),
        retry=options.get("retry", default_retry),
        timeouts=options.get("timeouts", Timeouts()),
        headers=options.get("headers"),
        session=options.get("session"),
        clock=options.get("clock", SYSTEM_CLOCK),
        write_locks=options.get("write_locks"),
        allow_insecure=options.get("allow_insecure", False),
        verify_ssl=options.get("verify_ssl", True),
        connector_limit=options.get("connector_limit", 64),
        limits=_limits(options.get("limits", DEFAULT_LIMITS)),
        proxy=options.get("proxy"),
        trust_env=options.get("trust_env", False),
        trace_configs=options.get("trace_configs", ()),
        hooks=options.get("hooks", ()),
    )


def _limits(value: object) -> Limits:
    if not isinstance(value, Limits):
        raise ConfigurationError(f"limits must be a smartsuite.Limits, got {type(value).__name__}")
    return value


class BaseClient:
    """Async context manager around one :class:`Transport`."""

    _transport: Transport

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the client's own HTTP session (a borrowed one is left open)."""
        await self._transport.aclose()

    @property
    def stats(self) -> TransportStats:
        """Request counters shared by this client and its ``with_options`` views."""
        return self._transport.stats

    @property
    def base_url(self) -> str:
        return self._transport.base_url

    def with_options(
        self,
        *,
        headers: Mapping[str, str] | None = None,
        retry: RetryConfig | None = None,
        timeouts: Timeouts | None = None,
    ) -> Self:
        """A sibling client with other headers, retry policy or timeouts, sharing the session,
        the rate limiter and the write locks. Close the original, not the view."""
        view = copy.copy(self)
        view.__dict__ = {k: v for k, v in self.__dict__.items() if not isinstance(v, Resource)}
        view._transport = self._transport.with_options(
            headers=headers, retry=retry, timeouts=timeouts
        )
        return view

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._transport.base_url!r})"


class Resource:
    """Base of the resource namespaces (``ss.sheets``, ``rm.projects`` ...).

    Subclasses set ``_converter`` and keep each method short: build the path and parameters,
    call ``_request``/``_get``, name the model to decode.
    """

    _converter: cattrs.Converter

    def __init__(self, client: BaseClient) -> None:
        self._client = client

    @property
    def _transport(self) -> Transport:
        return self._client._transport

    def _request(self, method: str, path: str, **kwargs: Any) -> Awaitable[Response]:
        """The transport's :meth:`~Transport.request` (returned, not awaited here: one
        coroutine less per request)."""
        return self._client._transport.request(method, path, **kwargs)

    def _decode(self, data: Any, cls: type[T]) -> T:
        return serde.structure(self._converter, data, cls)

    def _encode(self, obj: Any) -> Any:
        return self._converter.unstructure(obj)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"
