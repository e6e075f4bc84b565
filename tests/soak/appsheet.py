"""The AppSheet soak: upsert rows into several tables at once under the fault mix."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import attrs

from smartsuite.appsheet import AppSheetClient
from smartsuite.appsheet.client import DEFAULT_RETRY
from smartsuite.emulator import Emulator, Fault
from smartsuite.etl import UpsertResult, upsert_table
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

KEY = "ID"
COLUMNS = {KEY: "Text", "Name": "Text", "Qty": "Number", "Team": "Text"}
SOAK_RETRY = attrs.evolve(DEFAULT_RETRY, backoff_base=0.05, backoff_max=1.0)


def table_records(table: int, count: int, *, stale: bool = False) -> list[dict[str, Any]]:
    return [
        {
            KEY: f"T{table:02d}-{i:06d}",
            "Name": f"Item {i} of table {table}",
            "Qty": 0 if stale else (i * 37) % 5000,
            "Team": "old" if stale else ("Ops", "Sales", "R&D")[i % 3],
        }
        for i in range(count)
    ]


async def soak_appsheet(
    emu: Emulator,
    workdir: Path,
    *,
    rows: int,
    tables: int,
    mix: dict[Fault, float],
    seed: int = 2,
    spike_seconds: float = 0.2,
    existing_share: float = 0.2,
    batch_size: int = 100,
) -> SoakReport:
    """Run the AppSheet soak (see :func:`tests.soak.sheets.soak_sheets` for the arguments)."""
    per_table = rows // tables
    report = SoakReport("appsheet", tables, dict(mix))
    names = [f"Soak{t}" for t in range(tables)]
    for t, name in enumerate(names):
        stale = table_records(t, int(per_table * existing_share), stale=True)
        emu.appsheet.state.create_table(name, key=KEY, columns=COLUMNS, rows=stale)
    inputs = [table_records(t, per_table) for t in range(tables)]

    emu.appsheet.log.clear()
    emu.appsheet.faults = attrs.evolve(
        emu.appsheet.faults, mix=dict(mix), seed=seed, spike_seconds=spike_seconds
    )
    restarts: Counter[str] = Counter()
    async with AppSheetClient(
        emu.appsheet_app_id,
        emu.appsheet_access_key,
        base_url=emu.appsheet_url,
        retry=SOAK_RETRY,
        rate_limit=EMULATOR_RATE_LIMIT,
    ) as app:

        def job_for(t: int) -> Any:
            async def job(checkpoint: Path) -> UpsertResult:
                return await upsert_table(
                    app, names[t], inputs[t], key=KEY, checkpoint=checkpoint, batch_size=batch_size
                )

            return job

        jobs = [
            run_with_restarts(job_for(t), workdir / f"table-{t}.json", restarts)
            for t in range(tables)
        ]
        results: list[UpsertResult] = await timed(report, gather_limited(jobs, tables))
        report.take_stats(app.stats, emu.appsheet)
        report.restarts = restarts
        report.reconciled = sum(r.reconciled for r in results)

        emu.appsheet.faults.clear()
        total = Verification()
        for t, name in enumerate(names):
            back = await app.table(name).list().to_list()
            assert len(back) == len(emu.appsheet.state.table(name).rows)
            old = table_records(t, int(per_table * existing_share), stale=True)
            before = {key_text(r, KEY): r for r in old}
            total.merge(verify(inputs[t], KEY, results[t], back, before=before))
        report.verification = total
    return report
