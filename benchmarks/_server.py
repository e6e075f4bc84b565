"""Servers for the benchmarks, each in its own process.

The client under test owns its process: no server thread shares its GIL, its garbage collector
or its CPU time. The parent talks to the server process through a pipe: :meth:`ServerProcess.call`
runs a module-level function ``fn(emu, *args)`` inside the server's event loop (awaited when it is
a coroutine function) and returns its result, so a benchmark seeds state, sets faults and reads
the request log without sharing memory with the client.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import multiprocessing as mp
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

SPAWN = mp.get_context("spawn")


class ServerError(RuntimeError):
    """A call inside the server process raised; the message carries its traceback."""


def _serve_emulator(conn: Connection) -> None:
    from smartsuite.emulator import Emulator

    async def main() -> None:
        emu = Emulator()
        await emu.start()
        conn.send(
            {
                "smartsheet_url": emu.smartsheet_url,
                "smartsheet_token": emu.smartsheet_token,
                "rm_url": emu.rm_url,
                "rm_token": emu.rm_token,
            }
        )
        loop = asyncio.get_running_loop()
        try:
            while True:
                message = await loop.run_in_executor(None, conn.recv)
                if message is None:
                    break
                fn, args = message
                try:
                    result = fn(emu, *args)
                    if inspect.isawaitable(result):
                        result = await result
                    conn.send(("ok", result))
                except Exception:  # handed back to the parent
                    conn.send(("error", traceback.format_exc()))
        finally:
            await emu.close()

    asyncio.run(main())


def _serve_body(conn: Connection, path: str) -> None:
    """A server answering every GET with the bytes of ``path`` (a fixed JSON body)."""
    from aiohttp import web

    body = Path(path).read_bytes()

    async def handler(request: web.Request) -> web.Response:
        return web.Response(body=body, content_type="application/json")

    async def main() -> None:
        app = web.Application()
        app.router.add_route("GET", "/{tail:.*}", handler)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        conn.send({"url": f"http://127.0.0.1:{port}"})
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(None, conn.recv)
        finally:
            await runner.cleanup()

    asyncio.run(main())


class ServerProcess:
    """A server started in a fresh (spawned) process; use as a context manager."""

    def __init__(self, target: Callable[..., None], *args: Any) -> None:
        self._conn, child = SPAWN.Pipe()
        self._process = SPAWN.Process(target=target, args=(child, *args), daemon=True)
        self.info: dict[str, str] = {}

    def __enter__(self) -> ServerProcess:
        self._process.start()
        if not self._conn.poll(60):
            self._process.kill()
            raise ServerError("the server process did not start within 60 s")
        self.info = self._conn.recv()
        return self

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(BrokenPipeError, OSError):
            self._conn.send(None)
        self._process.join(30)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()
        self._conn.close()


class EmulatorProcess(ServerProcess):
    """The emulator in its own process, with the URLs and tokens a client needs."""

    def __init__(self) -> None:
        super().__init__(_serve_emulator)

    def __enter__(self) -> EmulatorProcess:
        super().__enter__()
        return self

    @property
    def smartsheet_url(self) -> str:
        return self.info["smartsheet_url"]

    @property
    def smartsheet_token(self) -> str:
        return self.info["smartsheet_token"]

    @property
    def rm_url(self) -> str:
        return self.info["rm_url"]

    @property
    def rm_token(self) -> str:
        return self.info["rm_token"]

    def call(self, fn: Callable[..., Any], *args: Any) -> Any:
        """``fn(emu, *args)`` run in the server's loop; ``fn`` must be a module-level function
        (it is pickled by name) and its result picklable."""
        self._conn.send((fn, args))
        status, value = self._conn.recv()
        if status == "error":
            raise ServerError(f"{getattr(fn, '__name__', fn)} failed in the server:\n{value}")
        return value


class BodyServer(ServerProcess):
    """A server in its own process that answers every GET with one fixed body (a file)."""

    def __init__(self, path: Path) -> None:
        super().__init__(_serve_body, str(path))

    def __enter__(self) -> BodyServer:
        super().__enter__()
        return self

    @property
    def url(self) -> str:
        return self.info["url"]
