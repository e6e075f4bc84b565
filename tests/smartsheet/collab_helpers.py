"""Helpers shared by the collaboration tests."""

from __future__ import annotations

from smartsuite._core.config import RateLimitConfig, RetryConfig
from smartsuite.emulator import Emulator
from smartsuite.emulator.base import LoggedRequest
from smartsuite.smartsheet import Column, SmartsheetClient


async def sheet_with_row(ss: SmartsheetClient) -> tuple[int, int]:
    """Create a sheet with one row; returns (sheet id, row id)."""
    sheet = await ss.sheets.create(
        "Collab", [Column(title="Task", type="TEXT_NUMBER", primary=True)]
    )
    assert sheet.id is not None
    added = await ss.rows.add(sheet.id, [{"Task": "Write the report"}])
    row_id = added.values()[0].id
    assert row_id is not None
    return sheet.id, row_id


def last(emu: Emulator, method: str | None = None) -> LoggedRequest:
    """The last request the emulated Smartsheet saw (optionally of one method)."""
    entries = [e for e in emu.smartsheet.log if method is None or e.method == method]
    assert entries, "no request reached the emulator"
    return entries[-1]


def fast_client(emu: Emulator) -> SmartsheetClient:
    """A client on the emulator without Smartsheet's 300/minute pacing (tests send bursts)."""
    return SmartsheetClient(
        emu.smartsheet_token,
        base_url=emu.smartsheet_url,
        rate_limit=RateLimitConfig(rate=10_000, per=1, burst=10_000),
        retry=RetryConfig(max_attempts=3, backoff_base=0.01, backoff_max=0.05),
    )
