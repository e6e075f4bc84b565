"""Streaming a report (rows gathered from several sheets) page by page, with prefetch."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from smartsuite._core.errors import ConfigurationError, LimitExceededError, NotFoundError
from smartsuite.emulator import Emulator
from smartsuite.etl import read_records, stream_report, write_records
from smartsuite.smartsheet import SmartsheetClient

from .conftest import make_sheet, people


async def two_sheet_report(ss: SmartsheetClient, emu: Emulator) -> tuple[int, int, int]:
    north = await make_sheet(ss, "North")
    south = await make_sheet(ss, "South")
    await ss.rows.upsert(north, people(30), key="Employee ID")
    await ss.rows.upsert(south, people(12, start=100), key="Employee ID")
    report = emu.smartsheet.state.integrations.add_report(
        "Everyone", [north, south], ["Employee ID", "Name", "Salary"]
    )
    return report.id, north, south


def pages_asked(emu: Emulator, report_id: int) -> list[str]:
    return [
        e.query.get("page", "")
        for e in emu.smartsheet.log
        if e.method == "GET" and e.path.endswith(f"/reports/{report_id}")
    ]


async def test_stream_report_yields_every_row_of_every_source_sheet(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    emu = smartsuite_emulator
    report_id, north, south = await two_sheet_report(ss, emu)
    emu.smartsheet.log.clear()
    got = [r async for r in stream_report(ss, report_id, page_size=10)]
    wanted = [
        {"Employee ID": p["Employee ID"], "Name": p["Name"], "Salary": p["Salary"]}
        for p in people(30) + people(12, start=100)
    ]
    assert got == wanted
    assert pages_asked(emu, report_id) == ["1", "2", "3", "4", "5"]
    assert {e.query.get("pageSize") for e in emu.smartsheet.log} == {"10"}

    tagged = [r async for r in stream_report(ss, report_id, page_size=25, source_field="Sheet")]
    assert [r["Sheet"] for r in tagged] == [north] * 30 + [south] * 12
    assert [r["Employee ID"] for r in tagged] == [r["Employee ID"] for r in wanted]


async def test_stream_report_prefetches_the_next_page(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    emu = smartsuite_emulator
    report_id, _, _ = await two_sheet_report(ss, emu)
    emu.smartsheet.log.clear()
    stream = stream_report(ss, report_id, page_size=20)
    seen = 0
    async for _record in stream:
        seen += 1
        if seen == 1:
            # Still on page 1: page 2 is already being fetched. Without prefetch nothing
            # asks for it while we wait here, and the wait times out.
            async def page_two_asked() -> None:
                while "2" not in pages_asked(emu, report_id):
                    await asyncio.sleep(0.005)

            await asyncio.wait_for(page_two_asked(), timeout=10)
    assert seen == 42
    assert pages_asked(emu, report_id) == ["1", "2", "3"]


async def test_stream_report_to_a_file(
    ss: SmartsheetClient, smartsuite_emulator: Emulator, tmp_path: Path
) -> None:
    report_id, _, _ = await two_sheet_report(ss, smartsuite_emulator)
    path = tmp_path / "report.jsonl"
    assert await write_records(stream_report(ss, report_id, page_size=8), path) == 42
    back = read_records(path)
    assert back[0] == {"Employee ID": "E00000", "Name": "Person 0", "Salary": "50000"}
    assert back[-1]["Employee ID"] == "E00111"


async def test_stream_report_refuses_bad_input(
    ss: SmartsheetClient, smartsuite_emulator: Emulator
) -> None:
    with pytest.raises(ConfigurationError, match="page_size must be >= 1"):
        stream_report(ss, 1, page_size=0)
    with pytest.raises(LimitExceededError, match="at most 10000"):
        stream_report(ss, 1, page_size=10_001)
    with pytest.raises(ConfigurationError, match="source_field"):
        stream_report(ss, 1, source_field="")
    with pytest.raises(NotFoundError):
        [r async for r in stream_report(ss, 987654321)]
    empty = await make_sheet(ss, "Empty")
    report = smartsuite_emulator.smartsheet.state.integrations.add_report("None", [empty])
    assert [r async for r in stream_report(ss, report.id)] == []
