"""Exact Smartsheet models over HTTP against the emulator: a round trip sends only what changed,
an explicit None is sent as null (clearing a hyperlink, a cell link, a predecessor list), nulls
from the server never go back, and per-row failures carry their real status and class."""

# ruff: noqa: F811  (pytest fixtures imported from sheet_helpers)

from __future__ import annotations

from smartsuite import NotFoundError, Outcome
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import Cell, Column, Row, SmartsheetClient

from ..smartsheet.sheet_helpers import emu, last, ss  # noqa: F401


async def _sheet(ss: SmartsheetClient) -> tuple[int, dict[str, int], list[int]]:
    sheet = await ss.sheets.create(
        "Exact",
        [
            Column(title="Task", type="TEXT_NUMBER", primary=True),
            Column(title="Note", type="TEXT_NUMBER"),
            Column(title="After", type="PREDECESSOR"),
        ],
    )
    ids = {c.title: c.id for c in sheet.columns}
    added = await ss.rows.add(
        sheet.id, [{"Task": "one", "Note": "n1"}, {"Task": "two", "Note": "n2"}]
    )
    return sheet.id, ids, [r.id for r in added.values()]


async def test_round_trip_sends_only_the_changed_cell(ss: SmartsheetClient, emu: Emulator) -> None:
    sheet_id, ids, row_ids = await _sheet(ss)
    sheet = await ss.sheets.get(sheet_id)
    row = sheet.rows[0]
    assert row.cells[0].hyperlink is None and row.format is None  # decoded: absent is None
    cell = row.cell("Note")
    assert cell is not None
    cell.value = "changed"
    result = await ss.rows.update(sheet_id, [row])
    assert result.ok
    assert last(emu, "PUT").json() == [
        {"id": row_ids[0], "cells": [{"columnId": ids["Note"], "value": "changed"}]}
    ]
    # nothing assigned: only the id goes out, never the server's nulls
    again = (await ss.sheets.get(sheet_id)).rows[1]
    again.expanded = False
    await ss.rows.update(sheet_id, [again])
    assert last(emu, "PUT").json() == [{"id": row_ids[1], "expanded": False}]
    assert (await ss.rows.get(sheet_id, row_ids[0], include=["columns"]))["Note"] == "changed"


async def test_clearing_a_hyperlink_sends_null(ss: SmartsheetClient, emu: Emulator) -> None:
    sheet_id, ids, row_ids = await _sheet(ss)
    link = {"url": "https://example.com/a"}
    cell = Cell(column_id=ids["Note"], value="site", hyperlink=link)
    await ss.rows.update(sheet_id, [Row(id=row_ids[0], cells=[cell])])
    # a later value change keeps the hyperlink: only a null removes it
    await ss.rows.update(
        sheet_id, [Row(id=row_ids[0], cells=[Cell(column_id=ids["Note"], value="renamed")])]
    )
    got = (await ss.rows.get(sheet_id, row_ids[0])).cell(ids["Note"])
    assert got is not None and got.hyperlink == link and got.value == "renamed"
    # a request cell states its value (the emulator, like the worst case of the API, empties
    # a cell whose request leaves the value out), and None for the hyperlink to remove
    got.value = "renamed"
    got.hyperlink = None
    await ss.rows.update(sheet_id, [Row(id=row_ids[0], cells=[got])])
    assert last(emu, "PUT").json() == [
        {
            "id": row_ids[0],
            "cells": [{"columnId": ids["Note"], "value": "renamed", "hyperlink": None}],
        }
    ]
    cleared = (await ss.rows.get(sheet_id, row_ids[0])).cell(ids["Note"])
    assert cleared is not None and cleared.hyperlink is None and cleared.value == "renamed"


async def test_clearing_a_cell_link_sends_null(ss: SmartsheetClient, emu: Emulator) -> None:
    source_id, source_ids, source_rows = await _sheet(ss)
    sheet_id, ids, row_ids = await _sheet(ss)
    ref = {"sheetId": source_id, "rowId": source_rows[0], "columnId": source_ids["Task"]}
    linked = Cell(column_id=ids["Note"], value=None, link_in_from_cell=ref)
    await ss.rows.update(sheet_id, [Row(id=row_ids[0], cells=[linked])])
    assert last(emu, "PUT").json()[0]["cells"] == [
        {"columnId": ids["Note"], "value": None, "linkInFromCell": ref}
    ]
    got = (await ss.rows.get(sheet_id, row_ids[0])).cell(ids["Note"])
    assert got is not None and got.link_in_from_cell is not None
    assert got.link_in_from_cell["rowId"] == source_rows[0]
    clear = Cell(column_id=ids["Note"], link_in_from_cell=None, value=None)
    await ss.rows.update(sheet_id, [Row(id=row_ids[0], cells=[clear])])
    assert last(emu, "PUT").json()[0]["cells"] == [
        {"columnId": ids["Note"], "value": None, "linkInFromCell": None}
    ]
    after = (await ss.rows.get(sheet_id, row_ids[0])).cell(ids["Note"])
    assert after is not None and after.link_in_from_cell is None


async def test_clearing_a_predecessor_list_sends_null(ss: SmartsheetClient, emu: Emulator) -> None:
    sheet_id, ids, row_ids = await _sheet(ss)
    preds = {
        "objectType": "PREDECESSOR_LIST",
        "predecessors": [{"rowId": row_ids[0], "type": "FS"}],
    }
    cell = Cell(column_id=ids["After"], object_value=preds)
    await ss.rows.update(sheet_id, [Row(id=row_ids[1], cells=[cell])])
    got = await ss.rows.get(sheet_id, row_ids[1], include=["objectValue"])
    held = got.cell(ids["After"])
    assert held is not None and held.object_value["predecessors"][0]["rowId"] == row_ids[0]
    held.value = None  # the documented way to empty a predecessor cell
    await ss.rows.update(sheet_id, [got])
    assert last(emu, "PUT").json() == [
        {"id": row_ids[1], "cells": [{"columnId": ids["After"], "value": None}]}
    ]
    empty = (await ss.rows.get(sheet_id, row_ids[1], include=["objectValue"])).cell(ids["After"])
    assert empty is not None and empty.object_value is None and empty.value is None


async def test_a_cell_with_nothing_to_write_is_refused(ss: SmartsheetClient, emu: Emulator) -> None:
    """What dropping every None used to send: a bare column id, which the API refuses."""
    sheet_id, ids, row_ids = await _sheet(ss)
    bare = Row(id=row_ids[0], cells=[Cell(column_id=ids["Note"])])
    result = await ss.rows.update(sheet_id, [bare])
    assert result.items[0].outcome is Outcome.FAILED
    assert getattr(result.items[0].error, "code", None) == 1012


async def test_per_row_failures_carry_status_and_class(ss: SmartsheetClient, emu: Emulator) -> None:
    sheet_id, ids, row_ids = await _sheet(ss)
    rows = [
        Row(id=row_ids[0], cells=[Cell(column_id=ids["Note"], value="ok")]),
        Row(id=999_999, cells=[Cell(column_id=ids["Note"], value="gone")]),
        Row(
            id=row_ids[1],
            cells=[
                Cell(
                    column_id=ids["Note"],
                    value="bad",
                    hyperlink={"x": 1},
                    link_in_from_cell={"sheetId": 1, "rowId": 2, "columnId": 3},
                )
            ],
        ),
    ]
    result = await ss.rows.update(sheet_id, rows, allow_partial_success=True)
    assert [r.outcome for r in result] == [Outcome.LANDED, Outcome.FAILED, Outcome.FAILED]
    missing, conflict = result.items[1], result.items[2]
    assert isinstance(missing.error, NotFoundError) and missing.status == 404
    assert getattr(missing.error, "code", None) == 1006
    assert conflict.status == 400 and getattr(conflict.error, "code", None) == 1109


async def test_a_large_sheet_has_a_short_repr(ss: SmartsheetClient) -> None:
    """The attrs repr of a big sheet is megabytes long and takes seconds; asyncio.run builds
    the repr of its main task's result unasked, so the sheet's repr is a summary."""
    workspace = await ss.workspaces.create("Repr")
    created = await ss.sheets.create_in_workspace(
        workspace.id, "Big", [Column(title="A", primary=True), Column(title="B")]
    )
    (await ss.rows.add(created.id, [{"A": f"r{i}", "B": "x" * 50} for i in range(600)]))
    sheet = await ss.sheets.get(created.id)
    text = repr(sheet)
    assert text == (
        f"Sheet(id={sheet.id}, name='Big', version={sheet.version!r}, columns=2, rows=600)"
    )
    assert repr(sheet.rows[0]) == f"Row(id={sheet.rows[0].id}, row_number=1, cells=2)"
