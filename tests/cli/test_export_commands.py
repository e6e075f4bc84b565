"""Export commands against the emulator: reports, RM assignments, and Parquet output."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from pathlib import Path

import pytest

from smartsuite.emulator import Emulator
from smartsuite.etl import read_records
from smartsuite.resource_management import ResourceManagementClient
from smartsuite.smartsheet import Column, SmartsheetClient

from .test_commands import employees, invoke, ss_args


async def people_sheet(ss: SmartsheetClient, name: str, start: int, count: int) -> int:
    sheet = await ss.sheets.create(
        name,
        [
            Column(title="Employee ID", type="TEXT_NUMBER", primary=True),
            Column(title="Name", type="TEXT_NUMBER"),
            Column(title="Team", type="TEXT_NUMBER"),
        ],
    )
    assert sheet.id is not None
    rows = employees(start + count)[start:]
    assert (await ss.rows.upsert(sheet.id, rows, key="Employee ID")).ok
    return sheet.id


async def test_reports_list_and_export(
    smartsheet_client: SmartsheetClient, smartsuite_emulator: Emulator, tmp_path: Path
) -> None:
    emu = smartsuite_emulator
    north = await people_sheet(smartsheet_client, "North", 0, 12)
    south = await people_sheet(smartsheet_client, "South", 12, 5)
    report = emu.smartsheet.state.integrations.add_report("Everyone", [north, south])

    listed = await invoke("reports", "list", "--json", *ss_args(emu))
    assert listed.exit_code == 0, listed.output
    assert json.loads(listed.stdout) == [{"id": report.id, "name": "Everyone"}]

    target = tmp_path / "everyone.csv"
    result = await invoke(
        "reports", "export", "Everyone", "-o", str(target), "--page-size", "5", "--json",
        *ss_args(emu),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["rows"] == 17 and summary["report_id"] == report.id
    assert summary["requests"] == 1 + 4  # the name lookup, then 4 pages of 5
    with target.open() as handle:
        assert list(csv.DictReader(handle)) == employees(17)
    assert emu.smartsheet_token not in result.output

    tagged = tmp_path / "everyone.jsonl"
    by_id = await invoke(
        "reports", "export", str(report.id), "-o", str(tagged), "--source-column", "Sheet",
        *ss_args(emu),
    )  # fmt: skip
    assert by_id.exit_code == 0, by_id.output
    assert "exported 17 report rows" in by_id.stdout
    lines = [json.loads(x) for x in tagged.read_text().splitlines()]
    assert [x["Sheet"] for x in lines] == [north] * 12 + [south] * 5

    missing = await invoke("reports", "export", "Nobody", "-o", str(target), *ss_args(emu))
    assert missing.exit_code == 2 and "no report named 'Nobody'" in missing.stderr
    unknown = await invoke("reports", "export", "424242", "-o", str(target), *ss_args(emu))
    assert unknown.exit_code == 2 and "NotFoundError" in unknown.stderr  # named, not there


async def test_rm_export_assignments(smartsuite_emulator: Emulator, tmp_path: Path) -> None:
    emu = smartsuite_emulator
    async with ResourceManagementClient(emu.rm_token, base_url=emu.rm_url) as rm:
        user = await rm.users.create(first_name="Ada", last_name="L")
        project = await rm.projects.create(name="P")
        phase = await rm.phases.create(
            project.id, phase_name="Build", starts_at=dt.date(2024, 1, 1),
            ends_at=dt.date(2024, 12, 31),
        )  # fmt: skip
        for month, target in ((1, project.id), (3, project.id), (3, phase.id), (9, project.id)):
            await rm.assignments.create(
                user.id, assignable_id=target, starts_at=dt.date(2024, month, 1),
                ends_at=dt.date(2024, month, 20), percent=0.5,
            )  # fmt: skip
    creds = ["--base-url", emu.rm_url, "--token", emu.rm_token]
    out = tmp_path / "assignments.csv"
    result = await invoke(
        "rm", "export", "assignments", "--from", "2024-02-01", "--to", "2024-06-30",
        "-o", str(out), "--json", *creds,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["rows"] == 2
    rows = read_records(out)
    assert sorted(r["assignable_id"] for r in rows) == sorted([str(project.id), str(phase.id)])
    assert {r["starts_at"] for r in rows} == {"2024-03-01"} and {r["percent"] for r in rows} == {
        "0.5"
    }
    assert emu.rm_token not in result.output

    everything = await invoke(
        "rm", "export", "assignments", "--no-phases", "-o", str(tmp_path / "all.jsonl"), *creds
    )
    assert everything.exit_code == 0, everything.output
    assert "exported 3 assignments" in everything.stdout
    bad = await invoke("rm", "export", "assignments", "--to", "June", "-o", str(out), *creds)
    assert bad.exit_code == 2 and "--to must be a date" in bad.stderr


async def test_sheets_export_parquet(smartsuite_emulator: Emulator, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    emu = smartsuite_emulator
    async with SmartsheetClient(emu.smartsheet_token, base_url=emu.smartsheet_url) as ss:
        await people_sheet(ss, "Staff", 0, 40)
    target = tmp_path / "staff.out"
    result = await invoke(
        "sheets", "export", "Staff", "--format", "parquet", "-o", str(target),
        "--page-size", "15", "--json", *ss_args(emu),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["rows"] == 40 and summary["format"] == "parquet"
    table = pq.read_table(str(target))
    assert table.column_names == ["Employee ID", "Name", "Team"]
    assert table.to_pylist() == employees(40)
    assert read_records(target, "parquet") == employees(40)


async def test_parquet_without_pyarrow_is_a_clear_usage_error(
    smartsuite_emulator: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    emu = smartsuite_emulator
    async with SmartsheetClient(emu.smartsheet_token, base_url=emu.smartsheet_url) as ss:
        await people_sheet(ss, "Staff", 0, 3)
    for name in ("pyarrow", "pyarrow.parquet"):
        monkeypatch.setitem(sys.modules, name, None)  # as if the extra were not installed
    target = tmp_path / "staff.parquet"
    result = await invoke("sheets", "export", "Staff", "-o", str(target), *ss_args(emu))
    assert result.exit_code == 2
    assert 'pip install "smartsuite[parquet]"' in result.stderr
