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
    assert "rate-limit wait s" in out  # each step's own wait, in the summary table
    assert " 0/0 " not in result.stderr  # a new sheet has nothing to read: no empty bar
    verified = next(x for x in out.splitlines() if x.startswith("verified: "))
    assert "600 rows added" in verified and "the exported CSV matches the source" in verified
    assert "try next" in out and "--emulator" in out


def test_generated_data_is_deterministic() -> None:
    assert generate(50, 1) == generate(50, 1)
    assert len({r["Employee ID"] for r in generate(500, 2)}) == 500


def test_progress_skips_empty_phases_and_shows_each_phase_own_wait() -> None:
    from smartsuite._core.config import RateLimitConfig
    from smartsuite._core.ratelimit import LocalRateLimit
    from smartsuite.cli._output import JobProgress, MeasuredLimiter
    from smartsuite.etl import ProgressEvent

    limiter = MeasuredLimiter(LocalRateLimit(RateLimitConfig()))
    limiter.waited = 2.0  # waited during an earlier step
    progress = JobProgress(False, limiter)
    progress(ProgressEvent("read", 0, 0))
    assert progress.tasks == {}  # the empty `read 0/0` bar is not shown
    progress(ProgressEvent("add", 10, 100))
    limiter.waited = 2.5
    progress(ProgressEvent("add", 20, 100))
    task = progress.progress.tasks[0]
    assert task.fields["wait"] == "0.5s"
