"""Per-attempt request hooks, structured log records, and the last response's metadata.

Every HTTP attempt (a retry is another attempt) is reported once, after it ends, as an
:class:`Attempt`: to each hook given with ``hooks=[...]`` on a client, and as one DEBUG record
of the ``smartsuite`` logger whose ``extra`` fields carry the same values (``record.smartsuite``
is the whole :class:`Attempt`, and ``record.http_method``, ``record.path_template`` ... each
field). Metrics (Prometheus) and tracing (OpenTelemetry) plug in here; for aiohttp-level
tracing pass ``trace_configs=[...]`` instead.

Nothing here carries a credential: no request headers, no query string.
"""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs
from multidict import CIMultiDict, CIMultiDictProxy

from .operations import current_operation

log = logging.getLogger("smartsuite")

#: Response headers that identify a request, in the order we look for them (the vendors
#: document none; these are what their gateways and common proxies send).
REQUEST_ID_HEADERS = ("X-Request-Id", "X-Amzn-RequestId", "X-Amz-Cf-Id", "X-Cloud-Trace-Context")
#: Response headers never kept (session cookies are credentials too).
_DROPPED_HEADERS = frozenset({"set-cookie", "set-cookie2"})


@attrs.frozen
class ResponseInfo:
    """What a response said about itself, safe to log.

    Attributes:
        status: HTTP status.
        headers: the response headers (cookies removed).
        request_id: the server's request id header, when it sent one.
        method / path: what was asked (no query string).
    """

    status: int
    headers: Mapping[str, str]
    request_id: str | None
    method: str
    path: str


@attrs.frozen
class Attempt:
    """One HTTP attempt, reported when it ends.

    Attributes:
        service: ``smartsheet``, ``resource_management`` or ``appsheet``.
        operation_id: the running operation (``getSheet``), or None outside a declared one.
        method: HTTP method.
        path_template: the operation's path template (``/sheets/{sheetId}``), low-cardinality
            for metrics labels and span names; the concrete path when no operation runs.
        path: the concrete path (no query string).
        attempt: 1 for the first try, 2 for the first retry ...
        status: the HTTP status, or None when no answer arrived.
        elapsed: seconds from sending to the end of the answer (or the failure).
        rate_limit_wait: seconds this attempt waited for the rate limiter before sending.
        started: wall-clock time the attempt was sent (``time.time()``).
        error: why no answer arrived (``connect``, ``disconnect``, ``timeout`` ...), else None.
        request_id: the server's request id, when it sent one.
    """

    service: str
    operation_id: str | None
    method: str
    path_template: str
    path: str
    attempt: int
    status: int | None
    elapsed: float
    rate_limit_wait: float
    started: float
    error: str | None = None
    request_id: str | None = None


RequestHook = Callable[[Attempt], None]

# Kept raw (status, headers, method, path) and turned into a ResponseInfo only when asked:
# setting it costs next to nothing on every attempt.
_Raw = tuple[int, Mapping[str, str], str, str]
_last_response: contextvars.ContextVar[_Raw | None] = contextvars.ContextVar(
    "smartsuite_last_response", default=None
)


def last_response() -> ResponseInfo | None:
    """The metadata of the last response received in this task (status, headers, request id).

    Call it right after an awaited client call; every :class:`~smartsuite.APIError` also
    carries its own as ``error.response``.
    """
    raw = _last_response.get()
    return None if raw is None else response_info(*raw)


def response_info(
    status: int, headers: CIMultiDictProxy[str] | Mapping[str, str], method: str, path: str
) -> ResponseInfo:
    kept: CIMultiDict[str] = CIMultiDict(
        (k, v) for k, v in headers.items() if k.lower() not in _DROPPED_HEADERS
    )
    return ResponseInfo(status, CIMultiDictProxy(kept), request_id_of(kept), method, path)


def request_id_of(headers: Mapping[str, str]) -> str | None:
    for name in REQUEST_ID_HEADERS:
        value = headers.get(name)
        if value:
            return value[:200]
    return None


def remember(status: int, headers: Mapping[str, str], method: str, path: str) -> None:
    _last_response.set((status, headers, method, path))


def wants_reports(hooks: Sequence[RequestHook]) -> bool:
    """Whether an attempt must be reported at all (cheap: checked on every attempt)."""
    return bool(hooks) or log.isEnabledFor(logging.DEBUG)


def emit(hooks: Sequence[RequestHook], attempt: Attempt) -> None:
    """Report one attempt to the hooks and as a structured DEBUG record."""
    if log.isEnabledFor(logging.DEBUG):
        outcome = str(attempt.status) if attempt.status is not None else attempt.error
        log.debug(
            "%s %s -> %s in %.1f ms (attempt %d)",
            attempt.method,
            attempt.path,
            outcome,
            attempt.elapsed * 1000,
            attempt.attempt,
            extra=_extra(attempt),
        )
    for hook in hooks:
        try:
            hook(attempt)
        except Exception:
            # A broken metrics hook must not fail the request it observes.
            log.warning("request hook %r failed", hook, exc_info=True)


def report(
    hooks: Sequence[RequestHook],
    service: str,
    method: str,
    path: str,
    *,
    attempt: int,
    status: int | None,
    error: str | None,
    headers: Mapping[str, str] | None,
    started: float,
    elapsed: float,
    waited: float,
) -> None:
    """Build the :class:`Attempt` for the running operation and :func:`emit` it."""
    spec = current_operation.get()
    own = spec is not None and spec.method == method
    emit(
        hooks,
        Attempt(
            service=service,
            operation_id=spec.operation_id if own else None,  # type: ignore[union-attr]
            method=method,
            path_template=spec.path if own else path,  # type: ignore[union-attr]
            path=path,
            attempt=attempt,
            status=status,
            elapsed=elapsed,
            rate_limit_wait=waited,
            started=started,
            error=error,
            request_id=request_id_of(headers) if headers else None,
        ),
    )


def _extra(attempt: Attempt) -> dict[str, Any]:
    return {
        "smartsuite": attempt,
        "service": attempt.service,
        "operation_id": attempt.operation_id,
        "http_method": attempt.method,
        "path_template": attempt.path_template,
        "http_path": attempt.path,
        "attempt": attempt.attempt,
        "status": attempt.status,
        "elapsed": attempt.elapsed,
        "rate_limit_wait": attempt.rate_limit_wait,
        "request_id": attempt.request_id,
        "error": attempt.error,
    }


__all__ = [
    "REQUEST_ID_HEADERS",
    "Attempt",
    "RequestHook",
    "ResponseInfo",
    "emit",
    "last_response",
    "response_info",
]
