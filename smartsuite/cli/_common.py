"""What every command shares: the consoles, shared options, running a command's coroutine
(request log, errors, exit codes) and machine output."""

from __future__ import annotations

import asyncio
import json
import shlex
import sys
from collections.abc import AsyncIterable, Awaitable, Callable, Coroutine
from typing import Annotated, Any

import attrs
import typer
from rich.console import Console
from rich.table import Table

from .._core.errors import ConfigurationError, SmartsuiteError
from ._clickapi import Context, TyperArgument, TyperOption, get_current_context
from ._diagnostics import CliLogHandler, Redactor, request_log
from ._errors import ExitCode, error_json, error_message, exit_code_for

#: Progress bars and messages go to stderr, so ``--json`` output on stdout stays parseable.
err_console = Console(stderr=True)
out_console = Console()

#: Width used when a stream is not a terminal: lines are never wrapped for a log or a pipe.
UNWRAPPED = 10_000

#: Options never repeated in a printed command line.
SECRET_PARAMS = frozenset({"token", "access_key"})


@attrs.define
class CliState:
    """Settings of the running invocation (reset by the root command for each one)."""

    verbose: bool = False
    retries: int = 3
    base_url: str | None = None  # the server the command talks to (for messages)
    resume_hint: str | None = None  # printed after Ctrl-C
    redact: Redactor = attrs.field(factory=Redactor)


state = CliState()


def reset_state(*, verbose: bool = False, retries: int = 3) -> None:
    """Start an invocation: fresh settings, and consoles fitted to where they write."""
    state.verbose, state.retries = verbose, retries
    state.base_url = state.resume_hint = None
    state.redact.clear()
    for console, stream in ((err_console, sys.stderr), (out_console, sys.stdout)):
        isatty = getattr(stream, "isatty", None)
        if not (callable(isatty) and isatty()):
            console.width = UNWRAPPED


VerboseOpt = Annotated[
    bool,
    typer.Option("-v", "--verbose", help="Show the request log on stderr (never a secret)."),
]
EmulatorOpt = Annotated[
    bool,
    typer.Option(
        "--emulator",
        help="Run against the local background emulator, started if absent (state is kept "
        "between commands; stop it with: smartsuite emulator --stop).",
    ),
]
JsonOpt = Annotated[
    bool, typer.Option("--json", help="Print machine-readable JSON on stdout (errors too).")
]
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
        help="JSON checkpoint written after each batch; rerun the same command to resume.",
    ),
]


def print_json(data: Any) -> None:
    """Machine output: one JSON document on stdout."""
    sys.stdout.write(json.dumps(data, default=str, indent=2) + "\n")
    sys.stdout.flush()


async def resolve_id(
    ref: str,
    listing: Callable[[], AsyncIterable[Any]],
    what: str,
    give: str,
    *,
    create: Callable[[], Awaitable[int]] | None = None,
    hint: str = "",
) -> int:
    """The id given as ``ref`` (all digits), else the id of the one item ``listing()`` yields
    named ``ref``; when none is, the id ``create()`` returns (``what`` names the kind of item
    in messages, ``give`` tells what to do when several share the name, ``hint`` follows the
    message when none has it).

    Raises:
        ConfigurationError: no item (and no ``create``), or several, have that name.
    """
    if ref.isdigit():
        return int(ref)
    found = [item.id async for item in listing() if item.name == ref and item.id is not None]
    if len(found) > 1:
        raise ConfigurationError(f"{len(found)} {what}s are named {ref!r}; {give}")
    if found:
        return int(found[0])
    if create is not None:
        return await create()
    raise ConfigurationError(f"no {what} named {ref!r}{hint}")


def print_listing(rows: list[dict[str, Any]], columns: dict[str, str], *, as_json: bool) -> int:
    """A list command's output: ``rows`` as JSON with ``--json``, else a table of ``columns``
    (heading: key of the row; an empty, None or unset value shows as empty)."""
    if as_json:
        print_json(rows)
        return 0
    table = Table(*columns)
    for row in rows:
        table.add_row(*(str(row[k] or "") for k in columns.values()))
    out_console.print(table)
    return 0


def say(text: str, *, error: bool = True, style: str | None = None) -> None:
    """One line for the user (stderr by default), secrets redacted, no markup interpreted."""
    console = err_console if error else out_console
    console.print(state.redact(text), style=style, markup=False, highlight=False, soft_wrap=True)


def command_line(ctx: Context) -> str:
    """The command being run, rebuilt from its parsed parameters, without secrets."""
    parts = ctx.command_path.split()
    for param in ctx.command.params:
        value = ctx.params.get(param.name or "")
        if isinstance(param, TyperArgument):
            parts.append(str(value))
            continue
        if not isinstance(param, TyperOption) or param.name in SECRET_PARAMS:
            continue
        if value is None or value == param.default or param.hidden:
            continue
        flag = max(param.opts, key=len)
        if param.is_flag:
            if value:
                parts.append(flag)
            elif param.secondary_opts:
                parts.append(max(param.secondary_opts, key=len))
        else:
            parts += [flag, str(value)]
    return shlex.join(parts)


def remember_resume(checkpoint: str | None) -> None:
    """After Ctrl-C, tell how to resume from ``checkpoint`` (when one is used)."""
    if checkpoint is None:
        return
    ctx = get_current_context(silent=True)
    again = command_line(ctx) if ctx is not None else "the same command"
    state.resume_hint = f"progress is saved in {checkpoint}; to resume, run: {again}"


def run(
    coro_fn: Callable[[], Coroutine[Any, Any, int]], *, as_json: bool = False, verbose: bool = False
) -> None:
    """Run a command's coroutine with the request log attached; map errors to a message (JSON
    on stdout under ``--json``) and an exit code (see :class:`ExitCode`)."""
    state.verbose = state.verbose or verbose
    handler = CliLogHandler(
        err_console,
        verbose=state.verbose,
        retries=state.retries,
        redact=state.redact,
        base_url=lambda: state.base_url,
    )
    try:
        with request_log(handler):
            code = asyncio.run(coro_fn())
    except KeyboardInterrupt:
        say("interrupted", style="yellow")
        if state.resume_hint:
            say(state.resume_hint)
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except SmartsuiteError as exc:
        fail(exc, as_json=as_json)
    if code:
        raise typer.Exit(code)


def fail(exc: BaseException, *, as_json: bool) -> None:
    """Report ``exc`` and exit with its code."""
    if as_json:
        sys.stdout.write(state.redact(json.dumps(error_json(exc, state.base_url), default=str)))
        sys.stdout.write("\n")
    else:
        say(f"error: {error_message(exc, state.base_url)}", style="red")
    raise typer.Exit(exit_code_for(exc)) from None
