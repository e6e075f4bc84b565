"""``smartsuite demo`` with a small number of rows."""

from __future__ import annotations

from typer.testing import CliRunner

from smartsuite.cli.app import build_app


def test_demo_small_run_succeeds() -> None:
    result = CliRunner().invoke(build_app(), ["demo", "--rows", "300"])
    assert result.exit_code == 0, result.output
    assert "Smartsheet" in result.output
    assert "300" in result.output
