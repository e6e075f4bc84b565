"""Fast soaks: the issue's fault mix at small sizes, every record accounted for.

The long versions print their figures: ``python -m tests.soak.run`` (see the README's
reliability section).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from smartsuite.emulator import Emulator, Fault
from smartsuite.etl import RecordStatus, UpsertResult
from tests.soak.appsheet import soak_appsheet
from tests.soak.harness import SOAK_MIX, SoakReport, Verification, verify
from tests.soak.resource_management import soak_time_entries
from tests.soak.sheets import soak_sheets


def assert_clean(report: SoakReport) -> None:
    v = report.verification
    text = "\n".join(report.lines())
    assert not v.lost, text
    assert not v.duplicates, text
    assert not v.wrong_values, text
    assert not (v.misreported or v.unexpected), text
    assert v.present_once + v.reported_failed == v.rows, text
    assert v.clean


#: Lost answers certain to happen whatever the random draw: a write applied then dropped, one
#: applied with a truncated answer, one dropped before it was applied.
LOST_ANSWERS = ((Fault.DROP_AFTER, 2), (Fault.TRUNCATED, 3), (Fault.DROP_BEFORE, 3))


async def test_sheets_5000_rows_under_the_fault_mix(
    smartsuite_emulator: Emulator, tmp_path: Path
) -> None:
    report = await soak_sheets(
        smartsuite_emulator,
        tmp_path,
        rows=5000,
        sheets=10,
        mix=SOAK_MIX,
        spike_seconds=0.02,
        batch_size=50,
        scripted=LOST_ANSWERS,
    )
    assert_clean(report)
    assert report.verification.rows == 5000
    assert report.injected["drop_after"] >= 1 and report.injected["truncated"] >= 1
    assert report.unknown_outcomes >= 3 and report.reconciled >= 150
    assert sum(report.retries.values()) >= 1
    # every request the client counted reached the emulator (no hidden re-sends)
    assert report.served == report.attempts


async def test_appsheet_2000_rows_under_the_fault_mix(
    smartsuite_emulator: Emulator, tmp_path: Path
) -> None:
    emu = smartsuite_emulator
    report = await soak_appsheet(
        emu, tmp_path, rows=2000, tables=4, mix=SOAK_MIX, spike_seconds=0.02, batch_size=25
    )
    assert_clean(report)
    assert report.verification.rows == 2000
    assert sum(report.injected.values()) >= 1


async def test_rm_time_entries_under_the_fault_mix(
    smartsuite_emulator: Emulator, tmp_path: Path
) -> None:
    report = await soak_time_entries(
        smartsuite_emulator,
        tmp_path,
        rows=150,
        users=5,
        projects=3,
        mix=SOAK_MIX,
        spike_seconds=0.02,
    )
    assert_clean(report)
    assert report.verification.rows == 150
    assert sum(report.injected.values()) >= 1


@pytest.mark.slow
async def test_sheets_100000_rows_soak(smartsuite_emulator: Emulator, tmp_path: Path) -> None:
    report = await soak_sheets(
        smartsuite_emulator, tmp_path, rows=100_000, sheets=10, mix=SOAK_MIX, batch_size=100
    )
    print("\n".join(report.lines()))
    assert_clean(report)


def test_verification_catches_every_kind_of_mistake() -> None:
    from smartsuite._core.errors import ServerError
    from smartsuite.etl import RecordResult

    inputs = [{"K": f"k{i}", "V": str(i)} for i in range(6)]
    err = ServerError("boom", status=500, method="POST", path="/x", code=4000)
    result = UpsertResult(
        [
            RecordResult(0, ("k0",), RecordStatus.ADDED),
            RecordResult(1, ("k1",), RecordStatus.ADDED),
            RecordResult(2, ("k2",), RecordStatus.ADDED),
            RecordResult(3, ("k3",), RecordStatus.FAILED, error=err),
            RecordResult(4, ("k4",), RecordStatus.FAILED, error=err),
            RecordResult(5, ("k5",), RecordStatus.ADDED),
        ]
    )
    actual = [
        {"K": "k0", "V": "0"},  # right
        {"K": "k1", "V": "1"},
        {"K": "k1", "V": "1"},  # duplicate
        # k2 lost
        # k3 reported failed and absent: fine
        {"K": "k4", "V": "4"},  # reported failed, yet present
        {"K": "k5", "V": "wrong"},
        {"K": "stranger", "V": "?"},
    ]
    v: Verification = verify(inputs, "K", result, actual)
    assert v.present_once == 1 and v.reported_failed == 1
    assert v.duplicates == ["k1"] and v.lost == ["k2"] and v.misreported == ["k4"]
    assert v.wrong_values == ["k5"] and v.unexpected == ["stranger"]
    assert v.failures_by_error == {"ServerError 4000": 1}
    assert not v.clean
    # a failed update leaves the old row: that is accounted for, not misreported
    failed_update = UpsertResult([RecordResult(0, ("k4",), RecordStatus.FAILED, error=err)])
    before = {"k4": {"K": "k4", "V": "old"}}
    old = verify(inputs[4:5], "K", failed_update, [{"K": "k4", "V": "old"}], before=before)
    assert old.reported_failed == 1 and old.clean
    changed = verify(inputs[4:5], "K", failed_update, [{"K": "k4", "V": "4"}], before=before)
    assert changed.misreported == ["k4"]
