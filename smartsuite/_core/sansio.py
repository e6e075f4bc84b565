"""Pure decisions about responses: no I/O, no event loop, easy to test.

Decoding a body, reading the server's wait hints and judging whether an answer is a success,
a retryable failure or a final error all live here, so the transport only sends and sleeps.
"""

from __future__ import annotations

import email.utils
import enum
import gc
import json
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


def parse_retry_after(value: str | None, *, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - now)


def parse_reset(value: str | None, *, now: float) -> float | None:
    """Seconds until ``X-RateLimit-Reset`` (epoch seconds, as Resource Management sends it)."""
    if not value:
        return None
    try:
        reset = float(value.strip())
    except ValueError:
        return None
    # Some servers send a delta instead of an epoch; anything below a day is read as one.
    if reset < 86_400:
        return max(0.0, reset)
    return max(0.0, reset - now)


def parse_remaining(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return int(float(value.strip()))
    except ValueError:
        return None


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
) -> Judgement:
    """Decide what an answer means: success, retry (with the server's wait, if any), or failure.

    Retries follow https://developers.smartsheet.com/api/smartsheet/error-codes: 429/4003,
    503/4001, 500/4002 and 500/4004 are retryable; other 4xx never are.
    """
    if status < 400:
        return Judgement(Verdict.OK)
    error = build_error(status, reason, body, method=method, path=path)
    retryable = status in retry.retry_statuses or (
        error.code is not None and error.code in retry.retry_error_codes and status >= 429
    )
    if retryable:
        return Judgement(Verdict.RETRY, error, server_wait(headers, now=now))
    return Judgement(Verdict.FAIL, error)
