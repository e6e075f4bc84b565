"""One HTTP attempt over aiohttp, and what its failures mean for retrying.

Redirects are followed by hand so that credentials never travel to another host: aiohttp drops
``Authorization`` across hosts, but not the ``auth`` or ``ApplicationAccessKey`` headers. A
redirect from https to plain http is refused outright. Bodies are read in chunks against the
:class:`~smartsuite._core.limits.Limits` caps, never with an unbounded ``read()``.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from typing import Any
from urllib.parse import urljoin, urlsplit

import aiohttp
from multidict import CIMultiDict, CIMultiDictProxy

from . import sansio
from .auth import SENSITIVE_HEADERS, CredentialHeaders
from .config import Timeouts
from .errors import (
    APIError,
    InsecureDowngradeError,
    RequestTimeoutError,
    ResponseTooLargeError,
    TransportError,
)
from .limits import DEFAULT_LIMITS, Limits

MAX_REDIRECTS = 5
#: An error answer to a download is only read for its message.
_ERROR_BODY_LIMITS = Limits(max_body_bytes=1 << 20, max_decoded_bytes=1 << 20)


class NotSent(Exception):
    """The request never reached the server: always safe to retry."""


class MaybeSent(Exception):
    """The request may have reached the server, and its answer was lost."""

    def __init__(self, message: str, *, timeout: bool = False) -> None:
        super().__init__(message)
        self.timeout = timeout


async def send_once(
    session: aiohttp.ClientSession,
    method: str,
    url: str,
    query: dict[str, str] | None,
    headers: CIMultiDict[str],
    payload: Any,
    client_timeout: aiohttp.ClientTimeout,
    *,
    closed: Callable[[], bool],
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[int, str, CIMultiDictProxy[str], bytes]:
    """Send one request and read its whole answer (within ``limits``), following redirects.

    Raises:
        NotSent: connecting failed. MaybeSent: the connection failed after sending.
        InsecureDowngradeError: a redirect from https to plain http.
        ResponseTooLargeError: the body passed a cap in ``limits``.
        TransportError: the client was closed, or too many redirects.
    """
    start = urlsplit(url)
    origin = start.netloc
    for _ in range(MAX_REDIRECTS + 1):
        try:
            async with session.request(
                method,
                url,
                params=query,
                data=payload,
                headers=headers,
                timeout=client_timeout,
                allow_redirects=False,
            ) as resp:
                body = await read_capped(resp, limits, method, start.path)
                if resp.status in (301, 302, 303, 307, 308) and "Location" in resp.headers:
                    url = urljoin(str(resp.url), resp.headers["Location"])
                    target = urlsplit(url)
                    if start.scheme == "https" and target.scheme != "https":
                        raise InsecureDowngradeError(
                            f"refusing to follow a redirect from https to {target.scheme}://"
                            f"{target.netloc}{target.path}: the request's credential would "
                            "travel in plain text",
                            method=method,
                            path=start.path,
                        )
                    query = None
                    if resp.status == 303 or (resp.status in (301, 302) and method == "POST"):
                        method, payload = "GET", None
                    if target.netloc != origin:
                        headers = CredentialHeaders(
                            (k, v) for k, v in headers.items() if k.lower() not in SENSITIVE_HEADERS
                        )
                    continue
                return resp.status, resp.reason or "", resp.headers, body
        except aiohttp.ClientConnectorError as exc:
            raise NotSent(f"cannot connect: {type(exc).__name__}") from None
        except aiohttp.ConnectionTimeoutError:
            raise NotSent("timed out waiting for a connection") from None
        except (TimeoutError, aiohttp.ServerTimeoutError):
            raise MaybeSent("timed out waiting for the answer", timeout=True) from None
        except (
            aiohttp.ServerDisconnectedError,
            aiohttp.ClientOSError,
            aiohttp.ClientPayloadError,
            aiohttp.ClientResponseError,
        ) as exc:
            raise MaybeSent(f"connection lost: {type(exc).__name__}") from None
        except RuntimeError as exc:
            if closed() or session.closed:
                raise TransportError("the client was closed during the request") from None
            raise TransportError(f"transport failure: {type(exc).__name__}") from None
    raise TransportError(f"more than {MAX_REDIRECTS} redirects")


async def read_capped(
    resp: aiohttp.ClientResponse, limits: Limits, method: str, path: str
) -> bytes:
    """The whole body of ``resp``, read in chunks and stopped at the first cap it passes.

    ``Content-Length`` is checked before reading; while reading, the bytes received on the
    wire and the bytes after decompression are counted separately (aiohttp decodes in
    bounded steps, so a gzip bomb never inflates much past the cap).

    Raises:
        ResponseTooLargeError: naming ``max_body_bytes`` or ``max_decoded_bytes``.
    """
    wire_cap, decoded_cap = limits.max_body_bytes, limits.max_decoded_bytes
    declared = resp.content_length
    if declared is not None and declared > wire_cap:
        raise _too_large("max_body_bytes", wire_cap, f"Content-Length {declared}", method, path)
    headers = resp.headers
    if (
        declared is not None
        and declared <= decoded_cap
        and "Transfer-Encoding" not in headers
        and headers.get("Content-Encoding", "identity").lower() == "identity"
    ):
        # Not compressed, not chunked, and the declared length within both caps: aiohttp reads
        # exactly Content-Length bytes (more is a protocol error), so one read is bounded.
        return await resp.read()
    chunks: list[bytes] = []
    size = 0
    stream = resp.content
    async for chunk in stream.iter_any():
        size += len(chunk)
        if size > decoded_cap:
            raise _too_large("max_decoded_bytes", decoded_cap, "the decoded body", method, path)
        on_wire = stream.total_compressed_bytes
        if (on_wire if on_wire is not None else size) > wire_cap:
            raise _too_large("max_body_bytes", wire_cap, "the body on the wire", method, path)
        chunks.append(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _too_large(limit: str, cap: int, what: str, method: str, path: str) -> ResponseTooLargeError:
    return ResponseTooLargeError(
        f"{what} is larger than Limits.{limit} ({cap:,} bytes); reading stopped. Raise it with "
        f"limits=Limits({limit}=...) if this answer is expected",
        limit=limit,
        cap=cap,
        method=method,
        path=path,
    )


@contextlib.asynccontextmanager
async def stream_get(
    session: aiohttp.ClientSession, url: str, timeouts: Timeouts, chunk_size: int
) -> AsyncIterator[AsyncIterator[bytes]]:
    """GET ``url`` (no credentials) and yield its body in chunks."""
    timeout = aiohttp.ClientTimeout(
        total=None, sock_connect=timeouts.connect, sock_read=timeouts.read
    )
    try:
        async with session.get(url, timeout=timeout) as resp:
            if resp.status >= 400:
                body = await read_capped(resp, _ERROR_BODY_LIMITS, "GET", urlsplit(url).path)
                raise sansio.build_error(
                    resp.status, resp.reason or "", body, method="GET", path=urlsplit(url).path
                )
            yield resp.content.iter_chunked(chunk_size)
    except APIError:
        raise
    except aiohttp.ClientError as exc:
        raise TransportError(f"download failed: {type(exc).__name__}") from None
    except TimeoutError:
        raise RequestTimeoutError("download timed out") from None
