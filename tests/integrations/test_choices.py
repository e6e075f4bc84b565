"""Documented enum-like query parameters are checked locally, with an escape hatch."""

from __future__ import annotations

import pytest

from smartsuite import ConfigurationError, SmartsheetClient
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import Column, Raw
from smartsuite.smartsheet._choices import CHOICES
from smartsuite.smartsheet.operations import operations


@pytest.fixture
async def sheet_id(smartsheet_client: SmartsheetClient) -> int:
    sheet = await smartsheet_client.sheets.create("C", [Column(title="A", primary=True)])
    assert sheet.id is not None
    return sheet.id


def _sent(emu: Emulator) -> int:
    return len(emu.smartsheet.log)


async def test_unknown_include_lists_the_allowed_values(
    smartsheet_client: SmartsheetClient, smartsuite_emulator: Emulator, sheet_id: int
) -> None:
    before = _sent(smartsuite_emulator)
    with pytest.raises(ConfigurationError) as info:
        await smartsheet_client.sheets.get(sheet_id, include=["objectValue", "nonsense"])
    text = str(info.value)
    assert "include='nonsense'" in text and "getSheet" in text
    assert "objectValue" in text.split("allowed:")[1] and "Raw(" in text
    assert _sent(smartsuite_emulator) == before  # refused before sending


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"exclude": ["nonexistentcells"]}, "exclude='nonexistentcells'"),
        ({"level": 3}, "level=3 is not documented for getSheet; allowed: 0..2"),
        ({"level": "two"}, "level='two'"),
        ({"include": "format,bogus"}, "include='bogus'"),  # comma-separated strings too
    ],
)
async def test_other_parameters(
    smartsheet_client: SmartsheetClient, sheet_id: int, kwargs: dict[str, object], fragment: str
) -> None:
    with pytest.raises(ConfigurationError, match="allowed") as info:
        await smartsheet_client.sheets.get(sheet_id, **kwargs)  # type: ignore[arg-type]
    assert fragment in str(info.value)


async def test_documented_values_and_raw_pass(
    smartsheet_client: SmartsheetClient, smartsuite_emulator: Emulator, sheet_id: int
) -> None:
    await smartsheet_client.sheets.get(
        sheet_id, include=["objectValue", "format"], exclude=["nonexistentCells"], level=2
    )
    await smartsheet_client.sheets.get(sheet_id, include=["format", Raw("brandNewThing")])
    await smartsheet_client.sheets.get(sheet_id, level=Raw("9"))  # type: ignore[arg-type]
    queries = [r.query for r in smartsuite_emulator.smartsheet.log[-3:]]
    assert queries[0]["include"] == "objectValue,format" and queries[0]["level"] == "2"
    assert queries[1]["include"] == "format,brandNewThing"
    assert queries[2]["level"] == "9"


async def test_paginated_calls_are_checked_when_called(
    smartsheet_client: SmartsheetClient, sheet_id: int
) -> None:
    with pytest.raises(ConfigurationError, match="discussions-list"):
        smartsheet_client.discussions.list(sheet_id, include=["comment"])  # no await needed
    with pytest.raises(ConfigurationError, match="cellHistory-get"):
        smartsheet_client.cells.history(sheet_id, 1, 2, include=["columntype"])


async def test_other_operations_use_their_own_lists(
    smartsheet_client: SmartsheetClient, sheet_id: int
) -> None:
    with pytest.raises(ConfigurationError, match="copy-sheet"):
        await smartsheet_client.sheets.copy(sheet_id, "Copy", include=["everything"])


def test_every_checked_operation_exists() -> None:
    declared = {op.operation_id for op in operations()}
    assert set(CHOICES) <= declared
