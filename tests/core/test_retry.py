"""Every retry rule of the transport, over real HTTP against a scripted peer."""

from __future__ import annotations

import pytest

from smartsuite._core.config import RetryConfig
from smartsuite._core.errors import (
    BadRequestError,
    NotFoundError,
    OutcomeUnknownError,
    PermissionDeniedError,
    RateLimitedError,
    ServerError,
    TransportError,
)
from tests.core.support import Answer, FakeClock, ScriptedServer, make_transport

OK = Answer(200, {"ok": True})


async def test_429_waits_for_retry_after_then_succeeds(server: ScriptedServer) -> None:
    clock = FakeClock()
    server.script(
        Answer(
            429,
            {"errorCode": 4003, "message": "Rate limit exceeded."},
            headers={"Retry-After": "7"},
        ),
        OK,
    )
    t = make_transport(server.url, clock=clock)
    response = await t.request("GET", "/sheets")
    assert response.json() == {"ok": True}
    assert len(server.seen) == 2
    assert len(clock.sleeps) == 1 and 7.0 <= clock.sleeps[0] <= 8.0
    assert t.stats.rate_limited == 1 and t.stats.retries["rate_limited"] == 1
    await t.aclose()


async def test_429_retry_after_http_date(server: ScriptedServer) -> None:
    clock = FakeClock()
    import email.utils

    when = email.utils.formatdate(clock.time() + 30, usegmt=True)
    server.script(Answer(429, {"errorCode": 4003}, headers={"Retry-After": when}), OK)
    t = make_transport(server.url, clock=clock)
    await t.request("GET", "/x")
    assert 29.0 <= clock.sleeps[0] <= 32.0
    await t.aclose()


async def test_x_ratelimit_reset_wait_measured_on_fake_clock(server: ScriptedServer) -> None:
    clock = FakeClock()
    reset = int(clock.time()) + 42
    server.script(
        Answer(
            429,
            {"message": "Too Many Requests"},
            headers={
                "X-RateLimit-Limit": "120",
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset": str(reset),
            },
        ),
        OK,
    )
    t = make_transport(server.url, clock=clock)
    await t.request("GET", "/users")
    # waited until the reset (42 s from "now") plus a little jitter, no more
    assert len(clock.sleeps) >= 1
    assert 42.0 <= sum(clock.sleeps) <= 43.5
    await t.aclose()


@pytest.mark.parametrize("status", [502, 503, 504])
async def test_gateway_errors_on_a_read_are_retried_even_with_html(
    server: ScriptedServer, status: int
) -> None:
    clock = FakeClock()
    server.script(
        Answer(status, "<html><body>Service Unavailable</body></html>", content_type="text/html"),
        OK,
    )
    t = make_transport(server.url, clock=clock)
    assert (await t.request("GET", "/sheets/1")).status == 200
    assert len(server.seen) == 2 and len(clock.sleeps) == 1
    await t.aclose()


@pytest.mark.parametrize("status", [502, 503, 504])
@pytest.mark.parametrize("body", ["<html><body>Service Unavailable</body></html>", ""])
async def test_gateway_error_on_a_post_is_unknown_and_not_resent(
    server: ScriptedServer, status: int, body: str
) -> None:
    # Inverted: this test used to pin a POST re-sent after a 504. A gateway's 502/503/504
    # says nothing about whether the origin applied the write, so it must not be repeated.
    clock = FakeClock()
    server.script(Answer(status, body, content_type="text/html"), OK)
    t = make_transport(server.url, clock=clock)
    with pytest.raises(OutcomeUnknownError) as info:
        await t.request("POST", "/sheets/1/rows", json=[{}])
    assert len(server.seen) == 1 and clock.sleeps == []
    assert f"HTTP {status}" in str(info.value) and "not repeated" in str(info.value)
    assert t.stats.unknown_outcomes == 1
    await t.aclose()


@pytest.mark.parametrize("code", [4001, 4002, 4004])
async def test_500_with_retryable_error_code(server: ScriptedServer, code: int) -> None:
    clock = FakeClock()
    server.script(Answer(500, {"errorCode": code, "message": "retry me"}), OK)
    t = make_transport(server.url, clock=clock)
    await t.request("PUT", "/sheets/1/rows", json=[{}], idempotent=True)
    assert len(server.seen) == 2
    assert t.stats.retries[f"error_{code}"] == 1
    await t.aclose()


BUSY = (
    "Request failed because sheetId 1 is currently being updated by another request that uses "
    "the same access token. Please retry your request once the previous request has completed."
)


@pytest.mark.parametrize(
    "answer",
    [
        Answer(503, {"errorCode": 4001, "message": "Smartsheet.com is currently offline"}),
        Answer(500, {"errorCode": 4004, "message": BUSY}),
        Answer(429, {"errorCode": 4003, "message": "Rate limit exceeded."}),
        Answer(429, {"message": "Too Many Requests"}),  # Resource Management's body
        Answer(429, {"status": 429, "title": "Too Many Requests", "detail": "slow down"}),
    ],
    ids=["503-4001", "500-4004-busy", "429-4003", "429-rm", "429-appsheet"],
)
async def test_write_resent_only_after_a_documented_not_applied_answer(
    server: ScriptedServer, answer: Answer
) -> None:
    server.script(answer, OK)
    t = make_transport(server.url, clock=FakeClock())
    assert (await t.request("POST", "/sheets/1/rows", json=[{}])).status == 200
    assert len(server.seen) == 2
    await t.aclose()


@pytest.mark.parametrize(
    "answer",
    [
        Answer(500, {"errorCode": 4000, "message": "An unexpected error has occurred."}),
        Answer(500, {"errorCode": 4002, "message": "Server timeout exceeded."}),
        Answer(500, {"errorCode": 4004, "message": "An unexpected error has occurred. Retry."}),
        Answer(503, "", content_type="text/plain"),  # 503 without the 4001 body
        Answer(500, {"status": 500, "title": "Internal Server Error", "detail": "oops"}),
        Answer(503, {"message": "maintenance"}),  # no 4001 code: the status alone never counts
    ],
    ids=["500-4000", "500-4002", "500-4004-generic", "503-empty", "appsheet-500", "503-no-code"],
)
async def test_write_answered_other_5xx_is_unknown(server: ScriptedServer, answer: Answer) -> None:
    server.script(answer, OK)
    t = make_transport(server.url, clock=FakeClock())
    with pytest.raises(OutcomeUnknownError):
        await t.request("POST", "/sheets/1/rows", json=[{}])
    assert len(server.seen) == 1
    await t.aclose()


async def test_429_with_an_html_body_is_not_resent_for_a_write(server: ScriptedServer) -> None:
    server.script(Answer(429, "<html>slow down</html>", content_type="text/html"), OK)
    t = make_transport(server.url, clock=FakeClock())
    with pytest.raises(RateLimitedError):
        await t.request("POST", "/sheets/1/rows", json=[{}])
    assert len(server.seen) == 1
    await t.aclose()


async def test_old_rule_is_an_explicit_opt_in_per_call(server: ScriptedServer) -> None:
    server.script(Answer(504, "", content_type="text/html"), OK, Answer(504, ""), OK)
    t = make_transport(server.url, clock=FakeClock())
    old = t.with_options(retry=RetryConfig(retry_unknown_writes=True))
    assert (await old.request("POST", "/sheets/1/rows", json=[{}])).status == 200
    assert len(server.seen) == 2
    with pytest.raises(OutcomeUnknownError):
        await t.request("POST", "/sheets/1/rows", json=[{}])
    assert len(server.seen) == 3
    await t.aclose()


async def test_resend_unapplied_writes_off_raises_the_answer(server: ScriptedServer) -> None:
    server.script(Answer(503, {"errorCode": 4001, "message": "offline"}), OK)
    t = make_transport(
        server.url, clock=FakeClock(), retry=RetryConfig(resend_unapplied_writes=False)
    )
    with pytest.raises(ServerError) as info:
        await t.request("POST", "/sheets/1/rows", json=[{}])
    assert info.value.code == 4001 and len(server.seen) == 1
    await t.aclose()


async def test_plain_500_is_not_retried(server: ScriptedServer) -> None:
    server.script(Answer(500, {"errorCode": 4000, "message": "An unexpected error"}), OK)
    t = make_transport(server.url, clock=FakeClock())
    with pytest.raises(ServerError) as info:
        await t.request("GET", "/x")
    assert info.value.code == 4000 and len(server.seen) == 1
    await t.aclose()


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, BadRequestError),
    ],
)
async def test_other_4xx_never_retried(server: ScriptedServer, status: int, cls: type) -> None:
    server.script(Answer(status, {"errorCode": 1006, "message": "Not Found", "refId": "abc"}), OK)
    t = make_transport(server.url, clock=FakeClock())
    with pytest.raises(cls) as info:
        await t.request("GET", "/sheets/9")
    assert len(server.seen) == 1
    assert info.value.status == status and info.value.ref_id == "abc"
    assert "GET /api/sheets/9" in str(info.value)
    await t.aclose()


async def test_retries_are_bounded_by_attempts(server: ScriptedServer) -> None:
    clock = FakeClock()
    server.script(*[Answer(429, {"errorCode": 4003}, headers={"Retry-After": "1"})] * 5)
    t = make_transport(server.url, clock=clock, retry=RetryConfig(max_attempts=3))
    with pytest.raises(RateLimitedError):
        await t.request("GET", "/x")
    assert len(server.seen) == 3 and len(clock.sleeps) == 2
    await t.aclose()


async def test_retries_are_bounded_by_total_time(server: ScriptedServer) -> None:
    clock = FakeClock()
    server.script(*[Answer(503, "down", content_type="text/plain")] * 10)
    t = make_transport(
        server.url,
        clock=clock,
        retry=RetryConfig(max_attempts=10, max_total_seconds=5, backoff_base=2, backoff_max=2),
    )
    with pytest.raises(ServerError):
        await t.request("GET", "/x")
    assert sum(clock.sleeps) <= 5
    assert len(server.seen) < 10
    await t.aclose()


async def test_server_wait_longer_than_allowed_raises(server: ScriptedServer) -> None:
    server.script(Answer(429, {"errorCode": 4003}, headers={"Retry-After": "3600"}))
    t = make_transport(server.url, clock=FakeClock(), retry=RetryConfig(max_wait_seconds=60))
    with pytest.raises(RateLimitedError):
        await t.request("GET", "/x")
    assert len(server.seen) == 1
    await t.aclose()


async def test_write_with_unknown_outcome_is_not_repeated(server: ScriptedServer) -> None:
    server.script(Answer(drop=True), OK)
    t = make_transport(server.url, clock=FakeClock())
    with pytest.raises(OutcomeUnknownError) as info:
        await t.request("POST", "/sheets/1/rows", json=[{"cells": []}])
    assert len(server.seen) == 1
    assert "may or may not have been applied" in str(info.value)
    assert t.stats.unknown_outcomes == 1
    await t.aclose()


async def test_write_answered_with_unreadable_body_is_unknown(server: ScriptedServer) -> None:
    server.script(Answer(200, '{"result": [1, 2', content_type="application/json"))
    t = make_transport(server.url, clock=FakeClock())
    with pytest.raises(OutcomeUnknownError):
        await t.request("POST", "/sheets/1/rows", json=[])
    assert len(server.seen) == 1
    await t.aclose()


async def test_read_timeout_on_write_is_unknown(server: ScriptedServer) -> None:
    from smartsuite._core.config import Timeouts

    server.script(Answer(200, {}, delay=1.0))
    t = make_transport(server.url, clock=FakeClock(), timeouts=Timeouts(total=0.3, read=0.3))
    with pytest.raises(OutcomeUnknownError):
        await t.request("DELETE", "/sheets/1/rows", params={"ids": [1]})
    assert len(server.seen) == 1
    await t.aclose()


async def test_unknown_writes_can_opt_in_to_retry(server: ScriptedServer) -> None:
    server.script(Answer(drop=True), OK)
    t = make_transport(server.url, clock=FakeClock(), retry=RetryConfig(retry_unknown_writes=True))
    await t.request("POST", "/x", json={})
    assert len(server.seen) == 2
    await t.aclose()


async def test_dropped_read_is_retried(server: ScriptedServer) -> None:
    server.script(Answer(drop=True), Answer(200, "<html>oops</html>", content_type="text/html"), OK)
    clock = FakeClock()
    t = make_transport(server.url, clock=clock)
    assert (await t.request("GET", "/x")).json() == {"ok": True}
    assert len(server.seen) == 3
    # (aiohttp itself may re-send a GET once on a dropped keep-alive connection)
    assert t.stats.retries["malformed"] == 1
    await t.aclose()


async def test_idempotent_post_is_retried_after_drop(server: ScriptedServer) -> None:
    server.script(Answer(drop=True), OK)
    t = make_transport(server.url, clock=FakeClock())
    await t.request("POST", "/Action", json={"Action": "Find"}, idempotent=True)
    assert len(server.seen) == 2
    assert t.stats.retries["disconnect"] == 1
    await t.aclose()


async def test_connection_refused_is_transport_error() -> None:
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    t = make_transport(
        f"http://127.0.0.1:{port}", clock=FakeClock(), retry=RetryConfig(max_attempts=2)
    )
    with pytest.raises(TransportError) as info:
        await t.request("POST", "/x", json={})
    assert not isinstance(info.value, OutcomeUnknownError)  # never sent: safe to say so
    await t.aclose()


@pytest.mark.parametrize("method", ["PUT", "DELETE"])
async def test_write_on_reused_connection_is_not_resent_by_aiohttp(
    server: ScriptedServer, method: str
) -> None:
    server.script(OK, Answer(drop=True), OK)
    t = make_transport(server.url, clock=FakeClock())
    await t.request("GET", "/warm-up")  # the next request reuses this kept-alive connection
    with pytest.raises(OutcomeUnknownError):
        await t.request(method, "/sheets/1/rows", json=[])
    assert [s.method for s in server.seen] == ["GET", method]
    await t.aclose()
