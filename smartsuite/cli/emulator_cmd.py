"""``smartsuite emulator``: run the emulator for your own integration tests."""

from __future__ import annotations

import asyncio
import sys
from typing import Annotated

import typer

from ..emulator import Emulator, FaultConfig


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
) -> None:
    """Run the Smartsheet, Resource Management and AppSheet emulator until Ctrl-C."""
    if latency_ms < 0:
        raise typer.BadParameter("must be >= 0", param_hint="--latency-ms")
    rate = parse_rate(rate_limit)
    try:
        mix = FaultConfig.parse(faults or "")
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--faults") from None
    emu = Emulator(host=host, port=port)
    for service in emu.services:
        service.faults = FaultConfig(
            latency=latency_ms / 1000,
            rate_limit=rate,
            burst=max(1, int(rate or 1)),
            mix=dict(mix),
            writes_only=writes_only,
            seed=seed,
        )

    async def serve() -> None:
        await emu.start()
        lines = [
            f"smartsuite emulator on {emu.url}",
            f"  Smartsheet           {emu.smartsheet_url}  token {emu.smartsheet_token}",
            f"  Resource Management  {emu.rm_url}  token {emu.rm_token}",
            f"  AppSheet             {emu.appsheet_url}  app {emu.appsheet_app_id}"
            f"  key {emu.appsheet_access_key}",
            f"  latency {latency_ms:g} ms, rate limit {rate or 'none'}/s, "
            f"faults {faults or 'none'}",
            "Ctrl-C to stop.",
        ]
        sys.stdout.write("\n".join(lines) + "\n")
        sys.stdout.flush()
        try:
            await asyncio.Event().wait()
        finally:
            await emu.close()

    try:
        asyncio.run(serve())
    except KeyboardInterrupt:
        sys.stdout.write("emulator stopped\n")
