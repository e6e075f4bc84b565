from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest_asyncio

from smartsuite._core.config import RateLimitConfig, RetryConfig
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import Column, SmartsheetClient

FAST_RETRY = RetryConfig(
    max_attempts=5,
    backoff_base=0.01,
    backoff_max=0.05,
    retry_error_codes=frozenset({4001, 4002, 4003, 4004}),
)
FAST_LIMIT = RateLimitConfig(rate=1000, per=1, burst=100)


@pytest_asyncio.fixture
async def ss(smartsuite_emulator: Emulator) -> AsyncIterator[SmartsheetClient]:
    async with SmartsheetClient(
        smartsuite_emulator.smartsheet_token,
        base_url=smartsuite_emulator.smartsheet_url,
        retry=FAST_RETRY,
        rate_limit=FAST_LIMIT,
    ) as client:
        yield client


async def make_sheet(ss: SmartsheetClient, name: str = "Employees") -> int:
    sheet = await ss.sheets.create(
        name,
        [
            Column(title="Employee ID", type="TEXT_NUMBER", primary=True),
            Column(title="Name", type="TEXT_NUMBER"),
            Column(title="Team", type="TEXT_NUMBER"),
            Column(title="Salary", type="TEXT_NUMBER"),
        ],
    )
    assert sheet.id is not None
    return sheet.id


def people(n: int, start: int = 0) -> list[dict[str, Any]]:
    return [
        {"Employee ID": f"E{i:05d}", "Name": f"Person {i}", "Team": "Ops", "Salary": str(50000 + i)}
        for i in range(start, start + n)
    ]


def sheet_keys(emu: Emulator, sheet_id: int) -> list[str]:
    sheet = emu.smartsheet.state.sheets[sheet_id]
    key_col = sheet.columns[0]["id"]
    out = []
    for row in sheet.rows:
        for cell in row["cells"]:
            if cell["columnId"] == key_col:
                out.append(cell.get("value"))
    return out
