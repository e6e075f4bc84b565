"""Making and disposing of a client's own ``aiohttp.ClientSession``.

The session is created lazily, on the first request, in the running event loop, with the
client's proxy, ``trust_env`` and trace configs. A client that is dropped without ``aclose()``
(or still open when its event loop ended, as after ``asyncio.run``) has its connections closed
by a finalizer, so no "Unclosed client session" warning is left behind. Using a client in a
second event loop is refused with a clear :class:`ConfigurationError`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from urllib.parse import urlsplit

import aiohttp

from .auth import Secret
from .errors import ConfigurationError


def check_proxy(proxy: str | Secret | None) -> Secret | None:
    """The proxy URL as a :class:`Secret` (it may hold a password); a clear error if malformed.

    The error never repeats the URL, which may carry credentials.
    """
    if proxy is None:
        return None
    secret = proxy if isinstance(proxy, Secret) else Secret(proxy)
    parts = urlsplit(secret.reveal())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigurationError(
            "proxy must be an http:// or https:// URL with a host, such as "
            "'http://user:password@proxy.example:3128'"
        )
    try:
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError:
        raise ConfigurationError("proxy has an invalid port") from None
    return secret


def open_session(
    *,
    connector_limit: int,
    verify_ssl: bool,
    proxy: Secret | None,
    trust_env: bool,
    trace_configs: Sequence[aiohttp.TraceConfig],
) -> aiohttp.ClientSession:
    """A new session in the running loop, configured from the client's options."""
    connector = aiohttp.TCPConnector(limit=connector_limit, ssl=verify_ssl)
    session = aiohttp.ClientSession(
        connector=connector,
        # aiohttp reads user:password from the proxy URL and sends Proxy-Authorization.
        proxy=proxy.reveal() if proxy is not None else None,
        trust_env=trust_env,
        trace_configs=list(trace_configs) or None,
    )
    # aiohttp silently re-sends PUT/DELETE once when a kept-alive connection drops
    # (RFC 9112 section 9.3.1 allows it). We decide about repeats ourselves: a write
    # whose outcome is unknown must surface as OutcomeUnknownError, not be re-sent.
    if hasattr(session, "_retry_connection"):
        session._retry_connection = False
    return session


def in_other_loop(session: aiohttp.ClientSession) -> bool:
    """Whether ``session`` belongs to another (usually finished) event loop than ours."""
    try:
        running = asyncio.get_running_loop()
    except RuntimeError:
        return False
    return session._loop is not running


def close_now(session: aiohttp.ClientSession | None) -> None:
    """Close a session's connections without awaiting (for finalizers and dead loops).

    Marks the connector closed, so aiohttp does not warn about an unclosed session; when the
    loop still runs, the sockets are closed too (when it has ended, its own close did that).
    """
    if session is None or session.closed:
        return
    connector = session.connector
    if connector is None:
        return
    loop = session._loop
    if loop.is_closed():
        # Nothing can be scheduled on a closed loop: drop the pooled sockets directly.
        for conns in list(connector._conns.values()):
            for proto, _ in conns:
                sock = getattr(proto.transport, "_sock", None)
                if sock is not None:
                    sock.close()
                    proto.transport._sock = None  # type: ignore[union-attr]
        connector._conns.clear()
    connector._close()


__all__ = ["check_proxy", "close_now", "in_other_loop", "open_session"]
