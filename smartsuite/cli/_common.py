"""What every command shares: the console, connecting (embedded emulator or a real service),
machine output, error handling and exit codes."""

from __future__ import annotations

import asyncio
import contextlib
import json
import sys
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from .._core.errors import ConfigurationError, SmartsuiteError
from ..emulator import Emulator

T = TypeVar("T")

#: Progress bars and messages go to stderr, so ``--json`` output on stdout stays parseable.
err_console = Console(stderr=True)
out_console = Console()

EmulatorOpt = Annotated[
    bool,
    typer.Option(
        "--emulator", help="Start an embedded emulator and run against it (no credentials)."
    ),
]
BaseUrlOpt = Annotated[
    str | None,
    typer.Option("--base-url", help="API root to use instead of the region's (any server)."),
]
RegionOpt = Annotated[str, typer.Option("--region", help="Service region: us, eu, gov or au.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON on stdout.")]
DryRunOpt = Annotated[
    bool, typer.Option("--dry-run", help="Read and compare, show what would change, write nothing.")
]
FailuresOpt = Annotated[
    str | None,
    typer.Option(
        "--failures", help="Write every failed row with its error to this file (.csv or .jsonl)."
    ),
]
CheckpointOpt = Annotated[
    str | None,
    typer.Option(
        "--checkpoint",
        help="JSON checkpoint written after each batch; rerun with it to resume after a crash.",
    ),
]


@contextlib.asynccontextmanager
async def maybe_emulator(enabled: bool) -> AsyncIterator[Emulator | None]:
    """An embedded emulator for the duration of a command, when ``--emulator`` is given."""
    if not enabled:
        yield None
        return
    async with Emulator() as emu:
        yield emu


def run(coro_fn: Callable[[], Coroutine[Any, Any, int]]) -> None:
    """Run a command's coroutine; map smartsuite errors to a message and an exit code.

    Exit codes: 0 success, 1 failed rows or a failed job, 2 bad input or configuration.
    """
    try:
        code = asyncio.run(coro_fn())
    except ConfigurationError as exc:
        err_console.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
        raise typer.Exit(2) from None
    except SmartsuiteError as exc:
        err_console.print(
            f"[red]error:[/red] {type(exc).__name__}: {escape(str(exc))}", highlight=False
        )
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        err_console.print("[yellow]interrupted[/yellow]")
        raise typer.Exit(130) from None
    if code:
        raise typer.Exit(code)


def print_json(data: Any) -> None:
    """Machine output: one JSON document on stdout."""
    sys.stdout.write(json.dumps(data, default=str, indent=2) + "\n")
    sys.stdout.flush()


def parse_sheet_ref(ref: str) -> int | str:
    """A sheet given on the command line: its numeric id, or its name."""
    return int(ref) if ref.isdigit() else ref
