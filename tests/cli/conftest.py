"""Every CLI test gets its own background-emulator state file, and any background emulator a
test started is stopped (and checked gone) when the test ends."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from smartsuite.cli import _persistent


@pytest.fixture(autouse=True)
def emulator_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "state" / "emulator.json"
    monkeypatch.setenv("SMARTSUITE_EMULATOR_STATE", str(path))
    monkeypatch.setenv("SMARTSUITE_EMULATOR_IDLE", "120")  # a backstop if teardown is skipped
    for name in ("SMARTSUITE_BASE_URL", "SMARTSUITE_REGION", "SMARTSUITE_RETRIES"):
        monkeypatch.delenv(name, raising=False)
    yield path
    running = _persistent.stop()
    assert not path.exists()
    if running is not None:
        assert not _persistent._alive(running.pid)
