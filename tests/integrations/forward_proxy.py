"""A small HTTP forward proxy on loopback, for proxy tests: it checks Basic proxy credentials
(RFC 9110 section 11.7.1, ``Proxy-Authorization``), forwards absolute-form requests and records
what it relayed."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import aiohttp
import attrs
from aiohttp import web

_HOP_BY_HOP = {
    "connection", "keep-alive", "proxy-authorization", "proxy-connection", "te", "trailer",
    "transfer-encoding", "upgrade", "host", "content-length",
}  # fmt: skip


@attrs.define
class ForwardProxy:
    url: str = ""
    user: str | None = None
    password: str | None = None
    relayed: list[tuple[str, str]] = attrs.field(factory=list)
    refused: int = 0

    def authorized(self, header: str | None) -> bool:
        if self.user is None:
            return True
        expected = base64.b64encode(f"{self.user}:{self.password}".encode()).decode()
        return header == f"Basic {expected}"


@asynccontextmanager
async def forward_proxy(
    user: str | None = None, password: str | None = None
) -> AsyncIterator[ForwardProxy]:
    proxy = ForwardProxy(user=user, password=password)
    session = aiohttp.ClientSession(auto_decompress=False)

    async def relay(request: web.Request) -> web.StreamResponse:
        if not proxy.authorized(request.headers.get("Proxy-Authorization")):
            proxy.refused += 1
            return web.Response(status=407, headers={"Proxy-Authenticate": 'Basic realm="t"'})
        target = str(request.url)
        proxy.relayed.append((request.method, target))
        headers = {k: v for k, v in request.headers.items() if k.lower() not in _HOP_BY_HOP}
        async with session.request(
            request.method, target, headers=headers, data=await request.read(),
            allow_redirects=False,
        ) as upstream:  # fmt: skip
            body = await upstream.read()
            out = {k: v for k, v in upstream.headers.items() if k.lower() not in _HOP_BY_HOP}
            return web.Response(status=upstream.status, headers=out, body=body)

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", relay)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    proxy.url = f"http://127.0.0.1:{port}"
    try:
        yield proxy
    finally:
        await runner.cleanup()
        await session.close()
