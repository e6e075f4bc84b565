"""ss.rows over HTTP: adds from dicts (column ids, strict, locations, object values), partial
success mapped to input indexes, local limit refusals, update, delete, get, copy, move, sort and
email."""

# ruff: noqa: F811  (pytest fixtures imported from sheet_helpers)

from __future__ import annotations

import pytest

from smartsuite import BadRequestError, ConfigurationError, LimitExceededError, Outcome
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import Cell, Column, Row, SmartsheetClient

from .sheet_helpers import emu, last, ss, task_sheet  # noqa: F401


async def test_add_from_dicts_sends_column_ids(ss: SmartsheetClient, emu: Emulator) -> None:
    sheet = await task_sheet(ss)
    ids = {c.title: c.id for c in sheet.columns or []}
    result = await ss.rows.add(
        sheet.id,
        [
            {
                "Task": "A",
                "Done": True,
                "Tags": ["red", "blue"],
                "People": ["a@x.io", {"email": "b@x.io", "name": "B"}],
            }
        ],
        strict=False,
        to_top=True,
    )
    post = last(emu, "POST")
    assert post.path == f"/sheets/{sheet.id}/rows"
    assert post.json() == [
        {
            "toTop": True,
            "cells": [
                {"columnId": ids["Task"], "value": "A", "strict": False},
                {"columnId": ids["Done"], "value": True, "strict": False},
                {
                    "columnId": ids["Tags"],
                    "objectValue": {"objectType": "MULTI_PICKLIST", "values": ["red", "blue"]},
                },
                {
                    "columnId": ids["People"],
                    "objectValue": {
                        "objectType": "MULTI_CONTACT",
                        "values": [
                            {"objectType": "CONTACT", "email": "a@x.io"},
                            {"objectType": "CONTACT", "email": "b@x.io", "name": "B"},
                        ],
                    },
                },
            ],
        }
    ]
    shape = [e for e in emu.smartsheet.log if e.method == "GET"][-1]
    assert shape.query == {"pageSize": "1", "page": "1", "level": "2"}
    row = result[0].value
    assert row is not None and row.id and row["Task"] == "A" and row["People"] == "a@x.io, B"


async def test_unknown_title_and_bad_list_are_refused_locally(
    ss: SmartsheetClient, emu: Emulator
) -> None:
    sheet = await task_sheet(ss)
    before = len(emu.smartsheet.log)
    with pytest.raises(ConfigurationError, match="no column titled 'Nope'"):
        await ss.rows.add(sheet.id, [{"Nope": 1}])
    with pytest.raises(ConfigurationError, match="only MULTI_PICKLIST"):
        await ss.rows.add(sheet.id, [{"Task": ["a"]}])
    assert all(e.method == "GET" for e in emu.smartsheet.log[before:])


async def test_partial_success_maps_failures_to_input_indexes(
    ss: SmartsheetClient, emu: Emulator
) -> None:
    sheet = await task_sheet(ss)
    rows = [{"Task": f"T{i}", "Done": i % 2 == 0} for i in range(7)]
    rows[1]["Done"] = "nope"
    rows[5]["Done"] = "nope"
    result = await ss.rows.add(sheet.id, rows, allow_partial_success=True, batch_size=3)
    assert result.requests == 3
    assert [r.outcome for r in result] == [
        Outcome.LANDED,
        Outcome.FAILED,
        Outcome.LANDED,
        Outcome.LANDED,
        Outcome.LANDED,
        Outcome.FAILED,
        Outcome.LANDED,
    ]
    assert [(f.index, f.error.code) for f in result.failed] == [(1, 1042), (5, 1042)]  # type: ignore[union-attr]
    assert [r.value["Task"] for r in result.landed] == ["T0", "T2", "T3", "T4", "T6"]  # type: ignore[index]
    assert all(
        e.query.get("allowPartialSuccess") == "true"
        for e in emu.smartsheet.log
        if e.method == "POST" and e.path.endswith("/rows")
    )
    stored = await ss.sheets.get(sheet.id)
    assert [r["Task"] for r in stored.rows or []] == ["T0", "T2", "T3", "T4", "T6"]


async def test_without_partial_success_a_bad_row_fails_its_batch(ss: SmartsheetClient) -> None:
    sheet = await task_sheet(ss)
    rows = [{"Task": "ok"}, {"Task": "bad", "Done": "x"}]
    result = await ss.rows.add(sheet.id, rows)
    assert [r.outcome for r in result] == [Outcome.FAILED, Outcome.FAILED]
    assert isinstance(result[0].error, BadRequestError) and result[0].error.code == 1042
    assert (await ss.sheets.get(sheet.id)).rows == []


async def test_limits_are_refused_before_sending(ss: SmartsheetClient, emu: Emulator) -> None:
    sheet = await ss.sheets.create(
        "Wide", [Column(title=f"C{i}", primary=i == 0) for i in range(100)]
    )
    before = len(emu.smartsheet.log)
    with pytest.raises(LimitExceededError, match="between 1 and 500"):
        await ss.rows.add(sheet.id, [Row(cells=[])], batch_size=501)
    with pytest.raises(LimitExceededError, match="4001 characters"):
        await ss.rows.add(sheet.id, [{"C0": "x" * 4001}])
    with pytest.raises(LimitExceededError, match="500000"):
        await ss.rows.add(sheet.id, [{"C0": i} for i in range(5001)])
    assert not [e for e in emu.smartsheet.log[before:] if e.method == "POST"]
    # Row objects: checked when more than one batch goes (or check_limits=True)
    with pytest.raises(LimitExceededError):
        await ss.rows.add(sheet.id, [Row(cells=[])] * 5001)
    with pytest.raises(LimitExceededError):
        await ss.rows.add(sheet.id, [Row(cells=[])] * 5001, batch_size=500, check_limits=True)


async def test_server_refuses_what_slips_through(ss: SmartsheetClient) -> None:
    sheet = await ss.sheets.create(
        "Wide", [Column(title=f"C{i}", primary=i == 0) for i in range(100)]
    )
    rows = [Row(cells=[Cell(column_id=sheet.columns[0].id, value=1)])] * 5001  # type: ignore[index]
    result = await ss.rows.add(sheet.id, rows, check_limits=False)
    assert [r.error.code for r in result.failed][-1] == 1061  # type: ignore[union-attr]
    assert len(result.landed) == 5000


async def test_locations_parent_sibling_and_1123(ss: SmartsheetClient, emu: Emulator) -> None:
    sheet = await task_sheet(ss, [{"Task": "P"}, {"Task": "Q"}])
    parent, q = [r.id for r in sheet.rows or []]
    await ss.rows.add(
        sheet.id, [{"Task": "child1"}, {"Task": "child2"}], parent_id=parent, to_bottom=True
    )
    assert last(emu, "POST").json()[0]["parentId"] == parent
    await ss.rows.add(sheet.id, [{"Task": "above-q"}], sibling_id=q, above=True)
    assert last(emu, "POST").json() == [
        {
            "siblingId": q,
            "above": True,
            "cells": [{"columnId": sheet.column("Task").id, "value": "above-q"}],
        }
    ]
    got = await ss.sheets.get(sheet.id)
    assert [r["Task"] for r in got.rows or []] == ["P", "child1", "child2", "above-q", "Q"]
    assert [r.parent_id for r in got.rows or []][:3] == [None, parent, parent]
    mixed = await ss.rows.add(
        sheet.id, [{"Task": "a", "to_top": True}, {"Task": "b"}], to_bottom=True
    )
    assert {r.error.code for r in mixed.failed} == {1123}  # type: ignore[union-attr]
    bad = await ss.rows.add(sheet.id, [{"Task": "z"}], parent_id=999)
    assert bad.failed[0].error.code == 1063  # type: ignore[union-attr]


async def test_update_delete_and_get(ss: SmartsheetClient, emu: Emulator) -> None:
    sheet = await task_sheet(ss, [{"Task": "A"}, {"Task": "B"}, {"Task": "C"}])
    a, b, c = [r.id for r in sheet.rows or []]
    updated = await ss.rows.update(
        sheet.id, [{"id": a, "Status": "Done"}, {"id": c, "Status": "Open"}]
    )
    put = last(emu, "PUT")
    assert put.path == f"/sheets/{sheet.id}/rows" and [r["id"] for r in put.json()] == [a, c]
    assert [r.value["Status"] for r in updated] == ["Done", "Open"]  # type: ignore[index]
    with pytest.raises(ConfigurationError, match="no id"):
        await ss.rows.update(sheet.id, [{"Status": "Done"}])

    row = await ss.rows.get(sheet.id, a, include=["columns"], level=2)
    assert last(emu).query == {"include": "columns", "level": "2"}
    assert row.to_record()["Status"] == "Done" and row["Task"] == "A"
    bare = await ss.rows.get(sheet.id, b)
    with pytest.raises(ConfigurationError, match="does not know its sheet's columns"):
        bare.value("Task")
    assert bare.value(sheet.column("Task").id) == "B"

    deleted = await ss.rows.delete(sheet.id, [a, 12345])
    assert last(emu, "DELETE").query["ids"] == f"{a},12345"
    assert [r.outcome for r in deleted] == [Outcome.FAILED, Outcome.FAILED]  # 404: nothing deleted
    deleted = await ss.rows.delete(sheet.id, [a, 12345], ignore_rows_not_found=True)
    assert deleted.ok
    assert [r["Task"] for r in (await ss.sheets.get(sheet.id)).rows or []] == ["B", "C"]


async def test_copy_move_sort_and_send(ss: SmartsheetClient, emu: Emulator) -> None:
    source = await task_sheet(ss, [{"Task": "b"}, {"Task": "a"}, {"Task": "c"}])
    target = await task_sheet(ss)
    ids = [r.id for r in source.rows or []]
    copied = await ss.rows.copy(source.id, ids[:2], target.id, include=["all"])
    post = last(emu, "POST")
    assert post.path == f"/sheets/{source.id}/rows/copy" and post.query["include"] == "all"
    assert post.json() == {"rowIds": ids[:2], "to": {"sheetId": target.id}}
    assert copied.destination_sheet_id == target.id
    assert [m.from_ for m in copied.row_mappings or []] == ids[:2]

    moved = await ss.rows.move(source.id, [ids[2]], target.id)
    assert last(emu, "POST").path == f"/sheets/{source.id}/rows/move"
    assert len(moved.row_mappings or []) == 1
    assert [r["Task"] for r in (await ss.sheets.get(target.id)).rows or []] == ["b", "a", "c"]
    assert [r["Task"] for r in (await ss.sheets.get(source.id)).rows or []] == ["b", "a"]
    with pytest.raises(BadRequestError) as err:
        await ss.rows.move(source.id, [ids[0]], source.id)
    assert err.value.code == 1136

    task = target.column("Task").id
    assert task is not None
    ordered = await ss.rows.sort(target.id, [(task, "descending")])
    assert last(emu, "POST").json() == {
        "sortCriteria": [{"columnId": task, "direction": "DESCENDING"}]
    }
    assert [r["Task"] for r in ordered.rows or []] == ["c", "b", "a"]

    sent = await ss.rows.send(
        source.id, ids[:1], "boss@example.com", subject="FYI", layout="VERTICAL"
    )
    assert sent.result_code == 0
    assert last(emu, "POST").json() == {
        "rowIds": ids[:1],
        "sendTo": [{"email": "boss@example.com"}],
        "subject": "FYI",
        "layout": "VERTICAL",
    }
