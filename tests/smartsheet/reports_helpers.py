"""Fixtures and helpers for the reports, dashboards, webhooks, imports and OAuth tests."""

from __future__ import annotations

from typing import Any

from smartsuite.smartsheet import Column, SmartsheetClient

from .emulator_helpers import FAST, check, emu, fast_client, last, ss

__all__ = ["FAST", "check", "emu", "fast_client", "last", "people_sheet", "ss"]


async def people_sheet(ss: SmartsheetClient, name: str, rows: list[dict[str, Any]]) -> int:
    """A sheet with Name (primary), Team and Score columns and ``rows``; returns its id."""
    columns = [
        Column(title="Name", type="TEXT_NUMBER", primary=True),
        Column(title="Team", type="TEXT_NUMBER"),
        Column(title="Score", type="TEXT_NUMBER"),
    ]
    sheet = await ss.sheets.create(name, columns)
    assert sheet.id is not None
    if rows:
        outcome = await ss.rows.add(sheet.id, rows)
        assert outcome.ok, outcome
    return sheet.id
