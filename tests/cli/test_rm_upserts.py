"""``smartsuite rm upsert time-entries`` and ``rm upsert assignments`` against the emulator."""

from __future__ import annotations

import json
from pathlib import Path

from smartsuite.emulator import Emulator
from smartsuite.resource_management import ResourceManagementClient

from .test_commands import invoke, write_csv


async def _people(emu: Emulator) -> tuple[int, int]:
    async with ResourceManagementClient(emu.rm_token, base_url=emu.rm_url) as rm:
        user = await rm.users.create(first_name="Ada", last_name="L")
        project = await rm.projects.create(name="P")
    return user.id, project.id


async def test_upsert_time_entries(smartsuite_emulator: Emulator, tmp_path: Path) -> None:
    emu = smartsuite_emulator
    user, project = await _people(emu)
    creds = ["--base-url", emu.rm_url, "--token", emu.rm_token]
    rows = [
        {
            "user_id": user,
            "assignable_id": project,
            "date": f"2024-03-0{d}",
            "hours": "7.5",
            "notes": "build",
        }
        for d in range(1, 5)
    ]
    data = tmp_path / "time.csv"
    write_csv(data, rows)
    first = await invoke("rm", "upsert", "time-entries", str(data), "--json", *creds)
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["counts"]["added"] == 4

    rows[2]["hours"] = "4"
    write_csv(data, rows)
    dry = await invoke("rm", "upsert", "time-entries", str(data), "--dry-run", *creds)
    assert dry.exit_code == 0, dry.output
    assert f'would update ["{user}", "{project}", "2024-03-03"]: hours' in dry.stdout
    second = await invoke(
        "rm",
        "upsert",
        "time-entries",
        str(data),
        "--from",
        "2024-03-01",
        "--to",
        "2024-03-31",
        "--json",
        *creds,
    )
    counts = json.loads(second.stdout)["counts"]
    assert second.exit_code == 0 and counts["updated"] == 1 and counts["unchanged"] == 3
    async with ResourceManagementClient(emu.rm_token, base_url=emu.rm_url) as rm:
        hours = sorted([e.hours async for e in rm.time_entries.list()])
    assert hours == [4.0, 7.5, 7.5, 7.5]

    bad = await invoke("rm", "upsert", "time-entries", str(data), "--key", "user_id,colour", *creds)
    assert bad.exit_code == 2 and "colour" in bad.stderr


async def test_upsert_assignments(smartsuite_emulator: Emulator, tmp_path: Path) -> None:
    emu = smartsuite_emulator
    user, project = await _people(emu)
    creds = ["--base-url", emu.rm_url, "--token", emu.rm_token]
    rows = [
        {
            "user_id": user,
            "assignable_id": project,
            "starts_at": f"2024-0{m}-01",
            "ends_at": f"2024-0{m}-20",
            "percent": "0.5",
        }
        for m in (1, 2)
    ]
    data = tmp_path / "assignments.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    first = await invoke("rm", "upsert", "assignments", str(data), "--json", *creds)
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["counts"]["added"] == 2
    rows[1]["percent"] = "0.8"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    second = await invoke("rm", "upsert", "assignments", str(data), *creds)
    assert second.exit_code == 0, second.output
    async with ResourceManagementClient(emu.rm_token, base_url=emu.rm_url) as rm:
        percents = sorted([a.percent async for a in rm.assignments.list()])
    assert percents == [0.5, 0.8]
