"""``Timeouts.read`` bounds the gap between two reads of an answer: a body that stalls
half-way is cut at the read timeout, not at the call's total deadline."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from smartsuite._core.config import RetryConfig, Timeouts
from smartsuite._core.errors import OutcomeUnknownError, RequestTimeoutError
from tests.core.support import make_transport


@pytest.fixture
async def stalling() -> AsyncIterator[str]:
    """A server that sends the headers and half the body of every answer, then stalls."""

    async def handler(request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse(headers={"Content-Type": "application/json"})
        resp.content_length = 20
        await resp.prepare(request)
        await resp.write(b'{"ok": true, ')
        await asyncio.sleep(3)
        return resp

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handler)
    server = TestServer(app)
    await server.start_server()
    yield str(server.make_url("")).rstrip("/")
    await server.close()


async def test_a_body_that_stalls_is_cut_at_the_read_timeout(stalling: str) -> None:
    t = make_transport(
        stalling,
        retry=RetryConfig(max_attempts=1),
        timeouts=Timeouts(total=10, connect=2, read=0.3),
    )
    began = time.monotonic()
    with pytest.raises(RequestTimeoutError):
        await t.request("GET", "/x")
    assert time.monotonic() - began < 2.0  # the read timeout, long before total or the stall
    await t.aclose()


async def test_a_stalled_write_is_cut_at_the_read_timeout_and_unknown(stalling: str) -> None:
    t = make_transport(stalling, timeouts=Timeouts(total=10, connect=2, read=0.3))
    began = time.monotonic()
    with pytest.raises(OutcomeUnknownError):
        await t.request("POST", "/x", json={})
    assert time.monotonic() - began < 2.0
    assert t.stats.attempts == 1
    await t.aclose()
