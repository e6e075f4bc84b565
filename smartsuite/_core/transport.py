"""The one path every request takes: acquire -> send -> decide -> (return | raise | pause, retry).

``Transport`` knows HTTP and nothing about any one service. Each client owns one; views made by
``with_options`` share its session, limiter, write locks and statistics.
"""

from __future__ import annotations

import contextlib
import logging
import random
import weakref
from collections.abc import AsyncIterator, Callable, Coroutine, Mapping, Sequence
from types import MappingProxyType
from typing import Any, cast
from urllib.parse import urlsplit

import aiohttp
from multidict import CIMultiDict

from .._version import __version__
from . import decide, sansio, server_waits, streaming, wire
from . import hooks as _hooks
from . import session as _session
from .attempt import acquire, send_attempt
from .auth import Auth, CredentialHeaders, RefreshingAuth, Secret
from .calls import Shared, TransportStats, declared
from .clock import SYSTEM_CLOCK, Clock
from .config import RateLimitConfig, RetryConfig, Timeouts
from .errors import (
    APIError,
    AuthenticationError,
    TransportError,
)
from .limits import DEFAULT_LIMITS, Limits
from .locks import LocalWriteLocks, WriteLocks
from .ratelimit import RateLimiter, shared_local_limiter
from .response import Response
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
        #: Extra headers on every request (read-only: views get their own with_options).
        self.headers: Mapping[str, str] = MappingProxyType(dict(headers or {}))
        self._base_headers: CIMultiDict[str] = CIMultiDict(
            {"User-Agent": USER_AGENT, "Accept": "application/json"}
        )
        self._base_headers.update(self.headers)

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

    def request(
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
    ) -> Coroutine[Any, Any, Response]:
        """Send one logical request, retrying as the policy allows (a coroutine to await; the
        arguments are checked when it is made).

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
        method = method.upper()
        url = self.url_for(path)
        safe, cost = declared(method, idempotent, cost)
        call = decide.Call(method, urlsplit(url).path, safe, self.retry, expect_json, gone_if, cost)
        query = clean_params(params)
        send_headers = self._headers(headers, json is not None)
        body = content if content is not None or json is None else sansio.dumps(json)
        if self._shared.refreshing:
            return self._refreshing(call, url, query, send_headers, body)
        # The loop's own coroutine, not one awaiting it: every frame in the await chain is
        # re-entered each time the request resumes.
        return self._request(call, url, query, send_headers, body)

    async def _refreshing(
        self,
        call: decide.Call,
        url: str,
        query: dict[str, str] | None,
        headers: CredentialHeaders,
        body: bytes | BodyFactory | None,
    ) -> Response:
        """:meth:`_request` with an OAuth credential: renewed before it expires, and one
        more try after a 401 the auth answers by refreshing."""
        auth = cast(RefreshingAuth, self._shared.auth)
        try:
            await auth.ensure_fresh()
            try:
                return await self._request(call, url, query, headers, body)
            except AuthenticationError as exc:
                if not await auth.refresh_after(exc):
                    raise
            return await self._request(call, url, query, headers, body)
        except APIError as exc:
            # The token endpoint's answer, when the renewal itself failed.
            exc.response = exc.response or _hooks.last_response()
            raise

    async def _request(
        self,
        call: decide.Call,
        url: str,
        query: dict[str, str] | None,
        headers: CredentialHeaders,
        body: bytes | BodyFactory | None,
    ) -> Response:
        """One logical request with retries (see :meth:`request`): acquire, send, ask
        :func:`decide.decide` what the outcome means, then return, raise, or pause and retry.
        Every decision is there; the call keeps to its one deadline (``max_total_seconds``)."""
        shared = self._shared
        clock, limiter = shared.clock, self.limiter
        shared.stats.requests += 1
        deadline = clock.monotonic() + call.retry.max_total_seconds
        step: decide.Step | None = None
        for attempt in range(1, call.retry.max_attempts + 1):
            last = step.error if step is not None else None
            waited = await acquire(shared, limiter, call, deadline, last)
            outcome = await send_attempt(
                shared,
                self._session(),
                limiter,
                self.timeouts,
                call,
                url,
                query,
                headers,
                body,
                deadline,
                attempt=attempt,
                waited=waited,
            )
            step = decide.decide(
                call,
                outcome,
                attempt=attempt,
                maybe_applied=step is not None and step.maybe_applied,
                now=clock.monotonic(),
                wall=clock.time(),
                deadline=deadline,
                jitter=random.random(),
            )
            if step.action is decide.Action.RETURN:
                assert step.response is not None
                return step.response
            self._account(step, call, attempt)
            assert step.error is not None
            if step.action is decide.Action.RAISE:
                raise step.error
            await clock.sleep(step.pause)
        raise AssertionError("decide() ends every call at its last attempt")

    def _headers(self, extra: Mapping[str, str] | None, is_json: bool) -> CredentialHeaders:
        """This request's headers (the credential is added to them for each attempt)."""
        headers = CredentialHeaders(self._base_headers)
        if extra:
            headers.update(extra)
        if is_json:
            headers.setdefault("Content-Type", "application/json")
        return headers

    def _account(self, step: decide.Step, call: decide.Call, attempt: int) -> None:
        """Count, log and hold what a step that does not return asks for."""
        if isinstance(step.error, APIError):
            # The answer that made the error: status, headers, request id (no credentials).
            step.error.response = _hooks.last_response()
        stats = self._shared.stats
        if step.unknown:
            stats.unknown_outcomes += 1
            log.debug("%s %s: outcome unknown (attempt %d)", call.method, call.path, attempt)
        if step.refused is not None:
            assert isinstance(step.error, APIError)
            server_waits.refused(call.retry, step.refused, step.error)
        if step.rate_limited:
            stats.rate_limited += 1
        if step.hold is not None:
            self.limiter.hold_for(step.hold, call.cost)
        if step.cause is not None:
            stats.retries[step.cause] += 1
            stats.waited_seconds += step.pause
            log.debug("retrying after %.2f s (%s)", step.pause, step.cause)

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
