"""Faithful, lossless Smartsheet decoding over HTTP (a scripted server sends what the docs show,
and worse): no coercion, documented looser forms on purpose, misfits kept and reported, unknown
fields kept in ``extra``, the fields the models used to drop, and typed constructor errors."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import pytest

from smartsuite import DecodeError
from smartsuite._core import model
from smartsuite._core.config import RateLimitConfig
from smartsuite._core.model import DECODED, ModelTypeError
from smartsuite._core.serde import strict_decoding
from smartsuite.smartsheet import Cell, Column, Row, SmartsheetClient

from ..core.support import Answer, ScriptedServer, server  # noqa: F401

FAST = RateLimitConfig(rate=100_000, per=1, burst=1_000)

ROW: dict[str, Any] = {
    "id": 11,
    "rowNumber": 1,
    "expanded": "false",  # a string in a boolean field: never True
    "permaLink": "https://app.smartsheet.com/r/11",  # the docs' spelling
    "proofs": {"id": 3, "name": "poster.pdf"},
    "modifiedAt": 1714557600000,  # numericDates: epoch milliseconds
    "futureField": [1, 2],
    "cells": [
        {"columnId": 5, "value": "a", "displayValue": "a"},
        {"columnId": 6, "value": 3, "strict": "no", "newCellThing": True},
    ],
}


async def client(server: ScriptedServer) -> SmartsheetClient:  # noqa: F811
    return SmartsheetClient("t", base_url=server.url, rate_limit=FAST)


async def test_rows_decode_faithfully(server: ScriptedServer, caplog: Any) -> None:  # noqa: F811
    server.script(Answer(body=ROW), Answer(body=ROW))
    caplog.set_level(logging.WARNING, "smartsuite.decode")
    model._warned.clear()  # once per process: forget what earlier tests logged
    async with await client(server) as ss:
        row = await ss.rows.get(1, 11)
    assert row.expanded == "false" and row.permalink == "https://app.smartsheet.com/r/11"
    assert row.proofs == {"id": 3, "name": "poster.pdf"}
    assert row.modified_at == dt.datetime(2024, 5, 1, 10, tzinfo=dt.UTC)
    assert row.extra == {"futureField": [1, 2]}
    assert [(i.model, i.field, i.value) for i in row.decode_issues] == [
        ("Row", "expanded", "false")
    ]
    plain, odd = row.cells
    assert plain._state is DECODED and plain.extra == {}  # the shared empty state
    assert odd.strict == "no" and odd.extra == {"newCellThing": True}
    assert odd.decode_issues[0].field == "strict"
    assert "Row.expanded" in caplog.text and "Cell.strict" in caplog.text
    caplog.clear()
    async with await client(server) as ss:
        await ss.rows.get(1, 11)
    assert caplog.text == ""  # logged once, not once per row


async def test_strict_decoding_names_model_field_and_value(server: ScriptedServer) -> None:  # noqa: F811
    server.script(Answer(body=ROW), Answer(body={**ROW, "id": 1.9}))
    async with await client(server) as ss:
        with strict_decoding(), pytest.raises(DecodeError, match=r"Row\.expanded.*'false'"):
            await ss.rows.get(1, 11)
        with pytest.raises(DecodeError, match=r"Row\.id.*1\.9"):
            await ss.rows.get(1, 11)  # 1.9 is never the id 1


async def test_cell_history_and_page_size(server: ScriptedServer) -> None:  # noqa: F811
    entry = {
        "columnId": 5,
        "value": "v",
        "conditionalFormat": ",,1",
        "linkInFromCell": {"sheetId": 1, "rowId": 2, "columnId": 3, "status": "OK"},
        "linksOutToCells": [{"sheetId": 9, "rowId": 8, "columnId": 7}],
        "overrideValidation": True,
        "strict": False,
        "modifiedAt": "2024-05-01T10:00:00Z",
        "modifiedBy": {"email": "a@x.io"},
    }
    server.script(
        Answer(
            body={"pageNumber": 1, "pageSize": 1, "totalPages": 1, "totalCount": 1, "data": [entry]}
        )
    )
    async with await client(server) as ss:
        page = await ss.cells.history(1, 2, 5)
    (got,) = page.items
    assert page.page_size == 1 and page.total_count == 1
    assert got.conditional_format == ",,1" and got.link_in_from_cell == entry["linkInFromCell"]
    assert got.links_out_to_cells == entry["linksOutToCells"]
    assert got.override_validation is True and got.strict is False and got.extra == {}


async def test_integer_in_float_field_and_open_enums(server: ScriptedServer) -> None:  # noqa: F811
    server.script(
        Answer(
            body={
                "id": 1,
                "name": "S",
                "columns": [{"id": 5, "title": "T", "type": "HOLOGRAM"}],
                "rows": [],
            }
        )
    )
    async with await client(server) as ss:
        sheet = await ss.sheets.get(1)
    assert sheet.columns[0].type == "HOLOGRAM" and sheet.columns[0].decode_issues == ()


def test_constructors_refuse_wrong_types_naming_the_field() -> None:
    with pytest.raises(ModelTypeError, match=r"Row\.cells: expected list\[Cell\]"):
        Row(cells="abc")  # type: ignore[arg-type]
    with pytest.raises(ModelTypeError, match=r"Cell\.column_id: expected int, got str 'x'"):
        Cell(column_id="x")  # type: ignore[arg-type]
    with pytest.raises(ModelTypeError, match=r"Column\.index"):
        Column(index=True)  # type: ignore[arg-type]
    cell = Cell(column_id=1)
    with pytest.raises(ModelTypeError, match=r"Cell\.strict"):
        cell.strict = "yes"  # type: ignore[assignment]
    assert isinstance(ModelTypeError("x"), TypeError)


async def test_share_ids_arrive_as_text_or_numbers(server: ScriptedServer) -> None:  # noqa: F811
    shares = [
        {"id": "AQAISF82FOeE", "type": "USER", "userId": 1539725208119172, "accessLevel": "EDITOR"},
        {"id": 4444, "type": "GROUP", "groupId": "2331373580117892", "accessLevel": "VIEWER"},
    ]
    server.script(Answer(body={"items": shares}))  # the 2026 /shares list: token-paged
    async with await client(server) as ss:
        user, group = await ss.shares.list("sheet", 1).to_list()
    # /shares ids are text (Python SDK 3.5.3+); a number is read as its decimal text
    assert user.id == "AQAISF82FOeE" and user.user_id == "1539725208119172"
    assert group.id == "4444" and group.group_id == "2331373580117892"
    assert user.decode_issues == () and group.decode_issues == ()
    assert group.access_level == "VIEWER"
