"""Help and wording conventions: no ``<bool>`` types, no source line breaks, exit codes in the
epilog; and the emulator's one-line refusal of a busy port."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
import typer
from typer.testing import CliRunner

from smartsuite.cli.app import build_app
from smartsuite.cli.emulator_cmd import emulator

COMMANDS = [
    [], ["demo"], ["emulator"], ["sheets"], ["sheets", "list"], ["sheets", "export"],
    ["sheets", "upsert"], ["sheets", "download"],
    ["reports", "export"], ["reports", "download"], ["workspaces"], ["workspaces", "list"],
    ["workspaces", "tree"], ["rm", "export", "assignments"], ["rm", "upsert", "time-entries"],
    ["rm", "upsert", "assignments"], ["appsheet", "find"], ["appsheet", "upsert"],
]  # fmt: skip


def _walk(
    command: typer.core.TyperGroup | typer.core.TyperCommand,
) -> Iterator[typer.core.TyperCommand]:
    yield command  # type: ignore[misc]
    for sub in getattr(command, "commands", {}).values():
        yield from _walk(sub)


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "root")
def test_help_has_no_bool_metavars_and_lists_exit_codes(
    path: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import typer.rich_utils

    monkeypatch.setattr(typer.rich_utils, "MAX_WIDTH", 400)
    result = CliRunner().invoke(build_app(), [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "<bool>" not in result.output
    assert "3 authentication or permission; 4 network, server unavailable" in result.output


def test_help_texts_keep_no_docstring_line_breaks(monkeypatch: pytest.MonkeyPatch) -> None:
    import typer.rich_utils

    monkeypatch.setattr(typer.rich_utils, "MAX_WIDTH", 400)
    root = typer.main.get_command(build_app())
    for command in _walk(root):
        assert command.help and "\n" not in command.help, command.name
    # the multi-line docstring of `rm export assignments` reads as one sentence in the help
    result = CliRunner().invoke(build_app(), ["rm", "export", "assignments", "--help"])
    assert "phases and leave), page by page" in result.output


def test_a_busy_port_gets_one_clear_line() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        result = CliRunner().invoke(build_app(), ["emulator", "--port", str(port)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"error: cannot listen on 127.0.0.1:{port}: already in use; "
        "choose another --port (0 picks a free one)"
    )
    assert "Traceback" not in result.output


def test_an_idle_emulator_stops_by_itself() -> None:
    result = CliRunner().invoke(typer_app(), ["--port", "0", "--idle-timeout", "0.3"])
    assert result.exit_code == 0, result.output
    assert "smartsuite emulator on http://127.0.0.1:" in result.stdout
    assert "no request for 0.3 s: stopping" in result.stdout


def typer_app() -> typer.Typer:
    app = typer.Typer()
    app.command()(emulator)
    return app


def _readme_commands() -> list[list[str]]:
    import shlex
    from pathlib import Path

    readme = Path(__file__).resolve().parents[2] / "README.md"
    found, inside = [], False
    for line in readme.read_text().splitlines():
        if line.startswith("```"):
            inside = line == "```console"
        elif inside and line.startswith("$ smartsuite "):
            words = shlex.split(line[2:], comments=True)
            cut = [i for i, w in enumerate(words) if w in ("|", ">", "<")]
            found.append(words[1 : cut[0] if cut else None])
    return found


@pytest.mark.parametrize("args", _readme_commands(), ids=" ".join)
def test_readme_console_commands_exist_with_their_options(args: list[str]) -> None:
    """Every ``$ smartsuite ...`` line of the README's console blocks names a real command and
    real options (``--help`` is eager, but unknown options are refused while parsing)."""
    result = CliRunner().invoke(build_app(), [*args, "--help"])
    assert result.exit_code == 0, result.output
