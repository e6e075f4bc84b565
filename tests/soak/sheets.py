"""The Smartsheet soak: upsert rows into several sheets at once under the fault mix.

A fifth of each sheet's rows exist beforehand with stale values (so the job both updates and
adds); then every sheet is upserted concurrently with the mix switched on, and read back with
it switched off.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from smartsuite.emulator import Emulator, Fault
from smartsuite.etl import UpsertResult
from smartsuite.smartsheet import Column, SmartsheetClient
from smartsuite.smartsheet.client import DEFAULT_RETRY
from smartsuite.testing import EMULATOR_RATE_LIMIT

from .harness import (
    SoakReport,
    Verification,
    gather_limited,
    key_text,
    run_with_restarts,
    timed,
    verify,
)

KEY = "Key"
COLUMNS = (KEY, "Name", "Amount", "Team")

#: The production retry rules with short backoff steps, so a soak spends its time on work.
SOAK_RETRY = attrs.evolve(DEFAULT_RETRY, backoff_base=0.05, backoff_max=1.0)


def sheet_records(sheet: int, count: int, *, stale: bool = False) -> list[dict[str, Any]]:
    """The records of one sheet; ``stale`` gives the old values of the pre-existing rows."""
    return [
        {
            KEY: f"S{sheet:02d}-{i:06d}",
            "Name": f"Row {i} of sheet {sheet}",
            "Amount": str((i * 7919) % 100_000 if not stale else 0),
            "Team": ("old" if stale else ("Ops", "Sales", "R&D", "Legal")[i % 4]),
        }
        for i in range(count)
    ]


def soak_client(emu: Emulator) -> SmartsheetClient:
    return SmartsheetClient(
        emu.smartsheet_token,
        base_url=emu.smartsheet_url,
        retry=SOAK_RETRY,
        rate_limit=EMULATOR_RATE_LIMIT,
    )


async def soak_sheets(
    emu: Emulator,
    workdir: Path,
    *,
    rows: int,
    sheets: int,
    mix: dict[Fault, float],
    seed: int = 1,
    spike_seconds: float = 0.2,
    existing_share: float = 0.2,
    batch_size: int = 500,
    scripted: Sequence[tuple[Fault, int]] = (),
) -> SoakReport:
    """Run the soak and return its figures (``report.verification`` says what was found).

    Args:
        emu: a running emulator.
        workdir: where the jobs keep their checkpoints.
        rows: records in all, spread evenly over ``sheets``.
        sheets: how many sheets are written concurrently.
        mix: the fault mix.
        seed: the emulator's fault seed.
        spike_seconds: the delay of a latency spike.
        existing_share: the part of each sheet's rows present (with stale values) beforehand.
        batch_size: rows per write request (smaller batches: more requests under fault).
        scripted: faults certain to hit row writes, besides the random ones: each
            ``(fault, after)`` lets ``after`` row writes through, then hits the next.
    """
    per_sheet = rows // sheets
    report = SoakReport("smartsheet", sheets, dict(mix))
    async with soak_client(emu) as setup:
        sheet_ids = []
        for s in range(sheets):
            sheet = await setup.sheets.create(
                f"Soak {s}",
                [Column(title=t, type="TEXT_NUMBER", primary=t == KEY) for t in COLUMNS],
            )
            assert sheet.id is not None
            sheet_ids.append(sheet.id)
            stale = sheet_records(s, int(per_sheet * existing_share), stale=True)
            if stale:
                (await setup.rows.add(sheet.id, stale)).raise_for_failures()
    inputs = [sheet_records(s, per_sheet) for s in range(sheets)]

    emu.smartsheet.log.clear()
    emu.smartsheet.faults = attrs.evolve(
        emu.smartsheet.faults, mix=dict(mix), seed=seed, spike_seconds=spike_seconds
    )
    for fault, after in scripted:
        emu.smartsheet.faults.script(fault, method="POST", path_contains="/rows", after=after)
    restarts: Counter[str] = Counter()
    async with soak_client(emu) as ss:

        def job_for(s: int) -> Any:
            async def job(checkpoint: Path) -> UpsertResult:
                # The one line to change for another upsert entry point.
                return await ss.rows.upsert(
                    sheet_ids[s], inputs[s], key=KEY, checkpoint=checkpoint, batch_size=batch_size
                )

            return job

        jobs = [
            run_with_restarts(job_for(s), workdir / f"sheet-{s}.json", restarts)
            for s in range(sheets)
        ]
        results: list[UpsertResult] = await timed(report, gather_limited(jobs, sheets))
        report.take_stats(ss.stats, emu.smartsheet)
        report.restarts = restarts
        report.reconciled = sum(r.reconciled for r in results)

        emu.smartsheet.faults.clear()
        total = Verification()
        for s, sheet_id in enumerate(sheet_ids):
            sheet = await ss.sheets.get(sheet_id)
            back = sheet.to_records()
            assert len(back) == len(emu.smartsheet.state.sheets[sheet_id].rows)
            old = sheet_records(s, int(per_sheet * existing_share), stale=True)
            before = {key_text(r, KEY): r for r in old}
            total.merge(verify(inputs[s], KEY, results[s], back, before=before))
        report.verification = total
    return report
