"""Each command against the emulator: exit codes, JSON output and the failure report.

The commands run their own event loop, so they are invoked in a worker thread while the
test's loop serves the emulator.
"""

from __future__ import annotations

import asyncio
import csv
import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner, Result

from smartsuite.cli.app import build_app
from smartsuite.emulator import Emulator


async def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
    runner = CliRunner()
    return await asyncio.to_thread(runner.invoke, build_app(), list(args), env=env)


def ss_args(emu: Emulator) -> list[str]:
    return ["--base-url", emu.smartsheet_url, "--token", emu.smartsheet_token]


def write_csv(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def employees(n: int) -> list[dict[str, Any]]:
    return [{"Employee ID": f"E{i}", "Name": f"P{i}", "Team": "Ops"} for i in range(n)]


async def test_sheets_upsert_export_list(smartsuite_emulator: Emulator, tmp_path: Path) -> None:
    emu = smartsuite_emulator
    data = tmp_path / "people.csv"
    write_csv(data, employees(30))
    result = await invoke(
        "sheets", "upsert", "Staff", str(data), "--key", "Employee ID", "--create", "--json",
        *ss_args(emu),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["counts"]["added"] == 30 and out["ok"] is True
    assert emu.smartsheet_token not in result.output

    listed = json.loads((await invoke("sheets", "list", "--json", *ss_args(emu))).stdout)
    assert [s["name"] for s in listed] == ["Staff"]
    sheet_id = str(listed[0]["id"])

    rows = employees(30)
    rows[4]["Team"] = "Sales"
    write_csv(data, rows)
    dry = await invoke(
        "sheets", "upsert", sheet_id, str(data), "--key", "Employee ID", "--dry-run", "--json",
        *ss_args(emu),
    )  # fmt: skip
    assert dry.exit_code == 0
    plan = json.loads(dry.stdout)
    assert plan["dry_run"] and plan["counts"]["updated"] == 1
    assert plan["changes"] == [{"index": 4, "key": "E4", "status": "updated", "fields": ["Team"]}]
    assert plan["write_requests"] == 0

    for fmt in ("csv", "jsonl"):
        target = tmp_path / f"export.{fmt}"
        exported = await invoke(
            "sheets", "export", "Staff", "--format", fmt, "-o", str(target), "--page-size", "7",
            "--json", *ss_args(emu),
        )  # fmt: skip
        assert exported.exit_code == 0, exported.output
        assert json.loads(exported.stdout)["rows"] == 30
    with (tmp_path / "export.csv").open() as handle:
        assert list(csv.DictReader(handle)) == employees(30)
    lines = (tmp_path / "export.jsonl").read_text().splitlines()
    assert json.loads(lines[2]) == employees(30)[2]


async def test_sheets_upsert_failures_exit_non_zero_and_are_reported(
    smartsuite_emulator: Emulator, tmp_path: Path
) -> None:
    emu = smartsuite_emulator
    rows = employees(5)
    rows[1]["Name"] = "x" * 4001  # refused: over the cell limit
    rows[3]["Employee ID"] = "E0"  # duplicate key
    data = tmp_path / "people.csv"
    write_csv(data, rows)
    report = tmp_path / "failures.csv"
    result = await invoke(
        "sheets", "upsert", "Staff", str(data), "--key", "Employee ID", "--create",
        "--failures", str(report), *ss_args(emu),
    )  # fmt: skip
    assert result.exit_code == 1
    with report.open() as handle:
        failed = list(csv.DictReader(handle))
    assert [(f["index"], f["status"]) for f in failed] == [("1", "failed"), ("3", "duplicate")]
    assert "4000" in failed[0]["error"] and failed[1]["Employee ID"] == "E0"
    assert "2 failed rows written" in result.stderr

    jsonl = tmp_path / "failures.jsonl"
    again = await invoke(
        "sheets", "upsert", "Staff", str(data), "--key", "Employee ID", "--failures", str(jsonl),
        "--json", *ss_args(emu),
    )  # fmt: skip
    assert again.exit_code == 1
    lines = [json.loads(x) for x in jsonl.read_text().splitlines()]
    assert [x["index"] for x in lines] == [1, 3] and lines[1]["record"]["Employee ID"] == "E0"
    assert json.loads(again.stdout)["counts"]["unchanged"] == 3


async def test_bad_input_exits_2_and_a_bad_token_3(
    smartsuite_emulator: Emulator, tmp_path: Path
) -> None:
    emu = smartsuite_emulator
    no_token = await invoke(
        "sheets", "list", "--base-url", emu.smartsheet_url, env={"SMARTSHEET_ACCESS_TOKEN": ""}
    )
    assert no_token.exit_code == 2 and "SMARTSHEET_ACCESS_TOKEN" in no_token.stderr
    missing = await invoke("sheets", "export", "Nope", "-o", str(tmp_path / "x.csv"), *ss_args(emu))
    assert missing.exit_code == 2 and "no sheet named 'Nope'" in missing.stderr
    bad_token = await invoke(
        "sheets", "list", "--base-url", emu.smartsheet_url, "--token", "wrong-secret-value"
    )
    assert bad_token.exit_code == 3 and "AuthenticationError" in bad_token.stderr
    assert "wrong-secret-value" not in bad_token.output


async def test_emulator_flag_keeps_state_between_commands(tmp_path: Path) -> None:
    data = tmp_path / "people.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in employees(3)))
    result = await invoke(
        "sheets", "upsert", "Staff", str(data), "--key", "Employee ID", "--create", "--emulator",
        "--json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["counts"]["added"] == 3
    assert "started the background emulator" in result.stderr
    exported = await invoke("sheets", "export", "Staff", "-o", "-", "--emulator")
    assert exported.exit_code == 0, exported.output
    assert list(csv.DictReader(exported.stdout.splitlines())) == employees(3)
    assert "started" not in exported.stderr  # the same emulator, found again
    status = await invoke("emulator", "--status", "--json")
    assert status.exit_code == 0 and json.loads(status.stdout)["running"] is True
    stopped = await invoke("emulator", "--stop")
    assert stopped.exit_code == 0 and "stopped smartsuite emulator" in stopped.stdout
    assert (await invoke("emulator", "--status")).exit_code == 1


async def test_appsheet_upsert_and_find(smartsuite_emulator: Emulator, tmp_path: Path) -> None:
    emu = smartsuite_emulator
    emu.appsheet.state.table("People").rows.clear()
    creds = [
        "--base-url", emu.appsheet_url, "--app-id", emu.appsheet_app_id,
        "--access-key", emu.appsheet_access_key,
    ]  # fmt: skip
    data = tmp_path / "people.csv"
    write_csv(data, [{"ID": f"A{i}", "Name": f"N{i}", "Age": str(20 + 10 * i)} for i in range(4)])
    result = await invoke(
        "appsheet", "upsert", "People", str(data), "--key", "ID", "--json", *creds
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["counts"]["added"] == 4
    assert emu.appsheet_access_key not in result.output
    found = await invoke(
        "appsheet", "find", "People", "--selector", "Filter(People, [Age] >= 40)", "--json", *creds
    )
    assert found.exit_code == 0, found.output
    assert sorted(r["ID"] for r in json.loads(found.stdout)) == ["A2", "A3"]
    table_view = await invoke("appsheet", "find", "People", *creds)
    assert table_view.exit_code == 0 and "4 rows" in table_view.stdout
    missing = tmp_path / "missing.csv"
    wrong = await invoke("appsheet", "upsert", "People", str(missing), "--key", "ID", *creds)
    assert wrong.exit_code == 2 and "cannot read" in wrong.stderr


async def test_rm_export_time_entries(smartsuite_emulator: Emulator, tmp_path: Path) -> None:
    import datetime as dt

    from smartsuite.resource_management import ResourceManagementClient

    emu = smartsuite_emulator
    async with ResourceManagementClient(emu.rm_token, base_url=emu.rm_url) as rm:
        user = await rm.users.create(first_name="Ada", last_name="L")
        project = await rm.projects.create(name="P")
        for day in (1, 2, 3, 20):
            await rm.time_entries.create(
                user.id, assignable_id=project.id, date=dt.date(2024, 3, day), hours=7.5
            )
    target = tmp_path / "time.csv"
    result = await invoke(
        "rm", "export", "time-entries", "--from", "2024-03-01", "--to", "2024-03-10",
        "-o", str(target), "--json", "--base-url", emu.rm_url, "--token", emu.rm_token,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["rows"] == 3
    with target.open() as handle:
        rows = list(csv.DictReader(handle))
    assert [r["date"] for r in rows] == ["2024-03-01", "2024-03-02", "2024-03-03"]
    assert {r["hours"] for r in rows} == {"7.5"}
    bad = await invoke(
        "rm", "export", "time-entries", "--from", "March", "-o", str(target),
        "--base-url", emu.rm_url, "--token", emu.rm_token,
    )  # fmt: skip
    assert bad.exit_code == 2 and "--from must be a date" in bad.stderr


async def test_emulator_background_start_is_found_by_emulator_flag(emulator_state: Path) -> None:
    started = await invoke("emulator", "--background", "--json")
    assert started.exit_code == 0, started.output
    info = json.loads(started.stdout)
    assert info["started"] is True and emulator_state.exists()
    again = await invoke("emulator", "--background")
    assert (
        again.exit_code == 0
        and f"already running: smartsuite emulator on {info['url']}" in again.stdout
    )
    listed = await invoke("sheets", "list", "--json", "--emulator")
    assert listed.exit_code == 0 and "started" not in listed.stderr
