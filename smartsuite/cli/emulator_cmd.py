"""``smartsuite emulator``: run the emulator for your own integration tests, in the foreground
or in the background (the one ``--emulator`` uses)."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import os
import signal
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated

import typer
from aiohttp import web

from ..emulator import Emulator, FaultConfig
from . import _persistent
from ._common import err_console, print_json
from ._errors import ExitCode

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def parse_rate(text: str | None) -> float | None:
    """``10``, ``10/s`` or ``600/min`` as requests per second; None for unlimited.

    Raises:
        typer.BadParameter: not a positive rate.
    """
    if text is None or text.strip() == "":
        return None
    value, _, unit = text.strip().partition("/")
    per = {"": 1.0, "s": 1.0, "sec": 1.0, "m": 60.0, "min": 60.0}.get(unit.strip().lower())
    try:
        rate = float(value)
    except ValueError:
        rate = -1.0
    if per is None or rate <= 0:
        raise typer.BadParameter(f"{text!r} is not a rate; use for example 10, 10/s or 300/min")
    return rate / per


class _TrackedEmulator(Emulator):
    """An emulator that remembers when it last served a request (for ``--idle-timeout``)."""

    last_request = time.monotonic()

    def build_app(self) -> web.Application:
        app = super().build_app()

        @web.middleware
        async def touch(request: web.Request, handler: Handler) -> web.StreamResponse:
            self.last_request = time.monotonic()
            return await handler(request)

        app.middlewares.append(touch)
        return app


def _describe(running: _persistent.Running) -> str:
    return f"smartsuite emulator on {running.url} (pid {running.pid})"


def _manage(stop: bool, status: bool, as_json: bool) -> None:
    """``--stop`` and ``--status``: act on the background emulator."""
    running = _persistent.stop() if stop else _persistent.find()
    if as_json:
        print_json(
            {"running": running is not None and not stop, **(running.to_json() if running else {})}
        )
    elif running is None:
        sys.stdout.write("no background emulator is running\n")
    else:
        sys.stdout.write(("stopped " if stop else "") + _describe(running) + "\n")
    if status and running is None:
        raise typer.Exit(1)


def emulator(
    port: Annotated[int, typer.Option("--port", help="TCP port (0 picks a free one).")] = 8080,
    host: Annotated[str, typer.Option("--host", help="Interface to bind.")] = "127.0.0.1",
    latency_ms: Annotated[
        float, typer.Option("--latency-ms", help="Latency added to every request, in ms.")
    ] = 0.0,
    rate_limit: Annotated[
        str | None,
        typer.Option(
            "--rate-limit", help="Requests per second per token (10, 10/s, 300/min); 429 beyond."
        ),
    ] = None,
    faults: Annotated[
        str | None,
        typer.Option(
            "--faults",
            help="Random fault mix, e.g. 429=0.03,500=0.02,drop_after=0.01,truncated=0.01.",
        ),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the random fault mix.")] = 0,
    writes_only: Annotated[
        bool, typer.Option("--writes-only", help="Apply the fault mix to writes only.")
    ] = False,
    idle_timeout: Annotated[
        float | None,
        typer.Option(
            "--idle-timeout", min=0.1, help="Stop after this many seconds without a request."
        ),
    ] = None,
    background: Annotated[
        bool,
        typer.Option(
            "--background",
            help="Start the background emulator that --emulator uses (if not running) and return.",
        ),
    ] = False,
    stop: Annotated[
        bool, typer.Option("--stop", help="Stop the background emulator that --emulator uses.")
    ] = False,
    status: Annotated[
        bool,
        typer.Option("--status", help="Say whether the background emulator runs (exit 1 if not)."),
    ] = False,
    state_file: Annotated[str | None, typer.Option("--state-file", hidden=True)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")] = False,
) -> None:
    """Run the Smartsheet, Resource Management and AppSheet emulator until Ctrl-C; or manage the
    background emulator that --emulator starts (--background, --status, --stop)."""
    if stop or status:
        _manage(stop, status, as_json)
        return
    if background:
        running, started = _persistent.ensure()
        if as_json:
            print_json({"running": True, "started": started, **running.to_json()})
        else:
            verb = "started" if started else "already running:"
            sys.stdout.write(
                f"{verb} {_describe(running)}; stop it with: smartsuite emulator --stop\n"
            )
        return
    if latency_ms < 0:
        raise typer.BadParameter("must be >= 0", param_hint="--latency-ms")
    rate = parse_rate(rate_limit)
    try:
        mix = FaultConfig.parse(faults or "")
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--faults") from None
    emu = _TrackedEmulator(host=host, port=port)
    for service in emu.services:
        service.faults = FaultConfig(
            latency=latency_ms / 1000,
            rate_limit=rate,
            burst=max(1, int(rate or 1)),
            mix=dict(mix),
            writes_only=writes_only,
            seed=seed,
        )
    code = _serve(
        emu, idle_timeout, Path(state_file) if state_file else None, latency_ms, rate, faults
    )
    if code:
        raise typer.Exit(code)


def _serve(
    emu: _TrackedEmulator,
    idle_timeout: float | None,
    state_file: Path | None,
    latency_ms: float,
    rate: float | None,
    faults: str | None,
) -> int:
    async def serve() -> None:
        await emu.start()
        done = asyncio.Event()
        loop = asyncio.get_running_loop()
        if sys.platform != "win32":  # asyncio has no signal handlers on Windows
            loop.add_signal_handler(signal.SIGTERM, done.set)
        lines = [
            f"smartsuite emulator on {emu.url}",
            f"  Smartsheet           {emu.smartsheet_url}  token {emu.smartsheet_token}",
            f"  Resource Management  {emu.rm_url}  token {emu.rm_token}",
            f"  AppSheet             {emu.appsheet_url}  app {emu.appsheet_app_id}"
            f"  key {emu.appsheet_access_key}",
            f"  latency {latency_ms:g} ms, rate limit {rate or 'none'}/s, "
            f"faults {faults or 'none'}",
            "Ctrl-C to stop." if state_file is None else "smartsuite emulator --stop to stop.",
        ]
        sys.stdout.write("\n".join(lines) + "\n")
        sys.stdout.flush()
        if state_file is not None:
            _persistent.write_state(state_file, _running(emu))
        try:
            emu.last_request = time.monotonic()
            while not done.is_set():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(done.wait(), timeout=1.0)
                if idle_timeout and time.monotonic() - emu.last_request > idle_timeout:
                    sys.stdout.write(f"no request for {idle_timeout:g} s: stopping\n")
                    break
        finally:
            if state_file is not None:
                _persistent.remove_state(state_file, os.getpid())
            await emu.close()

    try:
        asyncio.run(serve())
    except OSError as exc:
        if exc.errno in (errno.EADDRINUSE, errno.EACCES, errno.EADDRNOTAVAIL):
            reason = "already in use" if exc.errno == errno.EADDRINUSE else exc.strerror
            err_console.print(
                f"error: cannot listen on {emu.host}:{emu.port}: {reason}; choose another --port "
                "(0 picks a free one)",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
            return ExitCode.BAD_INPUT
        raise
    except KeyboardInterrupt:
        sys.stdout.write("emulator stopped\n")
    return 0


def _running(emu: Emulator) -> _persistent.Running:
    return _persistent.Running(
        pid=os.getpid(),
        url=emu.url,
        smartsheet_url=emu.smartsheet_url,
        smartsheet_token=emu.smartsheet_token,
        rm_url=emu.rm_url,
        rm_token=emu.rm_token,
        appsheet_url=emu.appsheet_url,
        appsheet_app_id=emu.appsheet_app_id,
        appsheet_access_key=emu.appsheet_access_key,
    )
