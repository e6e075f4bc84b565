"""rows.add / rows.update over HTTP, batch by batch: every row is checked before the first
request, each 500-row batch is encoded just before it is sent, and a batch that cannot be
encoded is reported NOT_SENT with the rest."""

# ruff: noqa: F811  (pytest fixtures imported from sheet_helpers)

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pytest

from smartsuite import ConfigurationError, LimitExceededError, Outcome
from smartsuite._core.model import ModelTypeError
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import Cell, Row, SmartsheetClient
from smartsuite.smartsheet.row_encode import Body, RowBodies, RowInput

from .sheet_helpers import emu, ss, task_sheet  # noqa: F401


def posts(emu: Emulator) -> int:
    return sum(1 for e in emu.smartsheet.log if e.method in ("POST", "PUT"))


async def test_each_batch_is_encoded_just_before_it_is_sent(
    ss: SmartsheetClient, emu: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheet = await task_sheet(ss)
    seen: list[tuple[int, int]] = []  # (first row of the batch, writes the server had seen)
    original = RowBodies.body

    def body(self: RowBodies, items: Sequence[RowInput], start: int = 0) -> Body:
        seen.append((start, posts(emu)))
        return original(self, items, start)

    monkeypatch.setattr(RowBodies, "body", body)
    before = posts(emu)
    rows = [{"Task": f"T{i}", "Done": i % 2 == 0} for i in range(1201)]
    result = await ss.rows.add(sheet.id, rows)
    assert result.ok and result.requests == 3
    assert seen == [(0, before), (500, before + 1), (1000, before + 2)]
    assert [len(e.json()) for e in emu.smartsheet.log if e.method == "POST"][-3:] == [500, 500, 201]
    assert [r.value["Task"] for r in result][1200] == "T1200"  # type: ignore[index]
    # update goes batch by batch the same way
    seen.clear()
    updates = [{"id": r.value.id, "Task": f"U{i}"} for i, r in enumerate(result)]  # type: ignore[union-attr]
    updated = await ss.rows.update(sheet.id, updates)
    assert updated.ok and [s for s, _ in seen] == [0, 500, 1000]
    assert [n - seen[0][1] for _, n in seen] == [0, 1, 2]


async def test_bad_input_anywhere_is_refused_before_anything_is_sent(
    ss: SmartsheetClient, emu: Emulator
) -> None:
    sheet = await task_sheet(ss)
    task_id = sheet.column("Task").id
    good = [{"Task": f"T{i}"} for i in range(1200)]
    before = posts(emu)
    cases: list[tuple[type[Exception], str, Any]] = [
        (ConfigurationError, "no column titled 'Nope'", [*good, {"Nope": None}]),
        (LimitExceededError, "row 1200, column", [*good, {"Task": "x" * 4001}]),
        (ConfigurationError, "only MULTI_PICKLIST", [*good, {"Task": ["a"]}]),
        (ConfigurationError, "NaN or infinity", [*good, {"Task": math.nan}]),
        (ModelTypeError, r"Row\.parent_id", [*good, {"Task": "a", "parent_id": "p"}]),
    ]
    for error, message, rows in cases:
        with pytest.raises(error, match=message):
            await ss.rows.add(sheet.id, rows)
    objects = [Row(cells=[Cell(column_id=task_id, value="a")]) for _ in range(1200)]
    with pytest.raises(LimitExceededError, match="row 1200"):
        await ss.rows.add(
            sheet.id, [*objects, Row(cells=[Cell(column_id=task_id, value="é" * 4001)])]
        )
    with pytest.raises(ConfigurationError, match="row 1200 has no id"):
        await ss.rows.update(
            sheet.id, [*({"id": 1, "Task": "a"} for _ in range(1200)), {"Task": "b"}]
        )
    assert posts(emu) == before


async def test_a_batch_that_cannot_be_encoded_is_not_sent_with_the_rest(
    ss: SmartsheetClient, emu: Emulator
) -> None:
    sheet = await task_sheet(ss)
    task_id = sheet.column("Task").id
    rows = [Row(cells=[Cell(column_id=task_id, value=f"T{i}")]) for i in range(1201)]
    rows[700] = Row(cells=[Cell(column_id=task_id, value={"a", "set"})])  # not JSON
    result = await ss.rows.add(sheet.id, rows)
    assert result.requests == 1
    assert [r.outcome for r in result][:500] == [Outcome.LANDED] * 500
    assert {r.outcome for r in result.items[500:]} == {Outcome.NOT_SENT}
    error = result.not_sent[0].error
    assert isinstance(error, ConfigurationError)
    assert "rows 500 to 999 cannot be sent as JSON" in str(error)
    assert result.not_sent[-1].error is error
    stored = await ss.sheets.get(sheet.id)
    assert len(stored.rows) == 500
