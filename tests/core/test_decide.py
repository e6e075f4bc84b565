"""Every decision about one attempt's outcome, without an event loop (see _core/decide.py)."""

from __future__ import annotations

import itertools
import json
from typing import Any

import pytest
from multidict import CIMultiDict, CIMultiDictProxy

from smartsuite._core.config import RetryConfig
from smartsuite._core.decide import Action, Call, Outcome, Step, decide, pause_after
from smartsuite._core.errors import (
    DecodeError,
    NotFoundError,
    OutcomeUnknownError,
    RateLimitedError,
    RequestTimeoutError,
    ResponseTooLargeError,
    ServerError,
    TransportError,
)
from smartsuite._core.wire import MaybeSent, NotSent

NOW = 1_000.0
WALL = 1_700_000_000.0
RETRY = RetryConfig(max_attempts=4, max_total_seconds=300.0, backoff_base=1.0, backoff_max=8.0)
READ = Call("GET", "/sheets/1", True, RETRY)
WRITE = Call("POST", "/sheets/1/rows", False, RETRY)
DELETE = Call("DELETE", "/sheets/1", True, RETRY)


def answer(status: int, body: Any = None, **headers: str) -> Outcome:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    hdrs = CIMultiDictProxy(CIMultiDict({k.replace("_", "-"): v for k, v in headers.items()}))
    return (status, "Reason", hdrs, raw)


def step(
    call: Call,
    outcome: Outcome,
    *,
    attempt: int = 1,
    maybe_applied: bool = False,
    deadline: float = NOW + 300.0,
    jitter: float = 0.5,
) -> Step:
    return decide(
        call,
        outcome,
        attempt=attempt,
        maybe_applied=maybe_applied,
        now=NOW,
        wall=WALL,
        deadline=deadline,
        jitter=jitter,
    )


RATE_LIMITED = {"errorCode": 4003, "message": "Rate limit exceeded."}
MAINTENANCE = {"errorCode": 4001, "message": "offline for system maintenance"}
BUSY = {"errorCode": 4004, "message": "Sheet 1 is currently being updated by another request."}
PLAIN_500 = {"errorCode": 4000, "message": "An unexpected error has occurred."}
HTML = b"<html>Bad Gateway</html>"
BAD_REQUEST = {"errorCode": 1008, "message": "Unable to parse request."}
NOT_FOUND = {"errorCode": 1006, "message": "Not Found"}


# -- answers judged OK -----------------------------------------------------------------------


def test_ok_json_returns_the_parsed_response() -> None:
    s = step(READ, answer(200, {"id": 1}))
    assert s.action is Action.RETURN and s.response is not None
    assert s.response.json() == {"id": 1} and s.response.path == "/sheets/1"
    assert not s.response.already_gone and s.error is None


@pytest.mark.parametrize("call", [READ, WRITE])
def test_204_and_not_expected_json_return_without_parsing(call: Call) -> None:
    assert step(call, answer(204, b"")).action is Action.RETURN
    raw = Call(call.method, call.path, call.idempotent, RETRY, expect_json=False)
    s = step(raw, answer(200, HTML))
    assert s.action is Action.RETURN and s.response is not None and s.response.body == HTML


def test_ok_with_an_unreadable_body_is_retried_for_a_read() -> None:
    s = step(READ, answer(200, HTML))
    assert s.action is Action.RETRY and s.cause == "malformed"
    assert isinstance(s.error, DecodeError) and "HTML page" in str(s.error)
    assert s.pause == 0.5 and s.hold is None and not s.maybe_applied


def test_ok_with_an_unreadable_body_is_unknown_for_a_write() -> None:
    s = step(WRITE, answer(201, b"{truncated"))
    assert s.action is Action.RAISE and s.unknown
    assert isinstance(s.error, OutcomeUnknownError)
    assert "answered HTTP 201" in str(s.error) and "may have been applied" in str(s.error)
    assert isinstance(s.error.__cause__, DecodeError)


# -- attempts that got no answer ---------------------------------------------------------------


@pytest.mark.parametrize(("call", "before"), list(itertools.product([READ, WRITE], [False, True])))
def test_not_sent_is_always_retried_and_changes_nothing_applied(call: Call, before: bool) -> None:
    s = step(call, NotSent("cannot connect: ClientConnectorError"), maybe_applied=before)
    assert s.action is Action.RETRY and s.cause == "connect"
    assert type(s.error) is TransportError and "cannot connect" in str(s.error)
    assert s.maybe_applied is before and s.hold is None


@pytest.mark.parametrize(
    ("timeout", "error_cls", "cause"),
    [(True, RequestTimeoutError, "timeout"), (False, TransportError, "disconnect")],
)
def test_maybe_sent_read_is_retried_and_marks_maybe_applied(
    timeout: bool, error_cls: type[Exception], cause: str
) -> None:
    s = step(READ, MaybeSent("lost", timeout=timeout))
    assert s.action is Action.RETRY and s.cause == cause and type(s.error) is error_cls
    assert s.maybe_applied


@pytest.mark.parametrize("timeout", [True, False])
def test_maybe_sent_write_is_unknown_and_not_repeated(timeout: bool) -> None:
    s = step(WRITE, MaybeSent("timed out waiting for the answer", timeout=timeout))
    assert s.action is Action.RAISE and s.unknown and isinstance(s.error, OutcomeUnknownError)
    assert "may or may not have been applied" in str(s.error)
    assert s.error.__cause__ is None and s.error.__suppress_context__


def test_maybe_sent_write_is_retried_when_duplicates_are_accepted() -> None:
    loose = Call("POST", "/x", False, RetryConfig(retry_unknown_writes=True))
    s = step(loose, MaybeSent("lost"))
    assert s.action is Action.RETRY and s.cause == "disconnect" and s.maybe_applied


def test_too_large_is_final_for_a_read_and_unknown_for_a_write() -> None:
    exc = ResponseTooLargeError("too big", limit="max_body_bytes", cap=64)
    read = step(READ, exc)
    assert read.action is Action.RAISE and read.error is exc and not read.unknown
    write = step(WRITE, exc)
    assert write.action is Action.RAISE and write.unknown
    assert isinstance(write.error, OutcomeUnknownError) and write.error.__cause__ is exc


# -- error answers ---------------------------------------------------------------------------

# (status, body, retry-after) -> expected (action, maybe_applied after) for a read and a write
# under the default policy. Grounded in sansio.judge's rules (Smartsheet error-codes page).
GRID: list[tuple[int, Any, str | None, tuple[Action, bool], tuple[Action, bool, bool]]] = [
    # status, body, Retry-After, read (action, maybe_applied), write (action, unknown, maybe)
    (400, BAD_REQUEST, None, (Action.RAISE, False), (Action.RAISE, False, False)),
    (404, NOT_FOUND, None, (Action.RAISE, False), (Action.RAISE, False, False)),
    (429, RATE_LIMITED, "3", (Action.RETRY, False), (Action.RETRY, False, False)),
    (429, HTML, None, (Action.RETRY, False), (Action.RAISE, False, False)),
    (500, PLAIN_500, None, (Action.RAISE, False), (Action.RAISE, True, True)),
    (500, BUSY, None, (Action.RAISE, False), (Action.RETRY, False, True)),
    (502, HTML, None, (Action.RETRY, True), (Action.RAISE, True, True)),
    (503, MAINTENANCE, None, (Action.RETRY, True), (Action.RETRY, False, True)),
    (504, b"", None, (Action.RETRY, True), (Action.RAISE, True, True)),
]  # fmt: skip


@pytest.mark.parametrize(("status", "body", "after", "read", "write"), GRID)
def test_error_answers_grid(
    status: int,
    body: Any,
    after: str | None,
    read: tuple[Action, bool],
    write: tuple[Action, bool, bool],
) -> None:
    headers = {"Retry_After": after} if after else {}
    r = step(READ, answer(status, body, **headers))
    assert (r.action, r.maybe_applied) == read
    assert not r.unknown and r.rate_limited is (status == 429 and r.action is Action.RETRY)
    w = step(WRITE, answer(status, body, **headers))
    assert (w.action, w.unknown, w.maybe_applied) == write
    if w.unknown:
        assert isinstance(w.error, OutcomeUnknownError)
        assert f"answered HTTP {status}" in str(w.error) and "not repeated" in str(w.error)
        assert isinstance(w.error.__cause__, ServerError)


def test_unknown_message_names_the_vendor_code() -> None:
    s = step(WRITE, answer(500, PLAIN_500))
    assert "HTTP 500 (code 4000): An unexpected error has occurred." in str(s.error)


def test_every_outcome_with_no_attempt_left_raises_its_error() -> None:
    retryable: list[Outcome] = [
        NotSent("x"),
        MaybeSent("x"),
        answer(503, MAINTENANCE),
        answer(429, RATE_LIMITED),
        answer(200, HTML),
    ]
    for outcome in retryable:
        assert step(READ, outcome, attempt=3).action is Action.RETRY
        last = step(READ, outcome, attempt=RETRY.max_attempts)
        assert last.action is Action.RAISE and last.error is not None and not last.unknown
        assert last.cause is None and last.hold is None


def test_a_pause_past_the_deadline_raises_instead_of_waiting() -> None:
    s = step(READ, answer(503, MAINTENANCE, Retry_After="20"), deadline=NOW + 19.0)
    assert s.action is Action.RAISE and isinstance(s.error, ServerError)
    assert s.hold is None and s.maybe_applied
    fits = step(READ, answer(503, MAINTENANCE, Retry_After="20"), deadline=NOW + 25.0)
    assert fits.action is Action.RETRY and 20.0 <= fits.pause <= 21.0


def test_retry_after_is_honoured_with_a_little_jitter_and_held_for_everyone() -> None:
    s = step(READ, answer(429, RATE_LIMITED, Retry_After="7"), jitter=0.5)
    assert s.action is Action.RETRY and s.cause == "rate_limited" and s.rate_limited
    assert s.pause == pytest.approx(7 + 0.5 * 0.75) and s.hold == s.pause
    assert isinstance(s.error, RateLimitedError)


def test_http_date_and_reset_hints() -> None:
    import email.utils

    when = email.utils.formatdate(WALL + 30, usegmt=True)
    s = step(READ, answer(429, RATE_LIMITED, Retry_After=when), jitter=0.0)
    assert s.pause == pytest.approx(30.0, abs=1.0)
    reset = step(READ, answer(429, RATE_LIMITED, X_RateLimit_Reset=str(int(WALL) + 42)), jitter=0)
    assert reset.pause == pytest.approx(42.0) and reset.hold == reset.pause


def test_429_without_a_hint_backs_off_and_still_holds_everyone() -> None:
    s = step(READ, answer(429, RATE_LIMITED), attempt=2, jitter=0.5)
    assert s.pause == pytest.approx(0.5 * 2.0) and s.hold == s.pause


def test_5xx_without_a_hint_backs_off_without_holding_others() -> None:
    s = step(READ, answer(502, HTML), attempt=3, jitter=0.25)
    assert s.pause == pytest.approx(0.25 * 4.0) and s.hold is None and s.cause == "http_502"


def test_a_wait_above_the_cap_is_refused_not_held() -> None:
    s = step(READ, answer(429, RATE_LIMITED, Retry_After="3600"))
    assert s.action is Action.RAISE and s.refused == 3600.0
    assert s.hold is None and not s.rate_limited and isinstance(s.error, RateLimitedError)


def test_a_write_429_not_resent_still_holds_everyone_for_the_servers_wait() -> None:
    strict = Call("POST", "/x", False, RetryConfig(resend_unapplied_writes=False))
    s = step(strict, answer(429, RATE_LIMITED, Retry_After="5"))
    assert s.action is Action.RAISE and s.hold == 5.0 and s.rate_limited and not s.unknown


def test_a_write_fails_like_a_read_when_duplicates_are_accepted() -> None:
    loose = Call("POST", "/x", False, RetryConfig(retry_unknown_writes=True))
    assert step(loose, answer(502, HTML)).action is Action.RETRY
    assert step(loose, answer(500, PLAIN_500)).action is Action.RAISE
    assert not step(loose, answer(500, PLAIN_500)).unknown


def test_retry_error_codes_extend_the_retried_statuses() -> None:
    call = Call("GET", "/x", True, RetryConfig(retry_error_codes=frozenset({4002})))
    s = step(call, answer(500, {"errorCode": 4002, "message": "timeout"}))
    assert s.action is Action.RETRY and s.cause == "error_4002" and s.maybe_applied


# -- already gone ----------------------------------------------------------------------------


def test_404_after_a_maybe_applied_delete_is_already_gone() -> None:
    s = step(DELETE, answer(404, {"errorCode": 1006, "message": "Not Found"}), maybe_applied=True)
    assert s.action is Action.RETURN and s.response is not None
    assert s.response.already_gone and s.response.status == 204 and s.response.body == b""


def test_404_to_a_first_delete_is_not_found() -> None:
    s = step(DELETE, answer(404, {"errorCode": 1006, "message": "Not Found"}))
    assert s.action is Action.RAISE and isinstance(s.error, NotFoundError)


def test_gone_if_names_what_already_removed_means() -> None:
    call = Call("POST", "/x/remove", True, RETRY, gone_if=lambda e: e.code == 1030)
    gone = step(call, answer(400, {"errorCode": 1030, "message": "gone"}), maybe_applied=True)
    assert gone.action is Action.RETURN and gone.response is not None
    assert gone.response.already_gone
    other = step(call, answer(404, {"errorCode": 1006}), maybe_applied=True)
    assert other.action is Action.RAISE


# -- invariants over the whole space -----------------------------------------------------------

OUTCOMES: list[Outcome] = [
    NotSent("x"),
    MaybeSent("x"),
    MaybeSent("x", timeout=True),
    ResponseTooLargeError("big", limit="max_body_bytes", cap=1),
    answer(200, {"a": 1}),
    answer(200, HTML),
    answer(204, b""),
    *(answer(status, body, **({"Retry_After": a} if a else {})) for status, body, a, *_ in GRID),
    answer(429, RATE_LIMITED, Retry_After="9999"),
]
POLICIES = [
    RETRY,
    RetryConfig(retry_unknown_writes=True),
    RetryConfig(resend_unapplied_writes=False),
    RetryConfig(max_attempts=1),
]


@pytest.mark.parametrize("outcome", OUTCOMES)
def test_invariants(outcome: Outcome) -> None:
    for policy, method, idempotent, before, attempt in itertools.product(
        POLICIES, ["GET", "POST", "DELETE"], [True, False], [False, True], [1, 2, 8]
    ):
        call = Call(method, "/p", idempotent, policy)
        s = step(call, outcome, attempt=attempt, maybe_applied=before)
        assert (s.response is not None) is (s.action is Action.RETURN)
        assert (s.error is not None) is (s.action is not Action.RETURN)
        if s.action is Action.RETRY:
            assert attempt < policy.max_attempts and NOW + s.pause <= NOW + 300.0
            assert s.cause is not None and s.pause >= 0
        else:
            assert s.cause is None and s.pause == 0.0
        assert s.maybe_applied or not before  # once maybe applied, always maybe applied
        if s.unknown:
            assert not idempotent and isinstance(s.error, OutcomeUnknownError)
            # duplicates accepted: only an answer that was there but unreadable stays unknown
            if policy.retry_unknown_writes:
                assert isinstance(outcome, ResponseTooLargeError) or (
                    isinstance(outcome, tuple) and outcome[0] < 400
                )
        if (
            s.action is Action.RETRY
            and not idempotent
            and not policy.retry_unknown_writes
            and isinstance(outcome, tuple)
        ):
            # a write is re-sent only after an answer documented as "not applied"
            assert outcome[0] in (429, 500, 503) and policy.resend_unapplied_writes


# -- the pause series ------------------------------------------------------------------------


def test_backoff_doubles_from_the_base_up_to_the_cap_with_full_jitter() -> None:
    full = [pause_after(RETRY, n, None, 0.999999) for n in range(1, 7)]
    assert full == pytest.approx([1.0, 2.0, 4.0, 8.0, 8.0, 8.0], rel=1e-5)
    assert pause_after(RETRY, 3, None, 0.0) == 0.0
    assert pause_after(RETRY, 10_000, None, 0.5) == 4.0  # no overflow far out


def test_server_hint_jitter_is_small_and_bounded() -> None:
    assert pause_after(RETRY, 1, 0.0, 0.999) == pytest.approx(0.05, rel=1e-2)
    assert pause_after(RETRY, 1, 100.0, 0.999) == pytest.approx(101.0, rel=1e-3)
    assert pause_after(RETRY, 5, 2.0, 0.0) == 2.0
