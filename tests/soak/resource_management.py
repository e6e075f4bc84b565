"""The Resource Management soak: upsert time entries (matched on user, project and date) under
the fault mix. RM has no bulk writes, so every record is its own request."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import attrs

from smartsuite.emulator import Emulator, Fault
from smartsuite.etl import UpsertResult, rm_record, upsert_time_entries
from smartsuite.resource_management import ResourceManagementClient
from smartsuite.resource_management.client import DEFAULT_RETRY
from smartsuite.testing import EMULATOR_RATE_LIMIT

from .harness import SoakReport, Verification, key_text, run_with_restarts, timed, verify

KEY = ("user_id", "assignable_id", "date")
START = dt.date(2024, 1, 1)
SOAK_RETRY = attrs.evolve(DEFAULT_RETRY, backoff_base=0.05, backoff_max=1.0)


def entry_records(
    users: list[int], projects: list[int], count: int, *, stale: bool = False
) -> list[dict[str, Any]]:
    """``count`` time entries, one per (user, project, day), spread over users and projects."""
    out = []
    pairs = [(u, p) for u in users for p in projects]
    for i in range(count):
        user, project = pairs[i % len(pairs)]
        day = START + dt.timedelta(days=i // len(pairs))
        out.append(
            {
                "user_id": user,
                "assignable_id": project,
                "date": day.isoformat(),
                "hours": 1.0 if stale else 0.5 + (i % 16) * 0.5,
                "notes": "old" if stale else f"soak entry {i}",
            }
        )
    return out


def rm_client(emu: Emulator) -> ResourceManagementClient:
    return ResourceManagementClient(
        emu.rm_token, base_url=emu.rm_url, retry=SOAK_RETRY, rate_limit=EMULATOR_RATE_LIMIT
    )


async def soak_time_entries(
    emu: Emulator,
    workdir: Path,
    *,
    rows: int,
    users: int,
    projects: int,
    mix: dict[Fault, float],
    seed: int = 3,
    spike_seconds: float = 0.2,
    existing_share: float = 0.2,
) -> SoakReport:
    """Run the RM soak: ``rows`` time entries for ``users`` x ``projects``, one job."""
    report = SoakReport("resource_management", 1, dict(mix))
    async with rm_client(emu) as setup:
        user_ids = [
            (await setup.users.create(first_name="Soak", last_name=f"User {u}")).id
            for u in range(users)
        ]
        project_ids = [(await setup.projects.create(name=f"Soak {p}")).id for p in range(projects)]
        stale = entry_records(user_ids, project_ids, int(rows * existing_share), stale=True)
        for record in stale:
            await setup.time_entries.create(
                record["user_id"],
                assignable_id=record["assignable_id"],
                date=dt.date.fromisoformat(record["date"]),
                hours=record["hours"],
                notes=record["notes"],
            )
    inputs = entry_records(user_ids, project_ids, rows)

    emu.rm.log.clear()
    emu.rm.faults = attrs.evolve(
        emu.rm.faults, mix=dict(mix), seed=seed, spike_seconds=spike_seconds
    )
    restarts: Counter[str] = Counter()
    async with rm_client(emu) as rm:

        async def job(checkpoint: Path) -> UpsertResult:
            return await upsert_time_entries(rm, inputs, key=KEY, checkpoint=checkpoint)

        result = await timed(
            report, run_with_restarts(job, workdir / "time-entries.json", restarts)
        )
        report.take_stats(rm.stats, emu.rm)
        report.restarts = restarts
        report.reconciled = result.reconciled

        emu.rm.faults.clear()
        back = [rm_record(e) for e in await rm.time_entries.list().to_list()]
        before = {key_text(r, KEY): r for r in stale}
        total = Verification()
        total.merge(verify(inputs, KEY, result, back, before=before, compare=("hours", "notes")))
        report.verification = total
    return report
