"""Files the commands write: failure reports with raw keys, dry-run entries with their key,
``-o -`` to stdout, and a checkpoint that survives Ctrl-C with a resume hint."""

from __future__ import annotations

import asyncio
import csv
import json
import os
import shlex
import signal
import sys
from pathlib import Path

from smartsuite.emulator import Emulator
from smartsuite.smartsheet import Column, SmartsheetClient

from .test_commands import employees, invoke, ss_args, write_csv


async def _sheet(emu: Emulator, name: str, titles: list[str]) -> int:
    async with SmartsheetClient(emu.smartsheet_token, base_url=emu.smartsheet_url) as ss:
        columns = [
            Column(title=t, type="TEXT_NUMBER", primary=i == 0) for i, t in enumerate(titles)
        ]
        sheet = await ss.sheets.create(name, columns)
    assert sheet.id is not None
    return sheet.id


async def test_failures_hold_raw_key_values(smartsuite_emulator: Emulator, tmp_path: Path) -> None:
    emu = smartsuite_emulator
    sheet_id = await _sheet(emu, "Shifts", ["Person", "Day", "Hours"])
    rows = [
        {"Person": f"P{i}", "Day": "2024-03-0" + str(i % 3 + 1), "Hours": "8"} for i in range(5)
    ]
    rows[2]["Hours"] = "x" * 4001  # refused: over the cell limit
    rows[4] = dict(rows[1])  # the same composite key again
    data = tmp_path / "shifts.csv"
    write_csv(data, rows)
    report = tmp_path / "failed.csv"
    args = ["sheets", "upsert", str(sheet_id), str(data), "--key", "Person,Day", *ss_args(emu)]
    result = await invoke(*args, "--failures", str(report))
    assert result.exit_code == 1
    with report.open() as handle:
        failed = list(csv.DictReader(handle))
    assert [f["key"] for f in failed] == ['["P2", "2024-03-03"]', '["P1", "2024-03-02"]']
    assert '#4 ["P1", "2024-03-02"]: duplicate' in result.stderr
    assert "('" not in report.read_text() and "('" not in result.stderr  # no Python reprs

    single = tmp_path / "single.csv"
    write_csv(single, [{"Person": "Q1", "Day": "d", "Hours": "x" * 4001}])
    jsonl = tmp_path / "failed.jsonl"
    again = await invoke(
        "sheets",
        "upsert",
        str(sheet_id),
        str(single),
        "--key",
        "Person",
        "--failures",
        str(jsonl),
        *ss_args(emu),
    )
    assert again.exit_code == 1
    line = json.loads(jsonl.read_text())
    assert line["key"] == "Q1" and line["status"] == "failed"


async def test_dry_run_entries_carry_their_key(
    smartsuite_emulator: Emulator, tmp_path: Path
) -> None:
    emu = smartsuite_emulator
    data = tmp_path / "people.csv"
    write_csv(data, employees(3))
    result = await invoke(
        "sheets",
        "upsert",
        "Staff",
        str(data),
        "--key",
        "Employee ID",
        "--create",
        "--dry-run",
        *ss_args(emu),
    )
    assert result.exit_code == 0, result.output
    assert [x for x in result.stdout.splitlines() if x.startswith("would")] == [
        f"would add E{i}: Employee ID, Name, Team" for i in range(3)
    ]


async def test_output_dash_writes_to_stdout(smartsuite_emulator: Emulator, tmp_path: Path) -> None:
    emu = smartsuite_emulator
    data = tmp_path / "people.csv"
    write_csv(data, employees(4))
    assert (
        await invoke(
            "sheets",
            "upsert",
            "Staff",
            str(data),
            "--key",
            "Employee ID",
            "--create",
            *ss_args(emu),
        )
    ).exit_code == 0
    result = await invoke(
        "sheets", "export", "Staff", "-o", "-", "--format", "jsonl", "--json", *ss_args(emu)
    )
    assert result.exit_code == 0, result.output
    assert [json.loads(x) for x in result.stdout.splitlines()] == employees(4)
    assert json.loads(result.stderr.splitlines()[-1])["rows"] == 4  # the summary moved to stderr


async def test_ctrl_c_with_checkpoint_tells_how_to_resume(
    smartsuite_emulator: Emulator, tmp_path: Path
) -> None:
    emu = smartsuite_emulator
    sheet_id = await _sheet(emu, "Staff", ["Employee ID", "Name", "Team"])
    data = tmp_path / "people.csv"
    write_csv(data, employees(2500))
    checkpoint = tmp_path / "ck.json"
    emu.smartsheet.faults.latency = 0.25
    env = {**os.environ, "SMARTSHEET_ACCESS_TOKEN": emu.smartsheet_token}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "smartsuite.cli", "sheets", "upsert", str(sheet_id), str(data),
        "--key", "Employee ID", "--checkpoint", str(checkpoint), "--base-url", emu.smartsheet_url,
        env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    for _ in range(400):
        if checkpoint.exists() or proc.returncode is not None:
            break
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    _, err = await asyncio.wait_for(proc.communicate(), 30)
    stderr = err.decode()
    assert proc.returncode == 130, stderr
    assert "interrupted" in stderr
    hint = next(x for x in stderr.splitlines() if "to resume, run: " in x)
    assert f"progress is saved in {checkpoint}" in hint
    command = shlex.split(hint.split("to resume, run: ", 1)[1])
    assert command[:3] == ["smartsuite", "sheets", "upsert"] and emu.smartsheet_token not in hint

    emu.smartsheet.faults.latency = 0.0
    resumed = await invoke(*command[1:], env={"SMARTSHEET_ACCESS_TOKEN": emu.smartsheet_token})
    assert resumed.exit_code == 0, resumed.output
    assert f"resumed from checkpoint {checkpoint}" in resumed.stderr
    assert len(emu.smartsheet.state.sheets[sheet_id].rows) == 2500  # nothing written twice
    assert not checkpoint.exists()


async def test_a_job_stopped_part_way_still_writes_its_failures(
    smartsuite_emulator: Emulator, tmp_path: Path
) -> None:
    from smartsuite.emulator import Fault

    emu = smartsuite_emulator
    sheet_id = await _sheet(emu, "Staff", ["Employee ID", "Name", "Team"])
    data = tmp_path / "people.csv"
    write_csv(data, employees(3))
    # the columns are read; then reading the rows fails for good
    emu.smartsheet.faults.script(
        Fault.UNAVAILABLE, times=5, method="GET", path_contains=str(sheet_id), after=1
    )
    report = tmp_path / "failed.jsonl"
    args = ["sheets", "upsert", str(sheet_id), str(data), "--key", "Employee ID"]
    result = await invoke("--retries", "1", *args, "--failures", str(report), *ss_args(emu))
    assert result.exit_code == 4, result.output  # the cause decides: server unavailable
    assert "UpsertInterruptedError" in result.stderr and "retrying (1/1): HTTP 503" in result.stderr
    assert [json.loads(x)["key"] for x in report.read_text().splitlines()] == ["E0", "E1", "E2"]
