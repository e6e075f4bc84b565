"""The one path every request takes: limiter -> auth -> send -> judge -> retry.

``Transport`` knows HTTP and nothing about any one service. Each client owns one; views made by
``with_options`` share its session, limiter, write locks and statistics.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import weakref
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from typing import Any, cast
from urllib.parse import urlsplit

import aiohttp
from multidict import CIMultiDict, CIMultiDictProxy

from .._version import __version__
from . import hooks as _hooks
from . import sansio, server_waits, streaming, wire
from . import session as _session
from .attempt import acquire, client_timeout, send_attempt
from .auth import Auth, RefreshingAuth, Secret
from .calls import Shared, TransportStats, cause_of, declared, gone
from .clock import SYSTEM_CLOCK, Clock
from .config import RateLimitConfig, RetryConfig, Timeouts
from .errors import (
    APIError,
    AuthenticationError,
    DecodeError,
    OutcomeUnknownError,
    RequestTimeoutError,
    ResponseTooLargeError,
    SmartsuiteError,
    TransportError,
)
from .limits import DEFAULT_LIMITS, Limits
from .locks import LocalWriteLocks, WriteLocks
from .ratelimit import RateLimiter, shared_local_limiter
from .response import Response
from .retry import Backoff
from .urls import Params, check_base_url, clean_params, join_url

log = logging.getLogger("smartsuite")

USER_AGENT = f"smartsuite/{__version__} (+python aiohttp)"

BodyFactory = Callable[[], Any]


class Transport:
    """Sends requests for one client. Not for direct use; the clients wrap it.

    Args:
        service: short service name, for logs and limiter sharing.
        base_url: the API root (``https://api.smartsheet.com/2.0``).
        auth: the credential strategy.
        rate_limit: a :class:`RateLimitConfig` (an in-process bucket shared per credential) or
            any :class:`RateLimiter` (for example the Redis one).
        retry: retry policy.
        timeouts: request timeouts.
        headers: extra headers on every request.
        session: an ``aiohttp.ClientSession`` to borrow; we never close a borrowed session.
        proxy / trust_env / trace_configs: see :class:`~smartsuite._core.client.TransportOptions`.
        hooks: called with an :class:`~smartsuite._core.hooks.Attempt` after every attempt.
    """

    def __init__(
        self,
        *,
        service: str,
        base_url: str,
        auth: Auth,
        rate_limit: RateLimitConfig | RateLimiter,
        retry: RetryConfig,
        timeouts: Timeouts,
        headers: Mapping[str, str] | None = None,
        session: aiohttp.ClientSession | None = None,
        clock: Clock = SYSTEM_CLOCK,
        write_locks: WriteLocks | None = None,
        allow_insecure: bool = False,
        verify_ssl: bool = True,
        connector_limit: int = 64,
        limits: Limits = DEFAULT_LIMITS,
        proxy: str | Secret | None = None,
        trust_env: bool = False,
        trace_configs: Sequence[aiohttp.TraceConfig] = (),
        hooks: Sequence[_hooks.RequestHook] = (),
        _shared: Shared | None = None,
    ) -> None:
        self._shared = _shared or Shared(
            service=service,
            base_url=check_base_url(base_url, allow_insecure=allow_insecure),
            auth=auth,
            rate_limit=rate_limit,
            session=session,
            owns_session=session is None,
            clock=clock,
            write_locks=write_locks or LocalWriteLocks(),
            connector_limit=connector_limit,
            verify_ssl=verify_ssl,
            limits=limits,
            proxy=_session.check_proxy(proxy),
            trust_env=trust_env,
            trace_configs=tuple(trace_configs),
            hooks=tuple(hooks),
        )
        self.retry = retry
        self.timeouts = timeouts
        self.headers: dict[str, str] = dict(headers or {})

    # -- views and lifecycle -------------------------------------------------------------

    def with_options(
        self,
        *,
        headers: Mapping[str, str] | None = None,
        retry: RetryConfig | None = None,
        timeouts: Timeouts | None = None,
    ) -> Transport:
        """A view sharing session, limiter, locks and stats, with other per-call options."""
        merged = {**self.headers, **(headers or {})}
        return Transport(
            service=self._shared.service,
            base_url=self._shared.base_url,
            auth=self._shared.auth,
            rate_limit=self._shared.rate_limit,
            retry=retry or self.retry,
            timeouts=timeouts or self.timeouts,
            headers=merged,
            _shared=self._shared,
        )

    @property
    def base_url(self) -> str:
        return self._shared.base_url

    @property
    def limits(self) -> Limits:
        return self._shared.limits

    @property
    def stats(self) -> TransportStats:
        return self._shared.stats

    @property
    def write_locks(self) -> WriteLocks:
        return self._shared.write_locks

    @property
    def clock(self) -> Clock:
        return self._shared.clock

    @property
    def limiter(self) -> RateLimiter:
        shared = self._shared
        if shared.limiter is None:
            if isinstance(shared.rate_limit, RateLimitConfig):
                shared.limiter = shared_local_limiter(
                    shared.service, shared.auth.fingerprint(), shared.rate_limit, shared.clock
                )
            else:
                shared.limiter = shared.rate_limit
        return shared.limiter

    def _session(self) -> aiohttp.ClientSession:
        shared = self._shared
        if shared.closed:
            raise TransportError("the client is closed")
        if shared.session is None:
            shared.session = _session.open_session(
                connector_limit=shared.connector_limit,
                verify_ssl=shared.verify_ssl,
                proxy=shared.proxy,
                trust_env=shared.trust_env,
                trace_configs=shared.trace_configs,
            )
            if shared.owns_session:
                shared.finalizer = weakref.finalize(shared, _session.close_now, shared.session)
        return shared.session

    async def aclose(self) -> None:
        """Close the session if we own it. In-flight requests fail with TransportError."""
        shared = self._shared
        shared.closed = True
        if shared.owns_session and shared.session is not None:
            session, shared.session = shared.session, None
            if shared.finalizer is not None:
                shared.finalizer.detach()
            await session.close()

    def secrets(self) -> list[str]:
        return self._shared.auth.secrets()

    def __repr__(self) -> str:
        return f"Transport(service={self._shared.service!r}, base_url={self._shared.base_url!r})"

    # -- URLs ----------------------------------------------------------------------------

    def url_for(self, path: str) -> str:
        """Join a path to the base URL (see :func:`join_url`)."""
        return join_url(self._shared.base_url, path)

    # -- sending -------------------------------------------------------------------------

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Params = None,
        json: Any = None,
        content: bytes | BodyFactory | None = None,
        headers: Mapping[str, str] | None = None,
        idempotent: bool | None = None,
        expect_json: bool = True,
        cost: int | None = None,
        gone_if: Callable[[APIError], bool] | None = None,
    ) -> Response:
        """Send one logical request, retrying as the policy allows.

        With a :class:`RefreshingAuth` (OAuth) the credential is renewed before it expires, and
        a 401 that the auth answers by refreshing is followed by exactly one more try.

        Args:
            method: HTTP method.
            path: path below the base URL, or a same-host link.
            params: query parameters (None values dropped, bools and lists rendered).
            json: a JSON-able body.
            content: raw bytes, or a zero-argument callable returning a fresh body
                (bytes, an aiohttp payload or multipart writer) for each attempt.
            headers: extra headers for this request.
            idempotent: whether repeating is safe; defaults to the running operation's
                declaration, else True only for GET/HEAD/OPTIONS.
            expect_json: check the body decodes as JSON (a 2xx HTML page is a DecodeError).
            cost: how many requests this one counts as against the rate limit (Smartsheet
                counts file uploads and cell history as 10).
            gone_if: for a removal, the error that means "already removed": met by a retry
                after an ambiguous failure, it stands for the lost success
                (``Response.already_gone``). Default: a DELETE answered 404.

        Raises:
            APIError subclasses, TransportError subclasses, DecodeError.
        """
        send = functools.partial(
            self._request,
            method,
            path,
            params=params,
            json=json,
            content=content,
            headers=headers,
            idempotent=idempotent,
            expect_json=expect_json,
            cost=cost,
            gone_if=gone_if,
        )
        try:
            if not self._shared.refreshing:
                return await send()
            auth = cast(RefreshingAuth, self._shared.auth)
            await auth.ensure_fresh()
            try:
                return await send()
            except AuthenticationError as exc:
                if not await auth.refresh_after(exc):
                    raise
            return await send()
        except APIError as exc:
            # The answer that made the error: status, headers, request id (no credentials).
            exc.response = _hooks.last_response()
            raise

    async def _request(
        self,
        method: str,
        path: str,
        *,
        params: Params = None,
        json: Any = None,
        content: bytes | BodyFactory | None = None,
        headers: Mapping[str, str] | None = None,
        idempotent: bool | None = None,
        expect_json: bool = True,
        cost: int | None = None,
        gone_if: Callable[[APIError], bool] | None = None,
    ) -> Response:
        """One logical request with retries; see :meth:`request`.

        Every decision about an answer is :func:`sansio.judge`'s; this loop sends, waits and
        keeps the call inside its one deadline (``retry.max_total_seconds``).
        """
        method = method.upper()
        url = self.url_for(path)
        display_path = urlsplit(url).path
        safe, cost = declared(method, idempotent, cost)
        query = clean_params(params)
        send_headers: CIMultiDict[str] = CIMultiDict()
        send_headers["User-Agent"] = USER_AGENT
        send_headers["Accept"] = "application/json"
        send_headers.update(self.headers)
        if headers:
            send_headers.update(headers)
        body: Any = None
        if json is not None:
            body = sansio.dumps(json)
            send_headers.setdefault("Content-Type", "application/json")
        stats = self._shared.stats
        stats.requests += 1
        clock = self._shared.clock
        retry = self.retry
        started = clock.monotonic()
        deadline = started + retry.max_total_seconds
        waits: Backoff | None = None  # built on the first retry; most requests never need it
        last_error: SmartsuiteError | None = None
        # An earlier attempt may have been applied (its answer was lost, or a 5xx).
        maybe_applied = False

        for attempt in range(1, retry.max_attempts + 1):
            waited = await acquire(
                self._shared,
                self.limiter,
                self.retry,
                cost,
                deadline,
                last_error,
                method,
                display_path,
            )
            stats.attempts += 1
            payload = body
            if content is not None:
                payload = content() if callable(content) else content
            cause: str
            hint: float | None = None
            try:
                status, reason, resp_headers, resp_body = await self._send(
                    method,
                    url,
                    query,
                    send_headers,
                    payload,
                    deadline,
                    attempt=attempt,
                    waited=waited,
                )
            except wire.NotSent as exc:
                last_error = TransportError(str(exc), method=method, path=display_path)
                cause = "connect"
            except ResponseTooLargeError as exc:
                if safe:
                    raise
                # The server answered, so the write may well have been applied: its answer is
                # only too large to read. Unknown, never "failed" (a failure may be re-sent).
                raise self._unknown(
                    f"{exc}; the write may have been applied", method, display_path, attempt
                ) from exc
            except wire.MaybeSent as exc:
                if not safe and not retry.retry_unknown_writes:
                    raise self._unknown(
                        f"{exc}; the write may or may not have been applied, so it was not "
                        "repeated",
                        method,
                        display_path,
                        attempt,
                    ) from None
                error_cls = RequestTimeoutError if exc.timeout else TransportError
                last_error = error_cls(str(exc), method=method, path=display_path)
                cause = "timeout" if exc.timeout else "disconnect"
                maybe_applied = True
            else:
                server_waits.observe(self._shared, self.limiter, self.retry, resp_headers)
                verdict = sansio.judge(
                    status,
                    reason,
                    resp_headers,
                    resp_body,
                    method=method,
                    path=display_path,
                    retry=retry,
                    now=clock.time(),
                    idempotent=safe,
                )
                if verdict.verdict is sansio.Verdict.OK:
                    response = Response(status, resp_headers, resp_body, method, display_path)
                    if not expect_json or status == 204:
                        return response
                    try:
                        response.check_json()
                        return response
                    except DecodeError as exc:
                        if not safe:
                            raise self._unknown(
                                f"the write was answered HTTP {status} but its body could "
                                f"not be read ({exc}); it may have been applied",
                                method,
                                display_path,
                                attempt,
                            ) from exc
                        last_error = exc
                        cause = "malformed"
                else:
                    error = verdict.error
                    assert error is not None
                    if maybe_applied and gone(method, error, gone_if):
                        # The earlier attempt removed it: the object is gone, as asked.
                        return Response(
                            204, resp_headers, b"", method, display_path, already_gone=True
                        )
                    if verdict.verdict is sansio.Verdict.UNKNOWN:
                        code = f" (code {error.code})" if error.code is not None else ""
                        raise self._unknown(
                            f"answered HTTP {status}{code}: {error.message}; that says nothing "
                            "about whether the write was applied, so it was not repeated",
                            method,
                            display_path,
                            attempt,
                        ) from error
                    wait = sansio.bound_wait(verdict.wait_hint, retry.max_wait_seconds)
                    if wait.refused is not None:
                        raise server_waits.refused(self.retry, wait.refused, error)
                    if status == 429:
                        stats.rate_limited += 1
                    if verdict.verdict is sansio.Verdict.FAIL:
                        if status == 429 and wait.seconds:
                            # Not retried here, but everyone on this credential backs off.
                            self.limiter.hold_for(wait.seconds)
                        raise error
                    last_error = error
                    hint = wait.seconds
                    cause = cause_of(error)
                    maybe_applied = maybe_applied or status >= 500

            if attempt == retry.max_attempts:
                break
            waits = waits or Backoff(retry)
            pause = waits.next_wait(hint)
            if clock.monotonic() + pause > deadline:
                break
            if cause == "rate_limited" or hint is not None:
                # Everyone sharing this credential backs off, not just this request.
                self.limiter.hold_for(pause)
            await self._pause(pause, cause, stats)

        assert last_error is not None
        raise last_error

    def _unknown(self, message: str, method: str, path: str, attempt: int) -> OutcomeUnknownError:
        self._shared.stats.unknown_outcomes += 1
        log.debug("%s %s: outcome unknown (attempt %d)", method, path, attempt)
        return OutcomeUnknownError(message, method=method, path=path)

    async def _pause(self, wait: float, cause: str, stats: TransportStats) -> None:
        stats.retries[cause] += 1
        stats.waited_seconds += wait
        log.debug("retrying after %.2f s (%s)", wait, cause)
        await self._shared.clock.sleep(wait)

    async def _send(
        self,
        method: str,
        url: str,
        query: dict[str, str] | None,
        headers: CIMultiDict[str],
        payload: Any,
        deadline: float,
        *,
        attempt: int = 1,
        waited: float = 0.0,
    ) -> tuple[int, str, CIMultiDictProxy[str], bytes]:
        """One attempt (see :func:`attempt.send_attempt`), cut short at the call's deadline."""
        left = deadline - self._shared.clock.monotonic()
        return await send_attempt(
            self._shared,
            self._session(),
            method,
            url,
            query,
            headers,
            payload,
            client_timeout(self.timeouts, left),
            attempt=attempt,
            waited=waited,
        )

    def stream(
        self, url: str, *, chunk_size: int = 1 << 16
    ) -> contextlib.AbstractAsyncContextManager[AsyncIterator[bytes]]:
        """Stream a body from an external URL (a pre-signed download link) without our
        credentials and without loading it into memory."""
        return wire.stream_get(self._session(), url, self.timeouts, chunk_size)

    def stream_request(
        self,
        path: str,
        *,
        params: Params = None,
        headers: Mapping[str, str] | None = None,
        chunk_size: int = 1 << 16,
    ) -> contextlib.AbstractAsyncContextManager[AsyncIterator[bytes]]:
        """GET ``path`` with our credential and stream its body (see :mod:`.streaming`):
        paced, retried before the first byte, never held in memory."""
        return streaming.open_stream(
            self, path, params=params, headers=headers, chunk_size=chunk_size
        )


__all__ = ["USER_AGENT", "Transport", "TransportStats", "check_base_url"]
