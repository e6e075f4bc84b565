"""One HTTP attempt of a request: our credential added, cut short at the call's deadline,
and reported to the hooks and the log when it ends. The retry loop around it lives in
:mod:`.transport`; what an answer means is decided in :mod:`.sansio`."""

from __future__ import annotations

import asyncio
import functools
import time
from typing import TYPE_CHECKING, Any

import aiohttp
from multidict import CIMultiDictProxy

from . import hooks as _hooks
from . import server_waits, wire
from . import session as _session
from .auth import CredentialHeaders
from .calls import Shared
from .config import Timeouts
from .errors import (
    ConfigurationError,
    RequestTimeoutError,
    ResponseTooLargeError,
    SmartsuiteError,
)
from .ratelimit import LocalRateLimit, RateLimiter

if TYPE_CHECKING:
    from .decide import Call, Outcome


async def acquire(
    shared: Shared,
    limiter: RateLimiter,
    call: Call,
    deadline: float,
    last_error: SmartsuiteError | None,
) -> float:
    """Wait for the limiter, but never past the call's deadline; the seconds it made us wait
    (for the attempt report).

    Raises:
        ConfigurationError: the client was first used in another event loop.
        RequestTimeoutError (or the previous attempt's error): the deadline came first.
    """
    if shared.session is not None and _session.in_other_loop(shared.session):
        raise ConfigurationError(
            f"this {shared.service} client was first used in another event loop (an earlier "
            "asyncio.run?); its connections and rate limiter belong to that loop. Create "
            "the client inside the loop that uses it"
        )
    if isinstance(limiter, LocalRateLimit) and limiter.take_now(call.cost):
        return 0.0  # the tokens were there: taken without waiting or arming a timer
    before = shared.clock.monotonic()
    try:
        async with asyncio.timeout(max(deadline - before, 0.0)):
            await limiter.acquire(call.cost)
        return shared.clock.monotonic() - before
    except TimeoutError:
        if last_error is not None:
            raise last_error from None
        raise RequestTimeoutError(
            f"the rate limiter held the call past max_total_seconds "
            f"({call.retry.max_total_seconds:g} s); nothing was sent",
            method=call.method,
            path=call.path,
        ) from None


@functools.lru_cache(maxsize=32)
def _full_timeout(timeouts: Timeouts) -> aiohttp.ClientTimeout:
    return aiohttp.ClientTimeout(
        total=timeouts.total, sock_connect=timeouts.connect, sock_read=timeouts.read
    )


def client_timeout(timeouts: Timeouts, left: float) -> aiohttp.ClientTimeout:
    """aiohttp's form of ``timeouts`` (built once per config), shortened to ``left`` seconds
    when the call's deadline comes first."""
    if timeouts.total is None or left < timeouts.total:
        return aiohttp.ClientTimeout(
            total=max(left, 0.001), sock_connect=timeouts.connect, sock_read=timeouts.read
        )
    return _full_timeout(timeouts)


async def send_attempt(
    shared: Shared,
    session: aiohttp.ClientSession,
    limiter: RateLimiter,
    timeouts: Timeouts,
    call: Call,
    url: str,
    query: dict[str, str] | None,
    headers: CredentialHeaders,
    body: Any,
    deadline: float,
    *,
    attempt: int,
    waited: float,
) -> Outcome:
    """Send one attempt (see :func:`wire.send_once`), cut short at the call's deadline, and
    report it whatever its end; how it ended, for :func:`decide.decide`. The limiter sees
    every answer's rate-limit headers.

    ``headers`` are the request's own (their repr masks the credential); the credential is set
    in them for each attempt, so a refreshed one is sent on the next. ``body`` is bytes, or a
    callable that makes a fresh body for each attempt.
    """
    shared.stats.attempts += 1
    payload = body() if callable(body) else body
    aio_timeout = client_timeout(timeouts, deadline - shared.clock.monotonic())
    shared.auth.apply(headers)
    reporting = _hooks.wants_reports(shared.hooks)  # else the attempt is not timed at all
    started = time.time() if reporting else 0.0
    t0 = time.perf_counter() if reporting else 0.0
    status: int | None = None
    failure: str | None = None
    resp_headers: CIMultiDictProxy[str] | None = None
    try:
        answer = await wire.send_once(
            session,
            call.method,
            url,
            query,
            headers,
            payload,
            aio_timeout,
            closed=shared.is_closed,
            limits=shared.limits,
        )
    except wire.NotSent as exc:
        failure = "connect"
        return exc
    except wire.MaybeSent as exc:
        failure = "timeout" if exc.timeout else "disconnect"
        return exc
    except ResponseTooLargeError as exc:
        failure = type(exc).__name__
        return exc
    except BaseException as exc:
        failure = type(exc).__name__
        raise
    else:
        status, resp_headers = answer[0], answer[2]
        _hooks.remember(status, resp_headers, call.method, call.path)
        server_waits.observe(shared, limiter, call.retry, resp_headers, call.cost)
        return answer
    finally:
        if reporting:
            _hooks.report(
                shared.hooks,
                shared.service,
                call.method,
                call.path,
                attempt=attempt,
                status=status,
                error=failure,
                headers=resp_headers,
                started=started,
                elapsed=time.perf_counter() - t0,
                waited=waited,
            )


__all__ = ["acquire", "client_timeout", "send_attempt"]
