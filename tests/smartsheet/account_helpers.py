"""Fixtures and helpers shared by the account-object tests (users, groups, containers ...)."""

from __future__ import annotations

from collections.abc import Sequence

from smartsuite.smartsheet import Column, SmartsheetClient

from .emulator_helpers import check, emu, last, ss

__all__ = ["check", "emu", "last", "make_sheet", "ss"]


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
