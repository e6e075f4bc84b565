"""Streaming exports (sheet paging with prefetch), record files, and the AppSheet adapter."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartsuite._core.errors import ConfigurationError
from smartsuite.appsheet import AppSheetClient
from smartsuite.emulator import Emulator, Fault
from smartsuite.etl import (
    RecordStatus,
    read_records,
    stream_sheet,
    stream_table,
    upsert_table,
    write_records,
)
from smartsuite.smartsheet import SmartsheetClient

from .conftest import make_sheet, people


async def test_stream_sheet_pages_through_every_row(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    sheet_id = await make_sheet(ss)
    records = people(2500)
    await ss.rows.upsert(sheet_id, records, key="Employee ID")
    smartsuite_emulator.smartsheet.log.clear()
    got = [r async for r in stream_sheet(ss, sheet_id, page_size=1000)]
    assert got == records
    pages = [e.query.get("page") for e in smartsuite_emulator.smartsheet.log if e.method == "GET"]
    assert pages == ["1", "2", "3"]
    assert [r async for r in stream_sheet(ss, await make_sheet(ss, "Empty"))] == []
    with pytest.raises(ConfigurationError):
        stream_sheet(ss, sheet_id, page_size=0)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
async def test_export_to_file_and_read_back(
    ss: SmartsheetClient, tmp_path: Path, suffix: str
) -> None:
    sheet_id = await make_sheet(ss)
    records = people(1200)
    records[3]["Team"] = ""  # an empty cell
    await ss.rows.upsert(sheet_id, records, key="Employee ID")
    path = tmp_path / f"out{suffix}"
    count = await write_records(stream_sheet(ss, sheet_id, page_size=500), path)
    assert count == 1200
    back = read_records(path)
    assert len(back) == 1200
    assert back[0] == records[0]
    assert back[3]["Team"] in ("", None)
    # and it upserts back unchanged
    again = await ss.rows.upsert(sheet_id, back, key="Employee ID")
    assert again.counts()["unchanged"] == 1200


def test_record_files_refuse_bad_input(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="cannot tell the format"):
        read_records(tmp_path / "x.txt")
    bad = tmp_path / "x.jsonl"
    bad.write_text('{"a": 1}\n[1]\n')
    with pytest.raises(ConfigurationError, match=r"x.jsonl:2"):
        read_records(bad)


async def test_appsheet_upsert_adds_edits_changed_columns_only(
    appsheet_client: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    emu = smartsuite_emulator
    table = emu.appsheet.state.table("People")
    table.rows.clear()
    records = [{"ID": f"P{i}", "Name": f"Person {i}", "Age": str(20 + i)} for i in range(5)]
    first = await upsert_table(appsheet_client, "People", records, key="ID")
    assert first.ok and first.counts()["added"] == 5
    assert [r.id for r in first] == [f"P{i}" for i in range(5)]
    emu.appsheet.log.clear()
    records[2]["Age"] = "99"
    records.append({"ID": "P9", "Name": "New", "Age": "40"})
    second = await upsert_table(appsheet_client, "People", records, key="ID")
    assert [r.status for r in second] == [
        RecordStatus.UNCHANGED,
        RecordStatus.UNCHANGED,
        RecordStatus.UPDATED,
        RecordStatus.UNCHANGED,
        RecordStatus.UNCHANGED,
        RecordStatus.ADDED,
    ]
    bodies = [e.json() for e in emu.appsheet.log]
    edits = [b for b in bodies if b["Action"] == "Edit"]
    assert edits == [edits[0]] and edits[0]["Rows"] == [{"ID": "P2", "Age": "99"}]
    found = [r async for r in stream_table(appsheet_client, "People", "Filter(People, [Age] > 30)")]
    assert sorted(r["ID"] for r in found) == ["P2", "P9"]


@pytest.mark.parametrize(
    "fault",
    [
        Fault.TRUNCATED,
        Fault.DROP_AFTER,
        Fault.DROP_BEFORE,
        Fault.APPLIED_500,  # AppSheet's 500 after the rows were added
        Fault.APPLIED_502,
        Fault.APPLIED_504,
        Fault.APPLIED_429,  # a server breaking the "429 means not applied" contract
        Fault.SERVER_ERROR,  # not applied: re-sent after the re-read
    ],
)
async def test_appsheet_upsert_is_exactly_once_when_the_answer_is_lost(
    appsheet_client: AppSheetClient, smartsuite_emulator: Emulator, fault: Fault
) -> None:
    emu = smartsuite_emulator
    table = emu.appsheet.state.table("People")
    table.rows.clear()
    faults = emu.appsheet.faults
    faults.spike_seconds = 0.0
    faults.script(Fault.SPIKE, method="POST")  # the Find passes
    faults.script(fault, method="POST")  # the first Add batch: lost answer
    records = [{"ID": f"Q{i}", "Name": f"N{i}"} for i in range(5)]
    result = await upsert_table(appsheet_client, "People", records, key="ID", batch_size=2)
    assert result.ok and [r.status for r in result] == [RecordStatus.ADDED] * 5
    assert result.reconciled == 2
    assert sorted(table.rows) == [f"Q{i}" for i in range(5)]
    adds = [e.json()["Rows"] for e in emu.appsheet.log if e.json()["Action"] == "Add"]
    assert len(adds) == (3 if fault.applies_request else 4)
