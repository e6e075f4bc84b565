"""What one attempt's outcome means for its call: return, raise, or pause and retry.

Pure: no I/O, no event loop, no clock and no randomness of its own (the time and the jitter
are passed in), so every rule is tested by calling :func:`decide` (``tests/core/test_decide.py``).
The transport's loop only acquires, sends, asks :func:`decide`, and does what the
:class:`Step` says.

An attempt ends in one of four outcomes:

* :class:`~smartsuite._core.wire.NotSent`: nothing reached the server, always safe to retry;
* :class:`~smartsuite._core.wire.MaybeSent`: the answer was lost after sending. A read (or a
  write declared idempotent) is retried; a non-idempotent write is reported as unknown unless
  ``RetryConfig.retry_unknown_writes`` accepts duplicates;
* :class:`~smartsuite._core.errors.ResponseTooLargeError`: the server answered, but too much
  to read; final for a read, unknown for a write (it may well have been applied);
* an :data:`Answer` (status, reason, headers, body), judged by :func:`sansio.judge`. An OK
  answer whose JSON body does not parse is retried for a read and unknown for a write; an error
  that ``gone_if`` accepts (by default a DELETE's 404) after an earlier attempt that may have
  been applied stands for that attempt's lost success (``Response.already_gone``).

Every retry then needs an attempt left and a pause (the server's bounded wait plus jitter, else
exponential backoff with full jitter) that ends before the call's deadline; otherwise the call
raises the attempt's error.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping

import attrs

from . import sansio
from .calls import cause_of, gone
from .config import RetryConfig
from .errors import (
    APIError,
    DecodeError,
    OutcomeUnknownError,
    RequestTimeoutError,
    ResponseTooLargeError,
    SmartsuiteError,
    TransportError,
)
from .response import Response
from .wire import MaybeSent, NotSent

#: A whole answer: status, reason, headers, body.
Answer = tuple[int, str, Mapping[str, str], bytes]
Outcome = Answer | NotSent | MaybeSent | ResponseTooLargeError


class Action(enum.Enum):
    RETURN = "return"
    RAISE = "raise"
    RETRY = "retry"


# Call and Step are values (nothing changes them once decide() has returned), but not
# attrs-frozen: a frozen class's __init__ costs about three times as much, on every request.
@attrs.define(slots=True)
class Call:
    """What the decisions need to know about one call; the same for all its attempts.

    Attributes:
        method / path: what is asked (the path without query, for messages).
        idempotent: whether repeating it is safe (see :func:`calls.declared`).
        retry: the retry policy.
        expect_json: an OK answer (other than 204) must carry a JSON body.
        gone_if: the error that means "already removed" (None: a DELETE's 404).
        cost: what it counts as against the rate limit (for the limiter, not for decisions).
    """

    method: str
    path: str
    idempotent: bool
    retry: RetryConfig
    expect_json: bool = True
    gone_if: Callable[[APIError], bool] | None = None
    cost: int = 1


@attrs.define(slots=True)
class Step:
    """What the loop does after one attempt.

    Attributes:
        action: return ``response``, raise ``error``, or pause ``pause`` seconds and retry.
        response: the answer to return (RETURN).
        error: the error to raise (RAISE), or the one that caused the retry (RETRY), which is
            raised if the next attempt cannot be made.
        maybe_applied: some attempt so far may have been applied (carried to the next call).
        cause: why it is retried, for ``TransportStats.retries`` (RETRY only).
        pause: seconds to wait before the next attempt (RETRY only).
        hold: seconds everyone sharing the credential holds (``RateLimiter.hold_for``).
        unknown: ``error`` is an :class:`OutcomeUnknownError` this step made.
        rate_limited: the answer was a 429 (counted in ``TransportStats.rate_limited``).
        refused: a server-requested wait above ``max_wait_seconds``, refused (to log).
    """

    action: Action
    response: Response | None = None
    error: SmartsuiteError | None = None
    maybe_applied: bool = False
    cause: str | None = None
    pause: float = 0.0
    hold: float | None = None
    unknown: bool = False
    rate_limited: bool = False
    refused: float | None = None


def pause_after(retry: RetryConfig, attempt: int, hint: float | None, jitter: float) -> float:
    """The pause after attempt number ``attempt`` (1-based), with ``jitter`` in [0, 1).

    The server's wait ``hint`` plus a little jitter (clients told the same reset spread out),
    else the exponential step ``backoff_base * 2 ** (attempt - 1)`` (at most ``backoff_max``)
    with full jitter: the same series as :class:`~smartsuite._core.retry.Backoff`.
    """
    if hint is not None:
        return hint + jitter * min(1.0, 0.1 * hint + 0.05)
    step = retry.backoff_base * 2.0 ** min(attempt - 1, 64)
    return jitter * min(step, retry.backoff_max)


def unknown(message: str, call: Call, cause: BaseException | None) -> OutcomeUnknownError:
    error = OutcomeUnknownError(message, method=call.method, path=call.path)
    error.__cause__ = cause
    error.__suppress_context__ = True
    return error


def decide(
    call: Call,
    outcome: Outcome,
    *,
    attempt: int,
    maybe_applied: bool,
    now: float,
    wall: float,
    deadline: float,
    jitter: float,
) -> Step:
    """The :class:`Step` after attempt ``attempt`` ended in ``outcome``.

    Args:
        call: the call's facts.
        outcome: how the attempt ended (see the module docstring).
        attempt: its number, 1 for the first.
        maybe_applied: whether an earlier attempt may have been applied.
        now: the monotonic time (the clock ``deadline`` is on).
        wall: the wall-clock time (for ``Retry-After`` dates and reset epochs).
        deadline: when the call must be over (monotonic).
        jitter: a random number in [0, 1) for the pause.
    """
    if type(outcome) is tuple:
        status, reason, headers, body = outcome
        if status < 400:
            return _ok(call, status, headers, body, attempt, maybe_applied, now, deadline, jitter)
        return _error(
            call, status, reason, headers, body, attempt, maybe_applied, now, wall, deadline, jitter
        )
    if isinstance(outcome, NotSent):
        error: SmartsuiteError = TransportError(str(outcome), method=call.method, path=call.path)
        return _retry(call, error, "connect", None, attempt, maybe_applied, now, deadline, jitter)
    if isinstance(outcome, ResponseTooLargeError):
        if call.idempotent:
            return Step(Action.RAISE, error=outcome, maybe_applied=maybe_applied)
        # The server answered, so the write may well have been applied: its answer is only too
        # large to read. Unknown, never "failed" (a failure may be re-sent).
        message = f"{outcome}; the write may have been applied"
        return _unknown(message, call, outcome)
    assert isinstance(outcome, MaybeSent)
    if not call.idempotent and not call.retry.retry_unknown_writes:
        message = f"{outcome}; the write may or may not have been applied, so it was not repeated"
        return _unknown(message, call, None)
    error_cls = RequestTimeoutError if outcome.timeout else TransportError
    error = error_cls(str(outcome), method=call.method, path=call.path)
    cause = "timeout" if outcome.timeout else "disconnect"
    return _retry(call, error, cause, None, attempt, True, now, deadline, jitter)


def _ok(
    call: Call,
    status: int,
    headers: Mapping[str, str],
    body: bytes,
    attempt: int,
    maybe_applied: bool,
    now: float,
    deadline: float,
    jitter: float,
) -> Step:
    response = Response(status, headers, body, call.method, call.path)
    if not call.expect_json or status == 204:
        return Step(Action.RETURN, response=response, maybe_applied=maybe_applied)
    try:
        response.check_json()
    except DecodeError as exc:
        if not call.idempotent:
            message = (
                f"the write was answered HTTP {status} but its body could not be read ({exc}); "
                "it may have been applied"
            )
            return _unknown(message, call, exc)
        return _retry(call, exc, "malformed", None, attempt, maybe_applied, now, deadline, jitter)
    return Step(Action.RETURN, response=response, maybe_applied=maybe_applied)


def _error(
    call: Call,
    status: int,
    reason: str,
    headers: Mapping[str, str],
    body: bytes,
    attempt: int,
    maybe_applied: bool,
    now: float,
    wall: float,
    deadline: float,
    jitter: float,
) -> Step:
    judgement = sansio.judge(
        status,
        reason,
        headers,
        body,
        method=call.method,
        path=call.path,
        retry=call.retry,
        now=wall,
        idempotent=call.idempotent,
    )
    error = judgement.error
    assert error is not None
    if maybe_applied and gone(call.method, error, call.gone_if):
        # The earlier attempt removed it: the object is gone, as asked.
        response = Response(204, headers, b"", call.method, call.path, already_gone=True)
        return Step(Action.RETURN, response=response, maybe_applied=True)
    if judgement.verdict is sansio.Verdict.UNKNOWN:
        code = f" (code {error.code})" if error.code is not None else ""
        message = (
            f"answered HTTP {status}{code}: {error.message}; that says nothing about whether "
            "the write was applied, so it was not repeated"
        )
        return _unknown(message, call, error)
    wait = sansio.bound_wait(judgement.wait_hint, call.retry.max_wait_seconds)
    if wait.refused is not None:
        return Step(Action.RAISE, error=error, maybe_applied=maybe_applied, refused=wait.refused)
    rate_limited = status == 429
    if judgement.verdict is sansio.Verdict.FAIL:
        # Not retried here, but everyone on this credential backs off.
        hold = wait.seconds if rate_limited and wait.seconds else None
        return Step(
            Action.RAISE,
            error=error,
            maybe_applied=maybe_applied,
            hold=hold,
            rate_limited=rate_limited,
        )
    step = _retry(
        call,
        error,
        cause_of(error),
        wait.seconds,
        attempt,
        maybe_applied or status >= 500,
        now,
        deadline,
        jitter,
    )
    step.rate_limited = rate_limited
    return step


def _unknown(message: str, call: Call, cause: BaseException | None) -> Step:
    return Step(Action.RAISE, error=unknown(message, call, cause), maybe_applied=True, unknown=True)


def _retry(
    call: Call,
    error: SmartsuiteError,
    cause: str,
    hint: float | None,
    attempt: int,
    maybe_applied: bool,
    now: float,
    deadline: float,
    jitter: float,
) -> Step:
    retry = call.retry
    if attempt >= retry.max_attempts:
        return Step(Action.RAISE, error=error, maybe_applied=maybe_applied)
    pause = pause_after(retry, attempt, hint, jitter)
    if now + pause > deadline:
        return Step(Action.RAISE, error=error, maybe_applied=maybe_applied)
    # A 429 or a server-sent wait: everyone sharing this credential backs off, not just us.
    hold = pause if cause == "rate_limited" or hint is not None else None
    return Step(
        Action.RETRY,
        error=error,
        maybe_applied=maybe_applied,
        cause=cause,
        pause=pause,
        hold=hold,
    )
