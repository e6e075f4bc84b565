"""A scripted HTTP peer for core tests: each request gets the next scripted answer."""

from __future__ import annotations

from collections import deque
from collections.abc import AsyncIterator
from typing import Any

import attrs
import pytest
from aiohttp import web

from smartsuite._core.auth import BearerToken
from smartsuite._core.config import RateLimitConfig, RetryConfig, Timeouts
from smartsuite._core.transport import Transport

TOKEN = "core-test-secret-token-123"


@attrs.define
class Answer:
    status: int = 200
    body: bytes | str | Any = b"{}"
    headers: dict[str, str] = attrs.field(factory=dict)
    drop: bool = False
    delay: float = 0.0
    content_type: str = "application/json"


@attrs.define
class Seen:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes


class ScriptedServer:
    def __init__(self) -> None:
        self.answers: deque[Answer] = deque()
        self.seen: list[Seen] = []
        self.url = ""

    def script(self, *answers: Answer) -> None:
        self.answers.extend(answers)

    async def handle(self, request: web.Request) -> web.StreamResponse:
        import asyncio
        import json

        self.seen.append(
            Seen(
                request.method,
                request.path,
                dict(request.query),
                dict(request.headers),
                await request.read(),
            )
        )
        answer = self.answers.popleft() if self.answers else Answer()
        if answer.delay:
            await asyncio.sleep(answer.delay)
        if answer.drop:
            assert request.transport is not None
            request.transport.abort()
            return web.Response()
        body = answer.body
        if not isinstance(body, bytes | str):
            body = json.dumps(body)
        if isinstance(body, str):
            body = body.encode()
        return web.Response(
            status=answer.status,
            body=body,
            headers=answer.headers,
            content_type=answer.content_type,
        )


@pytest.fixture
async def server() -> AsyncIterator[ScriptedServer]:
    srv = ScriptedServer()
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", srv.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    srv.url = f"http://127.0.0.1:{port}/api"
    yield srv
    await runner.cleanup()


class FakeClock:
    """Time that moves only when someone sleeps; sleeps are recorded, not waited."""

    def __init__(self, epoch: float = 1_800_000_000.0) -> None:
        self.epoch = epoch
        self.elapsed = 0.0
        self.sleeps: list[float] = []

    def time(self) -> float:
        return self.epoch + self.elapsed

    def monotonic(self) -> float:
        return self.elapsed

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.elapsed += seconds


def make_transport(
    url: str,
    *,
    retry: RetryConfig | None = None,
    clock: Any = None,
    rate: RateLimitConfig | None = None,
    timeouts: Timeouts | None = None,
) -> Transport:
    kwargs: dict[str, Any] = {}
    if clock is not None:
        kwargs["clock"] = clock
    return Transport(
        service="test",
        base_url=url,
        auth=BearerToken(TOKEN),
        rate_limit=rate or RateLimitConfig(rate=1000, per=1, burst=1000),
        retry=retry or RetryConfig(retry_error_codes=frozenset({4001, 4002, 4003, 4004})),
        timeouts=timeouts or Timeouts(total=5, connect=2, read=5),
        **kwargs,
    )
