"""``smartsuite demo`` with a small number of rows (the full run is the README's first command)."""

from __future__ import annotations

from typer.testing import CliRunner

from smartsuite.cli.app import build_app
from smartsuite.cli.demo import generate


def test_demo_small_run_succeeds() -> None:
    result = CliRunner().invoke(build_app(), ["demo", "--rows", "600"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "upsert (all new)" in out and "upsert (30 changed)" in out
    assert "export to CSV + verify" in out
    assert "AppSheet add + find" in out
    assert "RM time-entry export" in out


def test_generated_data_is_deterministic() -> None:
    assert generate(50, 1) == generate(50, 1)
    assert len({r["Employee ID"] for r in generate(500, 2)}) == 500
