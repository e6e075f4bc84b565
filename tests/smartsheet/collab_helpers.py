"""Helpers shared by the collaboration tests."""

from __future__ import annotations

from smartsuite._core.config import RetryConfig
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import Column, SmartsheetClient

from . import emulator_helpers
from .emulator_helpers import last

__all__ = ["fast_client", "last", "sheet_with_row"]

RETRY = RetryConfig(max_attempts=3, backoff_base=0.01, backoff_max=0.05)


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


def fast_client(emu: Emulator) -> SmartsheetClient:
    """A client on the emulator without Smartsheet's 300/minute pacing (tests send bursts),
    allowed three attempts."""
    return emulator_helpers.fast_client(emu, retry=RETRY)
