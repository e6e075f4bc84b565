"""What every emulated service shares: the request log, auth checks, rate limits and faults.

A service subclasses :class:`EmulatedService`, declares its URL prefix and error shapes, and adds
its routes in :meth:`EmulatedService.add_routes`. The middleware here runs before every handler.
"""

from __future__ import annotations

import abc
import asyncio
import contextvars
import hashlib
import json
import time
from collections.abc import Awaitable, Callable
from typing import Any, ClassVar

import attrs
from aiohttp import web

from .faults import Fault, FaultConfig

#: The request being served, for handlers that annotate their log entry.
CURRENT_REQUEST: contextvars.ContextVar[LoggedRequest | None] = contextvars.ContextVar(
    "smartsuite_emulator_request", default=None
)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

HTML_PAGE = (
    b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
    b"<body><h1>Bad Gateway</h1><p>The proxy received an invalid response.</p></body></html>"
)


@attrs.define
class LoggedRequest:
    """One request as the emulator saw it.

    Attributes:
        service: ``smartsheet``, ``rm`` or ``appsheet``.
        method / path / query: what was asked (path below the service prefix).
        body: the raw request body.
        started / finished: ``time.monotonic()`` at arrival and when the answer was ready.
        status: the status answered (0 when the connection was dropped).
        fault: the injected fault, if any.
        credential: a short hash of the credential used (never the credential).
        write_key: the object a write went to (for example ``sheet:123``).
        overlapped: the write arrived while another write to the same object was in flight.
    """

    service: str
    method: str
    path: str
    query: dict[str, str]
    body: bytes
    started: float
    finished: float = 0.0
    status: int = 0
    fault: Fault | None = None
    credential: str = ""
    write_key: str | None = None
    overlapped: bool = False

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


def fingerprint(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()[:12]


def json_response(
    data: Any, status: int = 200, headers: dict[str, str] | None = None
) -> web.Response:
    return web.Response(
        body=json.dumps(data, separators=(",", ":")).encode(),
        status=status,
        content_type="application/json",
        headers=headers,
    )


#: (status, Smartsheet errorCode, message) of the JSON ``applied_*`` answers; the texts are
#: Smartsheet's (https://developers.smartsheet.com/api/smartsheet/error-codes).
_APPLIED_ANSWERS: dict[Fault, tuple[int, int, str]] = {
    Fault.APPLIED_500: (
        500,
        4000,
        "An unexpected error has occurred. Please contact api@smartsheet.com for assistance.",
    ),
    Fault.APPLIED_4002: (500, 4002, "Server timeout exceeded. Request has failed."),
    Fault.APPLIED_4004: (
        500,
        4004,
        "An unexpected error has occurred. Please retry your request. If you encounter this "
        "error repeatedly, please contact api@smartsheet.com for assistance.",
    ),
    Fault.APPLIED_4001: (
        503,
        4001,
        "Smartsheet.com is currently offline for system maintenance. Please check back again "
        "shortly.",
    ),
    Fault.APPLIED_BUSY: (
        500,
        4004,
        "Request failed because sheetId 0 is currently being updated by another request that "
        "uses the same access token. Please retry your request once the previous request has "
        "completed.",
    ),
}


class EmulatedService(abc.ABC):
    """Base class of the three emulated services."""

    name: ClassVar[str]
    prefix: ClassVar[str]

    def __init__(self) -> None:
        self.faults = FaultConfig()
        self.log: list[LoggedRequest] = []
        self.max_log = 200_000
        self._inflight_writes: dict[str, int] = {}
        self.overlapping_writes = 0

    # -- to override -----------------------------------------------------------------------

    @abc.abstractmethod
    def credential(self, request: web.Request) -> str | None:
        """The credential on the request, or None when it is missing."""

    @abc.abstractmethod
    def check_credential(self, request: web.Request, credential: str | None) -> web.Response | None:
        """An error response when the credential is missing or wrong, else None."""

    @abc.abstractmethod
    def error(self, status: int, message: str, code: int | None = None) -> web.Response:
        """An error response in the service's own body shape."""

    def rate_limited(self, wait: float) -> web.Response:
        return self.error(429, "Rate limit exceeded.")

    def unrouted(self, exc: web.HTTPException) -> web.StreamResponse:
        """The answer to a path (404) or method (405) the service has no route for. By default
        the framework's plain-text page; services whose docs give an error body override it."""
        headers = {k: v for k, v in exc.headers.items() if k.lower() != "content-type"}
        return web.Response(status=exc.status, text=exc.text, headers=headers)

    @abc.abstractmethod
    def add_routes(self, app: web.Application) -> None:
        """Register the service's handlers on ``app``."""

    # -- shared machinery --------------------------------------------------------------------

    def build_app(self) -> web.Application:
        app = web.Application(middlewares=[self._middleware], client_max_size=64 * 1024 * 1024)
        self.add_routes(app)
        return app

    def write_key(self, request: web.Request) -> str | None:
        """The object a non-GET request writes to (``sheet:123``), or None.

        The middleware keeps such a write "in flight" from arrival to answer (injected latency
        included), so overlapping writes are seen as a client would cause them.
        """
        return None

    def writes_in_flight(self, key: str) -> int:
        return self._inflight_writes.get(key, 0)

    def begin_write(self, key: str) -> bool:
        """Mark a write to ``key`` as in flight; False when another write to it already is."""
        entry = CURRENT_REQUEST.get()
        busy = self._inflight_writes.get(key, 0) > 0
        if entry is not None:
            entry.write_key = key
            entry.overlapped = busy
        self._inflight_writes[key] = self._inflight_writes.get(key, 0) + 1
        if busy:
            self.overlapping_writes += 1
        return not busy

    def end_write(self, key: str) -> None:
        self._inflight_writes[key] -= 1

    def applied_error(self, fault: Fault) -> web.Response:
        """The answer an ``applied_*`` fault gives after the write was applied. Services
        without Smartsheet's error codes answer their own 500 / 503 JSON for those."""
        if fault is Fault.APPLIED_502:
            return web.Response(status=502, body=HTML_PAGE, content_type="text/html")
        if fault is Fault.APPLIED_503:
            page = HTML_PAGE.replace(b"502 Bad Gateway", b"503 Service Unavailable")
            return web.Response(status=503, body=page, content_type="text/html")
        if fault is Fault.APPLIED_504:
            return web.Response(status=504, body=b"", content_type="text/html")
        if fault is Fault.APPLIED_429:
            return self.rate_limited(0.01)
        status, code, message = _APPLIED_ANSWERS[fault]
        return self.error(status, message, code)

    @web.middleware
    async def _middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        cred = self.credential(request)
        entry = LoggedRequest(
            service=self.name,
            method=request.method,
            path=request.path[len(self.prefix) :] or "/",
            query=dict(request.query),
            body=await request.read(),
            started=time.monotonic(),
            credential=fingerprint(cred) if cred else "",
        )
        CURRENT_REQUEST.set(entry)
        if len(self.log) < self.max_log:
            self.log.append(entry)
        key = None if request.method in ("GET", "HEAD", "OPTIONS") else self.write_key(request)
        if key is not None:
            self.begin_write(key)
        try:
            response = await self._serve(request, handler, entry, cred)
        except web.HTTPException as exc:
            response = self.unrouted(exc)
        finally:
            if key is not None:
                self.end_write(key)
        entry.status = response.status if response is not None else 0
        entry.finished = time.monotonic()
        if response is None:
            if request.transport is not None:
                request.transport.abort()
            return web.Response(status=500)
        return response

    async def _serve(
        self, request: web.Request, handler: Handler, entry: LoggedRequest, cred: str | None
    ) -> web.StreamResponse | None:
        faults = self.faults
        if faults.latency:
            await asyncio.sleep(faults.latency)
        denied = self.check_credential(request, cred)
        if denied is not None:
            return denied
        wait = faults.take_token(cred or "")
        if wait > 0:
            entry.fault = Fault.RATE_LIMIT
            return self.rate_limited(wait)
        fault = faults.pick(request.method, entry.path)
        entry.fault = fault
        if fault is Fault.RATE_LIMIT:
            return self.rate_limited(1.0)
        if fault is Fault.SERVER_ERROR:
            return self.error(500, "An unexpected error has occurred.")
        if fault is Fault.ERROR_4004:
            return self.error(500, "An unexpected error has occurred. Please retry.", 4004)
        if fault is Fault.MAINTENANCE:
            return self.error(503, _APPLIED_ANSWERS[Fault.APPLIED_4001][2], 4001)
        if fault in (Fault.UNAVAILABLE, Fault.BAD_GATEWAY):
            status = 503 if fault is Fault.UNAVAILABLE else 502
            return web.Response(status=status, body=HTML_PAGE, content_type="text/html")
        if fault is Fault.DROP_BEFORE:
            return None
        if fault is Fault.SPIKE:
            await asyncio.sleep(faults.spike_seconds)
        response = await handler(request)
        if fault is not None and fault.value.startswith("applied_"):
            return self.applied_error(fault)
        if fault is Fault.DROP_AFTER:
            return None
        if fault is Fault.TRUNCATED and isinstance(response, web.Response) and response.body:
            body = bytes(response.body)  # type: ignore[arg-type]
            return web.Response(
                status=response.status,
                body=body[: max(1, len(body) // 2)],
                content_type="application/json",
            )
        if fault is Fault.HTML:
            return web.Response(status=200, body=HTML_PAGE, content_type="text/html")
        if fault is Fault.EMPTY:
            return web.Response(status=200, body=b"", content_type="application/json")
        return response
