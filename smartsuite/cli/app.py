"""The ``smartsuite`` Typer application: one sub-command module per area."""

from __future__ import annotations

import typer


def build_app() -> typer.Typer:
    """Assemble the command tree (imported lazily by :func:`smartsuite.cli.main`)."""
    from . import appsheet_cmd, reports_cmd, rm_cmd, sheets_cmd
    from .demo import demo
    from .emulator_cmd import emulator

    app = typer.Typer(
        name="smartsuite",
        help="Smartsheet, Resource Management and AppSheet from the shell, and an emulator.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    app.command("demo")(demo)
    app.command("emulator")(emulator)
    app.add_typer(sheets_cmd.app, name="sheets")
    app.add_typer(reports_cmd.app, name="reports")
    app.add_typer(rm_cmd.app, name="rm")
    app.add_typer(appsheet_cmd.app, name="appsheet")
    return app
