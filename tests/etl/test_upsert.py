"""Upsert into a sheet: add, update (changed cells only), unchanged, duplicates, failures."""

from __future__ import annotations

import pytest

from smartsuite._core.errors import ConfigurationError, LimitExceededError
from smartsuite.emulator import Emulator
from smartsuite.etl import (
    DuplicateKeyError,
    RecordStatus,
    UpsertFailedError,
    run_many,
)
from smartsuite.smartsheet import SmartsheetClient

from .conftest import make_sheet, people, sheet_keys


def writes(emu: Emulator, method: str) -> list[object]:
    return [e.json() for e in emu.smartsheet.log if e.method == method and e.path.endswith("/rows")]


async def test_first_upsert_adds_every_record(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    sheet_id = await make_sheet(ss)
    result = await ss.rows.upsert(sheet_id, people(1234), key="Employee ID")
    assert result.ok and result.counts()["added"] == 1234
    assert result.write_requests == 3  # 500 + 500 + 234
    assert [len(b) for b in writes(smartsuite_emulator, "POST")] == [500, 500, 234]  # type: ignore[arg-type]
    ids = [r.id for r in result]
    assert len(set(ids)) == 1234 and all(isinstance(i, int) for i in ids)
    emu_rows = smartsuite_emulator.smartsheet.state.sheets[sheet_id].rows
    assert [r["id"] for r in emu_rows] == ids  # added in input order, ids per record
    assert sheet_keys(smartsuite_emulator, sheet_id) == [f"E{i:05d}" for i in range(1234)]


async def test_second_upsert_sends_only_changed_cells(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    sheet_id = await make_sheet(ss)
    first = await ss.rows.upsert(sheet_id, people(5), key="Employee ID")
    smartsuite_emulator.smartsheet.log.clear()
    records = people(5)
    records[1]["Team"] = "Sales"  # one changed cell
    records[3]["Salary"] = ""  # cleared
    records.append({"Employee ID": "E00099", "Name": "New", "Team": "Ops", "Salary": "1"})
    records.append({"Employee ID": "E00001", "Name": "Again", "Team": "X", "Salary": "2"})
    records.append({"Name": "No key"})
    result = await ss.rows.upsert(sheet_id, records, key="Employee ID")

    statuses = [r.status for r in result]
    assert statuses == [
        RecordStatus.UNCHANGED,
        RecordStatus.UPDATED,
        RecordStatus.UNCHANGED,
        RecordStatus.UPDATED,
        RecordStatus.UNCHANGED,
        RecordStatus.ADDED,
        RecordStatus.DUPLICATE,
        RecordStatus.FAILED,
    ]
    assert result[1].changed == ("Team",) and result[1].id == first[1].id
    assert result[3].changed == ("Salary",)
    assert result[6].duplicate_of == 1 and isinstance(result[6].error, DuplicateKeyError)
    assert isinstance(result[7].error, ConfigurationError)
    assert not result.ok and {r.index for r in result.problems} == {6, 7}
    puts = writes(smartsuite_emulator, "PUT")
    assert len(puts) == 1
    sent = {row["id"]: row["cells"] for row in puts[0]}  # type: ignore[attr-defined]
    assert sent == {
        first[1].id: [{"columnId": sent[first[1].id][0]["columnId"], "value": "Sales"}],
        first[3].id: [{"columnId": sent[first[3].id][0]["columnId"], "value": ""}],
    }
    posts = writes(smartsuite_emulator, "POST")
    assert len(posts) == 1 and len(posts[0]) == 1  # type: ignore[arg-type]
    assert sheet_keys(smartsuite_emulator, sheet_id).count("E00001") == 1
    # the read was one GET with only the columns in play
    gets = [e for e in smartsuite_emulator.smartsheet.log if e.method == "GET"]
    assert sum("columnIds" in e.query for e in gets) == 1
    with pytest.raises(UpsertFailedError, match="1 duplicate"):
        result.raise_for_failures()


async def test_failed_rows_are_reported_and_others_land(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    sheet_id = await make_sheet(ss)
    records = people(4)
    records[1]["Name"] = {"not": "a cell value"}  # the service refuses this row
    records[2]["Name"] = "x" * 4001  # refused locally, never sent
    result = await ss.rows.upsert(sheet_id, records, key="Employee ID")
    assert [r.status for r in result] == [
        RecordStatus.ADDED,
        RecordStatus.FAILED,
        RecordStatus.FAILED,
        RecordStatus.ADDED,
    ]
    assert "1038" in str(result[1].error) or "Invalid" in str(result[1].error)
    assert isinstance(result[2].error, LimitExceededError)
    assert sheet_keys(smartsuite_emulator, sheet_id) == ["E00000", "E00003"]
    assert result.counts() == {
        "added": 2,
        "updated": 0,
        "unchanged": 0,
        "failed": 2,
        "duplicate": 0,
    }


async def test_unknown_column_is_refused_before_any_write(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    sheet_id = await make_sheet(ss)
    with pytest.raises(ConfigurationError, match="no column 'Salry'"):
        await ss.rows.upsert(sheet_id, [{"Employee ID": "E1", "Salry": 1}], key="Employee ID")
    with pytest.raises(ConfigurationError, match="no column 'ID'"):
        await ss.rows.upsert(sheet_id, [{"Employee ID": "E1"}], key="ID")
    assert writes(smartsuite_emulator, "POST") == []


async def test_dry_run_reads_but_writes_nothing(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    sheet_id = await make_sheet(ss)
    await ss.rows.upsert(sheet_id, people(3), key="Employee ID")
    smartsuite_emulator.smartsheet.log.clear()
    records = people(4)
    records[0]["Team"] = "Sales"
    result = await ss.rows.upsert(sheet_id, records, key="Employee ID", dry_run=True)
    assert result.dry_run
    assert [r.status.value for r in result] == ["updated", "unchanged", "unchanged", "added"]
    assert result[0].changed == ("Team",)
    assert all(e.method == "GET" for e in smartsuite_emulator.smartsheet.log)


async def test_composite_key(ss: SmartsheetClient, smartsuite_emulator: Emulator) -> None:
    sheet_id = await make_sheet(ss)
    records = [
        {"Employee ID": "E1", "Team": "Ops", "Name": "a"},
        {"Employee ID": "E1", "Team": "Dev", "Name": "b"},
    ]
    first = await ss.rows.upsert(sheet_id, records, key=("Employee ID", "Team"))
    assert first.counts()["added"] == 2
    records[1]["Name"] = "c"
    second = await ss.rows.upsert(sheet_id, records, key=("Employee ID", "Team"))
    assert [r.status.value for r in second] == ["unchanged", "updated"]
    assert second[1].key == ("E1", "Dev")


async def test_many_sheets_at_once_share_the_token_and_never_overlap_writes(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    sheet_ids = [await make_sheet(ss, f"S{i}") for i in range(3)]
    results = await run_many(
        ss.rows.upsert(sid, people(1100), key="Employee ID") for sid in sheet_ids
    )
    assert all(r.ok and r.counts()["added"] == 1100 for r in results)
    assert smartsuite_emulator.smartsheet.overlapping_writes == 0
    for sid in sheet_ids:
        assert len(sheet_keys(smartsuite_emulator, sid)) == 1100
    limited = await run_many(
        (ss.rows.upsert(sid, people(3), key="Employee ID") for sid in sheet_ids), concurrency=2
    )
    assert [r.counts()["unchanged"] for r in limited] == [3, 3, 3]
    with pytest.raises(ConfigurationError):
        await run_many([], concurrency=0)
