"""Exactly-once upserts under injected faults, and resuming from a checkpoint after a crash."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from smartsuite._core.bulk import BatchOutcome
from smartsuite._core.errors import ConfigurationError
from smartsuite.emulator import Emulator, Fault
from smartsuite.etl import ProgressEvent, RecordStatus, SheetTarget, upsert
from smartsuite.etl.records import Record
from smartsuite.smartsheet import SmartsheetClient

from .conftest import make_sheet, people, sheet_keys


@pytest.mark.parametrize(
    ("fault", "applied"),
    [
        (Fault.DROP_AFTER, True),
        (Fault.TRUNCATED, True),
        (Fault.DROP_BEFORE, False),
        (Fault.ERROR_4004, False),
    ],
)
async def test_adds_land_exactly_once_under_faults(
    ss: SmartsheetClient, smartsuite_emulator: Emulator, fault: Fault, applied: bool
) -> None:
    emu = smartsuite_emulator
    sheet_id = await make_sheet(ss)
    # the second batch of adds suffers the fault
    emu.smartsheet.faults.script(Fault.SPIKE, method="POST", path_contains="/rows")
    emu.smartsheet.faults.spike_seconds = 0.0
    emu.smartsheet.faults.script(fault, method="POST", path_contains="/rows")
    result = await ss.rows.upsert(sheet_id, people(1200), key="Employee ID")

    assert result.ok, result.summary()
    assert all(r.status is RecordStatus.ADDED for r in result)
    keys = sheet_keys(emu, sheet_id)
    assert sorted(keys) == [f"E{i:05d}" for i in range(1200)]  # each exactly once
    rows = emu.smartsheet.state.sheets[sheet_id].rows
    assert {r.id for r in result} == {row["id"] for row in rows}
    posts = [e for e in emu.smartsheet.log if e.method == "POST" and e.path.endswith("/rows")]
    # A generic 4004 on an add is an unknown outcome like a lost answer (it used to be re-sent
    # by the transport): the engine re-reads, and re-sends only what had not been applied.
    assert result.reconciled == 500 and result.read_requests == 2
    assert len(posts) == (3 if applied else 4)


@pytest.mark.parametrize("fault", [Fault.DROP_AFTER, Fault.TRUNCATED, Fault.DROP_BEFORE])
async def test_updates_land_exactly_once_under_faults(
    ss: SmartsheetClient, smartsuite_emulator: Emulator, fault: Fault
) -> None:
    emu = smartsuite_emulator
    sheet_id = await make_sheet(ss)
    await ss.rows.upsert(sheet_id, people(700), key="Employee ID")
    records = people(700)
    for r in records:
        r["Team"] = "Moved"
    emu.smartsheet.faults.script(fault, method="PUT", path_contains="/rows")
    result = await ss.rows.upsert(sheet_id, records, key="Employee ID")
    assert result.ok and [r.status for r in result] == [RecordStatus.UPDATED] * 700
    assert all(r.changed == ("Team",) for r in result)
    if fault is Fault.TRUNCATED:
        # applied, but the answer is unreadable: updating rows sets given values, so the
        # operation is declared idempotent and the transport sends it again (nothing unknown)
        assert result.reconciled == 0
        assert len([e for e in emu.smartsheet.log if e.method == "PUT"]) == 3
    # (aiohttp itself may re-send an idempotent PUT on a dropped keep-alive connection;
    # re-applying the same cell values is harmless, and either way every row is right)
    sheet = await ss.sheets.get(sheet_id)
    assert {rec["Team"] for rec in sheet.to_records()} == {"Moved"}
    assert len(sheet.rows or ()) == 700


class Crash(Exception):
    """Stands in for a killed process."""


class CrashingTarget(SheetTarget):
    """Applies the n-th add batch on the server, then 'crashes' before hearing the answer."""

    def __init__(self, ss: SmartsheetClient, sheet_id: int, crash_on: int) -> None:
        super().__init__(ss, sheet_id)
        self.calls = 0
        self.crash_on = crash_on

    async def add(self, records: Sequence[Record]) -> list[BatchOutcome[Any]]:
        self.calls += 1
        outcomes = await super().add(records)
        if self.calls == self.crash_on:
            raise Crash
        return outcomes


async def test_resume_after_crash_mid_batch_writes_no_duplicates(
    ss: SmartsheetClient, smartsuite_emulator: Emulator, tmp_path: Path
) -> None:
    emu = smartsuite_emulator
    sheet_id = await make_sheet(ss)
    checkpoint = tmp_path / "job.json"
    records = people(1300)
    with pytest.raises(Crash):
        await upsert(
            CrashingTarget(ss, sheet_id, crash_on=2),
            records,
            key="Employee ID",
            checkpoint=checkpoint,
        )
    saved = json.loads(checkpoint.read_text())
    states = saved["states"]
    assert states[:500] == "a" * 500  # settled
    assert states[500:1000] == "A" * 500  # sent, answer lost in the crash
    assert states[1000:] == "." * 300  # never sent
    assert len(sheet_keys(emu, sheet_id)) == 1000

    events: list[ProgressEvent] = []
    result = await ss.rows.upsert(
        sheet_id, records, key="Employee ID", checkpoint=checkpoint, on_progress=events.append
    )
    assert result.resumed and result.ok
    assert [r.status for r in result] == [RecordStatus.ADDED] * 1300
    assert all(isinstance(r.id, int) for r in result)
    assert sorted(sheet_keys(emu, sheet_id)) == [f"E{i:05d}" for i in range(1300)]
    assert result.write_requests == 1  # only the 300 never sent
    assert events[-1] == ProgressEvent("add", 300, 300)
    assert not checkpoint.exists()  # finished: removed


async def test_resume_after_interrupt_between_batches(
    ss: SmartsheetClient, smartsuite_emulator: Emulator, tmp_path: Path
) -> None:
    sheet_id = await make_sheet(ss)
    checkpoint = tmp_path / "job.json"
    records = people(1100)

    def stop_after_first(event: ProgressEvent) -> None:
        if event.phase == "add":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        await ss.rows.upsert(
            sheet_id,
            records,
            key="Employee ID",
            checkpoint=checkpoint,
            on_progress=stop_after_first,
        )
    assert json.loads(checkpoint.read_text())["states"].count("a") == 500
    result = await ss.rows.upsert(sheet_id, records, key="Employee ID", checkpoint=checkpoint)
    assert result.resumed and result.counts()["added"] == 1100
    assert sorted(sheet_keys(smartsuite_emulator, sheet_id)) == sorted(
        r["Employee ID"] for r in records
    )


async def test_checkpoint_of_another_job_is_refused(ss: SmartsheetClient, tmp_path: Path) -> None:
    sheet_id = await make_sheet(ss)
    checkpoint = tmp_path / "job.json"
    checkpoint.write_text(json.dumps({"version": 1, "job": "other", "states": ".", "errors": {}}))
    with pytest.raises(ConfigurationError, match="another job"):
        await ss.rows.upsert(sheet_id, people(1), key="Employee ID", checkpoint=checkpoint)
    checkpoint.write_text("not json")
    with pytest.raises(ConfigurationError, match="not a smartsuite checkpoint"):
        await ss.rows.upsert(sheet_id, people(1), key="Employee ID", checkpoint=checkpoint)


async def test_a_failed_reread_stops_the_job_but_accounts_for_every_record(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    from smartsuite._core.errors import OutcomeUnknownError, ServerError
    from smartsuite.etl import UpsertInterruptedError

    emu = smartsuite_emulator
    sheet_id = await make_sheet(ss)
    faults = emu.smartsheet.faults
    faults.script(Fault.DROP_AFTER, method="POST", path_contains="/rows", after=1)
    # the shape read and the first state read pass; the reconciliation re-read fails for good
    faults.script(Fault.SERVER_ERROR, method="GET", path_contains=f"/sheets/{sheet_id}", after=2)
    with pytest.raises(UpsertInterruptedError) as info:
        await ss.rows.upsert(sheet_id, people(1200), key="Employee ID")
    result = info.value.result
    assert isinstance(info.value.cause, ServerError)
    assert len(result) == 1200 and [r.index for r in result] == list(range(1200))
    landed = [r for r in result if r.status is RecordStatus.ADDED]
    unsettled = [r for r in result if r.status is RecordStatus.FAILED]
    assert len(landed) == 700 and len(unsettled) == 500  # the 2nd batch's answer was lost
    assert all(isinstance(r.error, OutcomeUnknownError) for r in unsettled)
    # running it again settles them, exactly once
    again = await ss.rows.upsert(sheet_id, people(1200), key="Employee ID")
    assert again.ok
    assert sorted(sheet_keys(emu, sheet_id)) == [p["Employee ID"] for p in people(1200)]
