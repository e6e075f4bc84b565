"""A hostile HTTP server in its own process (so memory measured in the test process is the
client's alone). The first path segment picks the attack:

* ``/bomb/...``: 64 MiB of zeros as about 64 KiB of gzip, ``Content-Encoding: gzip``;
* ``/big/...``: 8 MiB of spaces with an honest ``Content-Length``;
* ``/random-gzip/...``: 4 MiB of random bytes gzipped (no smaller on the wire), chunked;
* ``/endless/...``: a chunked JSON-looking body that never ends;
* ``/_stats``: how many requests each attack got, and how many bytes ``endless`` wrote.

Run ``python -m tests.reliability.hostile_server``: it prints its port, then serves until it
is terminated.
"""

from __future__ import annotations

import asyncio
import os
import sys
import zlib
from collections import Counter

from aiohttp import web

MiB = 1 << 20
INFLATED = 64 * MiB


def gzip_stream(blocks: int, block: bytes, level: int = 9) -> bytes:
    packer = zlib.compressobj(level, zlib.DEFLATED, 31)
    parts = [packer.compress(block) for _ in range(blocks)]
    return b"".join([*parts, packer.flush()])


BOMB = gzip_stream(INFLATED // MiB, b"\0" * MiB)
BIG = b" " * (8 * MiB)
RANDOM_GZIP = gzip_stream(1, os.urandom(4 * MiB), level=1)

seen: Counter[str] = Counter()


async def handle(request: web.Request) -> web.StreamResponse:
    mode = request.path.strip("/").split("/", 1)[0]
    if mode == "_stats":
        return web.json_response(dict(seen))
    seen[mode] += 1
    await request.read()
    if mode == "bomb":
        headers = {"Content-Encoding": "gzip", "Content-Type": "application/json"}
        return web.Response(body=BOMB, headers=headers)
    if mode == "big":
        return web.Response(body=BIG, content_type="application/json")
    resp = web.StreamResponse(headers={"Content-Type": "application/json"})
    if mode == "random-gzip":
        resp.headers["Content-Encoding"] = "gzip"
    resp.enable_chunked_encoding()
    await resp.prepare(request)
    if mode == "random-gzip":
        await resp.write(RANDOM_GZIP)
        await resp.write_eof()
        return resp
    chunk = b"[" + b"0," * (32 * 1024)
    try:
        while seen["endless-bytes"] < 256 * MiB:
            await resp.write(chunk)
            seen["endless-bytes"] += len(chunk)
    except (ConnectionResetError, RuntimeError):
        pass
    return resp


async def main() -> None:
    app = web.Application(client_max_size=1 << 30)
    app.router.add_route("*", "/{tail:.*}", handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    sys.stdout.write(f"{port}\n")
    sys.stdout.flush()
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
