"""The ``smartsuite`` Typer application: one sub-command module per area."""

from __future__ import annotations

from typing import Annotated

import typer

from .._version import __version__
from ._common import VerboseOpt, reset_state
from ._errors import EPILOG
from ._help import CliCommand, CliGroup, one_paragraph


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"smartsuite {__version__}")
        raise typer.Exit(0)


def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
    verbose: VerboseOpt = False,
    retries: Annotated[
        int,
        typer.Option(
            "--retries",
            min=0,
            max=20,
            envvar="SMARTSUITE_RETRIES",
            help="Retries of a failed request (connect errors, 429, 5xx) before giving up.",
        ),
    ] = 3,
) -> None:
    """Smartsheet, Resource Management and AppSheet from the shell, and an emulator."""
    reset_state(verbose=verbose, retries=retries)


def build_app() -> typer.Typer:
    """Assemble the command tree (imported lazily by :func:`smartsuite.cli.main`)."""
    from . import appsheet_cmd, reports_cmd, rm_cmd, sheets_cmd, workspaces_cmd
    from .demo import demo
    from .emulator_cmd import emulator

    app = typer.Typer(
        name="smartsuite",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        cls=CliGroup,
        epilog=EPILOG,
    )
    app.callback(help=one_paragraph(_root.__doc__), epilog=EPILOG)(_root)
    for name, fn in (("demo", demo), ("emulator", emulator)):
        app.command(name, cls=CliCommand, help=one_paragraph(fn.__doc__), epilog=EPILOG)(fn)
    app.add_typer(sheets_cmd.app, name="sheets")
    app.add_typer(reports_cmd.app, name="reports")
    app.add_typer(workspaces_cmd.app, name="workspaces")
    app.add_typer(rm_cmd.app, name="rm")
    app.add_typer(appsheet_cmd.app, name="appsheet")
    return app
