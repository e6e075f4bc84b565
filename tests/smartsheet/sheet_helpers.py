"""Fixtures and helpers for the sheet-core tests (sheets, rows, columns, cells, summary ...)."""

from __future__ import annotations

from typing import Any

from smartsuite.smartsheet import Column, Sheet, SmartsheetClient

from .emulator_helpers import emu, fast_client, last, ss

__all__ = ["TASK_COLUMNS", "emu", "fast_client", "last", "ss", "task_sheet"]

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
