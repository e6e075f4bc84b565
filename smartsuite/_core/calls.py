"""What one call and one client's transport keep: counters, shared state, and the call's
retry safety and cost from the running operation's declaration."""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Callable
from typing import Any

import aiohttp
import attrs

from .auth import Auth, RefreshingAuth, Secret
from .clock import Clock
from .config import RateLimitConfig
from .errors import APIError
from .hooks import RequestHook
from .limits import DEFAULT_LIMITS, Limits
from .locks import WriteLocks
from .operations import current_operation
from .ratelimit import RateLimiter

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@attrs.define
class TransportStats:
    """Counters a job can print: requests, attempts, retries by cause, server-imposed waits."""

    requests: int = 0
    attempts: int = 0
    retries: Counter[str] = attrs.field(factory=Counter)
    rate_limited: int = 0
    waited_seconds: float = 0.0
    unknown_outcomes: int = 0

    @property
    def total_retries(self) -> int:
        return sum(self.retries.values())


@attrs.define
class Shared:
    """State shared by a transport and every view made from it."""

    service: str
    base_url: str
    auth: Auth
    rate_limit: RateLimitConfig | RateLimiter
    session: aiohttp.ClientSession | None
    owns_session: bool
    clock: Clock
    write_locks: WriteLocks
    connector_limit: int
    verify_ssl: bool
    limits: Limits = DEFAULT_LIMITS
    proxy: Secret | None = None
    trust_env: bool = False
    trace_configs: tuple[aiohttp.TraceConfig, ...] = ()
    hooks: tuple[RequestHook, ...] = ()
    # Closes our session's sockets when this state is dropped without aclose() (or at exit),
    # so no "Unclosed client session" warning is left behind.
    finalizer: weakref.finalize[Any, Any] | None = None
    limiter: RateLimiter | None = None
    stats: TransportStats = attrs.field(factory=TransportStats)
    closed: bool = False
    warned_reset: bool = False
    # Checked once: isinstance against a runtime-checkable Protocol costs ~75 us per call,
    # about as much as the rest of a small request.
    refreshing: bool = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.refreshing = isinstance(self.auth, RefreshingAuth)

    def is_closed(self) -> bool:
        return self.closed


def declared(method: str, idempotent: bool | None, cost: int | None) -> tuple[bool, int]:
    """Retry safety and cost: the caller's, else the running operation's declaration (see
    _core.operations); a request of another method made inside it (a lookup before a write)
    uses the method's default."""
    if idempotent is not None and cost is not None:
        return idempotent, cost
    spec = current_operation.get()
    if spec is not None and spec.method == method:
        return (spec.idempotent if idempotent is None else idempotent), (
            spec.cost if cost is None else cost
        )
    return (method in SAFE_METHODS if idempotent is None else idempotent), (
        1 if cost is None else cost
    )


def gone(method: str, error: APIError, gone_if: Callable[[APIError], bool] | None) -> bool:
    if gone_if is not None:
        return gone_if(error)
    return method == "DELETE" and error.status == 404


def cause_of(error: APIError) -> str:
    if error.status == 429:
        return "rate_limited"
    if error.code is not None and not isinstance(error.code, bool):
        return f"error_{error.code}"
    return f"http_{error.status}"


__all__ = ["SAFE_METHODS", "Shared", "TransportStats", "cause_of", "declared", "gone"]
