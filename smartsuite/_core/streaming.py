"""A credentialed GET whose body is streamed to the caller instead of read into memory.

Used for exports (a sheet as CSV, Excel or PDF) that can be larger than the body caps allow
for decoded answers: the caps of :class:`~smartsuite._core.limits.Limits` apply to bodies held
in memory, and a streamed body is never held. Everything before the first body byte is the
same as for any request: the limiter, the credential, the error mapping and bounded retries
of a read (a GET is always safe to repeat). Once the caller has the stream, nothing is
retried: a connection lost half-way raises :class:`TransportError`.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Mapping
from typing import TYPE_CHECKING, cast
from urllib.parse import urlsplit

import aiohttp
from multidict import CIMultiDict

from . import sansio, wire
from .auth import CredentialHeaders, RefreshingAuth
from .errors import SmartsuiteError, TransportError
from .retry import Backoff
from .urls import Params, clean_params

if TYPE_CHECKING:
    from .transport import Transport

_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@contextlib.asynccontextmanager
async def open_stream(
    transport: Transport,
    path: str,
    *,
    params: Params = None,
    headers: Mapping[str, str] | None = None,
    chunk_size: int = 1 << 16,
) -> AsyncIterator[AsyncIterator[bytes]]:
    """GET ``path`` with the client's credential and yield its body in chunks.

    Raises:
        APIError subclasses for an error answer, TransportError when the connection fails
        (before the body: after the retries the policy allows; during it: at once).
    """
    url = transport.url_for(path)
    shown = urlsplit(url).path
    query = clean_params(params)
    send: CIMultiDict[str] = CIMultiDict({"User-Agent": wire_user_agent()})
    send.update(transport.headers)
    send.update(headers or {})
    retry, shared = transport.retry, transport._shared
    if shared.refreshing:
        await cast(RefreshingAuth, shared.auth).ensure_fresh()
    timeouts = transport.timeouts
    # No total timeout: a large export may take longer than one; the gaps are bounded.
    timeout = aiohttp.ClientTimeout(
        total=None, sock_connect=timeouts.connect, sock_read=timeouts.read
    )
    waits = Backoff(retry)
    last: SmartsuiteError | None = None
    stats = shared.stats
    stats.requests += 1
    for attempt in range(1, retry.max_attempts + 1):
        await transport.limiter.acquire(1)
        stats.attempts += 1
        with_auth = CredentialHeaders(send)  # its repr masks the credential
        shared.auth.apply(with_auth)
        hint: float | None = None
        try:
            resp = await transport._session().request(
                "GET", url, params=query, headers=with_auth, timeout=timeout, allow_redirects=False
            )
        except (aiohttp.ClientError, TimeoutError) as exc:
            last = TransportError(
                f"download failed: {type(exc).__name__}", method="GET", path=shown
            )
        else:
            try:
                if resp.status in _REDIRECTS:
                    # Exports are answered directly; following a redirect would need the
                    # host checks of wire.send_once, so it is refused rather than guessed.
                    raise TransportError(
                        f"the export answered a redirect ({resp.status})", method="GET", path=shown
                    )
                if resp.status < 400:
                    yield _chunks(resp, chunk_size, shown)
                    return
                body = await wire.read_capped(resp, wire._ERROR_BODY_LIMITS, "GET", shown)
            finally:
                resp.release()
            verdict = sansio.judge(
                resp.status,
                resp.reason or "",
                resp.headers,
                body,
                method="GET",
                path=shown,
                retry=retry,
                now=shared.clock.time(),
            )
            assert verdict.error is not None
            if verdict.verdict is not sansio.Verdict.RETRY:
                raise verdict.error
            last, hint = verdict.error, verdict.wait_hint
            if hint is not None and hint > retry.max_wait_seconds:
                raise verdict.error  # an invalid wait is never honoured (see sansio.bound_wait)
        if attempt == retry.max_attempts:
            break
        wait = waits.next_wait(hint)
        cause = "rate_limited" if getattr(last, "status", None) == 429 else "download"
        stats.retries[cause] += 1
        stats.waited_seconds += wait
        await shared.clock.sleep(wait)
    assert last is not None
    raise last


async def _chunks(resp: aiohttp.ClientResponse, chunk_size: int, path: str) -> AsyncIterator[bytes]:
    try:
        async for chunk in resp.content.iter_chunked(chunk_size):
            yield chunk
    except (aiohttp.ClientError, TimeoutError) as exc:
        raise TransportError(
            f"the download broke off: {type(exc).__name__}", method="GET", path=path
        ) from None


def wire_user_agent() -> str:
    from .transport import USER_AGENT

    return USER_AGENT


__all__ = ["open_stream"]
