"""Fixtures and helpers shared by the account-object tests (users, groups, containers ...)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any

import pytest_asyncio

from smartsuite._core.config import RateLimitConfig, RetryConfig
from smartsuite.emulator import Emulator
from smartsuite.emulator.base import LoggedRequest
from smartsuite.smartsheet import Column, SmartsheetClient


@pytest_asyncio.fixture
async def emu() -> AsyncIterator[Emulator]:
    async with Emulator() as emulator:
        yield emulator


@pytest_asyncio.fixture
async def ss(emu: Emulator) -> AsyncIterator[SmartsheetClient]:
    """A client without Smartsheet's 300/minute pacing (tests send bursts)."""
    async with SmartsheetClient(
        emu.smartsheet_token,
        base_url=emu.smartsheet_url,
        rate_limit=RateLimitConfig(rate=10_000, per=1, burst=10_000),
        retry=RetryConfig(max_attempts=2, backoff_base=0.01, backoff_max=0.05),
    ) as client:
        yield client


def last(emu: Emulator, method: str | None = None) -> LoggedRequest:
    """The last request the emulated Smartsheet saw (optionally of one method)."""
    entries = [e for e in emu.smartsheet.log if method is None or e.method == method]
    assert entries, "no request reached the emulator"
    return entries[-1]


def check(
    entry: LoggedRequest,
    method: str,
    path: str,
    query: dict[str, str] | None = None,
    body: Any = None,
) -> None:
    """Assert what a logged request was: method, path, exact query and JSON body."""
    assert (entry.method, entry.path) == (method, path)
    assert entry.query == (query or {})
    if body is not None:
        assert entry.json() == body


async def make_sheet(ss: SmartsheetClient, name: str, rows: Sequence[str] = ()) -> int:
    """Create a sheet with a primary "Task" and a "Notes" column, and ``rows`` tasks."""
    sheet = await ss.sheets.create(
        name,
        [Column(title="Task", type="TEXT_NUMBER", primary=True), Column(title="Notes")],
    )
    assert sheet.id is not None
    if rows:
        await ss.rows.add(sheet.id, [{"Task": task, "Notes": f"about {task}"} for task in rows])
    return sheet.id
