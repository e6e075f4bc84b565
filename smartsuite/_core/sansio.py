"""Pure decisions about responses: no I/O, no event loop, easy to test.

Decoding a body, reading the server's wait hints and judging whether an answer is a success,
a retryable failure or a final error all live here, so the transport only sends and sleeps.
"""

from __future__ import annotations

import email.utils
import enum
import gc
import json
import math
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from .config import RetryConfig
from .errors import APIError, DecodeError, error_class_for

#: Bodies above this size are parsed by the standard library with the garbage collector paused.
#: orjson is ~1.4x faster, but it first builds a parse tree of about 11x the body size (460 MB
#: extra for a 500,000-cell sheet), while ``json`` peaks at the size of the result; pausing the
#: collector (the parse creates no cycles) wins back most of the difference.
LARGE_BODY_BYTES = 1 << 20


def _std_loads(body: bytes) -> Any:
    return json.loads(body.decode("utf-8"))


try:  # orjson is optional (the ``speed`` extra); it parses small and medium bodies faster.
    import orjson

    _loads: Callable[[bytes], Any] = orjson.loads
except ImportError:  # pragma: no cover - exercised when orjson is absent
    _loads = _std_loads


def _loads_large(body: bytes) -> Any:
    if not gc.isenabled():
        return _std_loads(body)
    gc.disable()
    try:
        return _std_loads(body)
    finally:
        gc.enable()


def loads(body: bytes, *, status: int | None = None) -> Any:
    """Decode a JSON body, raising :class:`DecodeError` with an excerpt on anything else."""
    if not body or not body.strip():
        raise DecodeError("expected a JSON body, got an empty one", body=body, status=status)
    try:
        return _loads_large(body) if len(body) > LARGE_BODY_BYTES else _loads(body)
    except ValueError as exc:  # JSON and UTF-8 errors of both parsers, and over-long integers
        looks_html = body.lstrip()[:1] == b"<"
        what = "an HTML page" if looks_html else "malformed JSON"
        raise DecodeError(
            f"expected a JSON body, got {what} ({exc})", body=body, status=status
        ) from None
    except RecursionError:
        raise DecodeError("JSON nested too deeply", body=body, status=status) from None


def dumps(value: Any) -> bytes:
    """Encode a request body as compact UTF-8 JSON."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()


def finite(value: float) -> float | None:
    """``value`` when it is a real number of seconds (not ``inf`` or ``nan``), else None."""
    return value if math.isfinite(value) else None


def parse_retry_after(value: str | None, *, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date).

    ``inf``, ``nan`` and anything unreadable are ignored (None).
    """
    if not value:
        return None
    value = value.strip()
    try:
        seconds = finite(float(value))
    except ValueError:
        pass
    else:
        return None if seconds is None else max(0.0, seconds)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return max(0.0, when.timestamp() - now)


#: A reset above this is epoch *milliseconds* (1e11 s is the year 5138; 1e11 ms is 1973).
RESET_MILLISECONDS_ABOVE = 1e11


def parse_reset(value: str | None, *, now: float) -> float | None:
    """Seconds until ``X-RateLimit-Reset``.

    Resource Management documents epoch seconds (seed 002, "Rate Limits"); a value above
    :data:`RESET_MILLISECONDS_ABOVE` is read as epoch milliseconds, one below a day as a delta.
    ``inf``, ``nan`` and garbage are ignored (None).
    """
    if not value:
        return None
    try:
        reset = finite(float(value.strip()))
    except ValueError:
        return None
    if reset is None:
        return None
    if reset > RESET_MILLISECONDS_ABOVE:
        reset /= 1000.0
    # Some servers send a delta instead of an epoch; anything below a day is read as one.
    if reset < 86_400:
        return max(0.0, reset)
    return max(0.0, reset - now)


def parse_remaining(value: str | None) -> int | None:
    if not value:
        return None
    try:
        remaining = finite(float(value.strip()))
    except ValueError:
        return None
    return None if remaining is None else int(remaining)


@attrs.frozen
class ServerWait:
    """A server-requested wait after :func:`bound_wait` checked it.

    Attributes:
        seconds: the wait to honour (None: the server asked for none, or it was refused).
        refused: the wait asked for when it was longer than the cap (None otherwise).
    """

    seconds: float | None = None
    refused: float | None = None


def bound_wait(seconds: float | None, cap: float) -> ServerWait:
    """The one check every server-sent wait passes: a wait longer than ``cap``
    (``RetryConfig.max_wait_seconds``) is invalid and refused, never held."""
    if seconds is None or not math.isfinite(seconds) or seconds < 0:
        return ServerWait()
    if seconds > cap:
        return ServerWait(refused=seconds)
    return ServerWait(seconds)


def holdable(seconds: float) -> bool:
    """Whether a limiter may hold for ``seconds``: a positive, finite number. (What the
    transport passes is already checked by :func:`bound_wait`; this guards direct callers.)"""
    return math.isfinite(seconds) and seconds > 0


def server_wait(headers: Mapping[str, str], *, now: float) -> float | None:
    """The wait the server asked for, from ``Retry-After`` or ``X-RateLimit-Reset``."""
    wait = parse_retry_after(headers.get("Retry-After"), now=now)
    if wait is None:
        wait = parse_reset(headers.get("X-RateLimit-Reset"), now=now)
    return wait


class Verdict(enum.Enum):
    OK = "ok"
    RETRY = "retry"
    FAIL = "fail"
    #: A non-idempotent write failed in a way that says nothing about whether it was applied.
    UNKNOWN = "unknown"


@attrs.frozen
class Judgement:
    verdict: Verdict
    error: APIError | None = None
    wait_hint: float | None = None


def error_fields(body: Any) -> tuple[int | str | None, str | None, str | None, Any]:
    """(code, message, refId, detail) from any of the three services' error bodies."""
    if not isinstance(body, Mapping):
        return None, None, None, None
    code = body.get("errorCode")
    message = body.get("message") or body.get("Message") or body.get("error")
    detail = body.get("detail")
    if message is None and isinstance(detail, str):
        message = detail
    if message is None and isinstance(body.get("errors"), list) and body["errors"]:
        message = "; ".join(str(e) for e in body["errors"])
    if message is None and isinstance(body.get("title"), str):
        message = body["title"]
    ref_id = body.get("refId")
    if not isinstance(code, int | str) or isinstance(code, bool):
        code = None
    return (
        code,
        str(message) if message is not None else None,
        str(ref_id) if ref_id is not None else None,
        detail,
    )


def build_error(status: int, reason: str, body: bytes, *, method: str, path: str) -> APIError:
    """An :class:`APIError` of the right class for an error response, JSON or not."""
    decoded: Any = None
    try:
        decoded = loads(body, status=status)
    except DecodeError:
        decoded = None
    code, message, ref_id, detail = error_fields(decoded)
    if message is None:
        from .errors import excerpt

        snippet = excerpt(body, 120)
        message = reason or "error"
        if snippet:
            message += f" (non-JSON body: {snippet!r})"
    return error_class_for(status)(
        message,
        status=status,
        method=method,
        path=path,
        code=code,
        ref_id=ref_id,
        detail=detail,
        body=decoded,
    )


#: Smartsheet's wording of the 4004 that means "not applied: another request holds the sheet"
#: (https://developers.smartsheet.com/api/smartsheet/error-codes, 500 / 4004, second form).
BUSY_4004_TEXT = "is currently being updated by another request"


def vendor_error(body: Any) -> bool:
    """The body is one of the services' own JSON error objects: Smartsheet's
    ``{"errorCode", "message"}``, Resource Management's ``{"message"}`` or AppSheet's
    ``{"status", "title", "detail"}``. A proxy's HTML or empty page is not."""
    if not isinstance(body, Mapping):
        return False
    code, message, _ref, _detail = error_fields(body)
    return code is not None or message is not None


def not_applied(status: int, error: APIError) -> bool:
    """The vendor documents that this answer means the write was *not* applied, and the body
    is the vendor's own JSON error saying so (the status alone never counts):

    - any 429 with the service's error body (Smartsheet 429 / 4003 "Rate limit exceeded.";
      Resource Management and AppSheet answer 429 before doing anything, seed 002 "Rate
      Limits");
    - Smartsheet 503 / 4001 "offline for system maintenance";
    - Smartsheet 500 / 4004 in its "currently being updated by another request" form.
    """
    if not vendor_error(error.body):
        return False
    if status == 429:
        return True
    if status == 503 and error.code == 4001:
        return True
    return status == 500 and error.code == 4004 and BUSY_4004_TEXT in (error.message or "")


def judge(
    status: int,
    reason: str,
    headers: Mapping[str, str],
    body: bytes,
    *,
    method: str,
    path: str,
    retry: RetryConfig,
    now: float,
    idempotent: bool = True,
) -> Judgement:
    """Decide what an answer means: success, retry (with the server's wait, if any), failure,
    or (for a non-idempotent write) an unknown outcome.

    An idempotent operation follows ``retry.retry_statuses`` and ``retry.retry_error_codes``
    (https://developers.smartsheet.com/api/smartsheet/error-codes: 429/4003, 503/4001,
    500/4002 and 500/4004 are retryable; other 4xx never are).

    A non-idempotent one (a create, an append, a send) is re-sent only after an answer
    :func:`not_applied` accepts, unless ``retry.resend_unapplied_writes`` is off. Any other 5xx
    is :attr:`Verdict.UNKNOWN`: a gateway's 502/503/504 or a plain 500 says nothing about
    whether the origin applied the write. ``retry.retry_unknown_writes`` restores the old
    rule (retry by status and code) for callers who accept duplicates.
    """
    if status < 400:
        return Judgement(Verdict.OK)
    error = build_error(status, reason, body, method=method, path=path)
    if idempotent or retry.retry_unknown_writes:
        retryable = status in retry.retry_statuses or (
            error.code is not None and error.code in retry.retry_error_codes and status >= 429
        )
        if retryable:
            return Judgement(Verdict.RETRY, error, server_wait(headers, now=now))
        return Judgement(Verdict.FAIL, error)
    if not_applied(status, error):
        hint = server_wait(headers, now=now)
        if retry.resend_unapplied_writes:
            return Judgement(Verdict.RETRY, error, hint)
        return Judgement(Verdict.FAIL, error, hint)
    if status >= 500:
        return Judgement(Verdict.UNKNOWN, error)
    return Judgement(Verdict.FAIL, error, server_wait(headers, now=now) if status == 429 else None)
