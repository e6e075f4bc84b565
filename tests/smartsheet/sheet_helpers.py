"""Fixtures and helpers for the sheet-core tests (sheets, rows, columns, cells, summary ...)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest_asyncio

from smartsuite._core.config import RateLimitConfig, RetryConfig
from smartsuite.emulator import Emulator
from smartsuite.emulator.base import LoggedRequest
from smartsuite.smartsheet import Column, Sheet, SmartsheetClient

FAST = RateLimitConfig(rate=10_000, per=1, burst=10_000)
QUICK_RETRY = RetryConfig(max_attempts=2, backoff_base=0.01, backoff_max=0.05)


def fast_client(emu: Emulator) -> SmartsheetClient:
    """A client without Smartsheet's 300/minute pacing (tests send bursts)."""
    return SmartsheetClient(
        emu.smartsheet_token, base_url=emu.smartsheet_url, rate_limit=FAST, retry=QUICK_RETRY
    )


@pytest_asyncio.fixture
async def emu() -> AsyncIterator[Emulator]:
    async with Emulator() as emulator:
        yield emulator


@pytest_asyncio.fixture
async def ss(emu: Emulator) -> AsyncIterator[SmartsheetClient]:
    async with fast_client(emu) as client:
        yield client


def last(emu: Emulator, method: str | None = None) -> LoggedRequest:
    """The last request the emulated Smartsheet saw (optionally of one method)."""
    entries = [e for e in emu.smartsheet.log if method is None or e.method == method]
    assert entries, "no request reached the emulator"
    return entries[-1]


TASK_COLUMNS = [
    Column(title="Task", type="TEXT_NUMBER", primary=True),
    Column(title="Status", type="PICKLIST", options=["Open", "Done"]),
    Column(title="Done", type="CHECKBOX"),
    Column(title="Tags", type="MULTI_PICKLIST", options=["red", "blue"]),
    Column(title="People", type="MULTI_CONTACT_LIST"),
]


async def task_sheet(ss: SmartsheetClient, rows: list[dict[str, Any]] | None = None) -> Sheet:
    """A sheet with the task columns (and rows from dicts), fetched back at level 2."""
    sheet = await ss.sheets.create("Tasks", TASK_COLUMNS)
    assert sheet.id is not None
    if rows:
        result = await ss.rows.add(sheet.id, rows)
        assert result.ok, result
    return await ss.sheets.get(sheet.id, level=2, include=["objectValue"])
