"""One HTTP attempt over aiohttp, and what its failures mean for retrying.

Redirects are followed by hand so that credentials never travel to another host: aiohttp drops
``Authorization`` across hosts, but not the ``auth`` or ``ApplicationAccessKey`` headers.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from typing import Any
from urllib.parse import urljoin, urlsplit

import aiohttp
from multidict import CIMultiDict, CIMultiDictProxy

from . import sansio
from .auth import SENSITIVE_HEADERS
from .config import Timeouts
from .errors import APIError, RequestTimeoutError, TransportError

MAX_REDIRECTS = 5


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
) -> tuple[int, str, CIMultiDictProxy[str], bytes]:
    """Send one request and read its whole answer, following redirects.

    Raises:
        NotSent: connecting failed. MaybeSent: the connection failed after sending.
        TransportError: the client was closed, or too many redirects.
    """
    origin = urlsplit(url).netloc
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
                body = await resp.read()
                if resp.status in (301, 302, 303, 307, 308) and "Location" in resp.headers:
                    url = urljoin(str(resp.url), resp.headers["Location"])
                    query = None
                    if resp.status == 303 or (resp.status in (301, 302) and method == "POST"):
                        method, payload = "GET", None
                    if urlsplit(url).netloc != origin:
                        headers = CIMultiDict(
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
                body = await resp.read()
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
