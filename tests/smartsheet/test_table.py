"""Table ergonomics: rows read by column title, records, rows built from dicts, object values."""

from __future__ import annotations

import datetime as dt

import pytest

from smartsuite import ConfigurationError
from smartsuite.smartsheet import (
    Cell,
    Column,
    RecordEncoder,
    Row,
    Sheet,
    multi_contact,
    multi_picklist,
)
from smartsuite.smartsheet._converter import CONVERTER

WIRE = {
    "id": 1,
    "columns": [
        {"id": 10, "title": "Name", "type": "TEXT_NUMBER", "primary": True},
        {"id": 11, "title": "Qty", "type": "TEXT_NUMBER"},
        {"id": 12, "title": "Tags", "type": "MULTI_PICKLIST"},
    ],
    "rows": [
        {"id": 100, "cells": [{"columnId": 10, "value": "a"}, {"columnId": 11, "value": 2}]},
        {"id": 101, "cells": [{"columnId": 10, "value": "b"}], "futureField": {"x": 1}},
    ],
}


def decoded() -> Sheet:
    return CONVERTER.structure(WIRE, Sheet)


def test_rows_of_a_sheet_read_by_title() -> None:
    sheet = decoded()
    first, second = sheet.rows or []
    assert first["Name"] == "a" and first.value("Qty") == 2 and first[11] == 2
    assert second["Qty"] is None and second.value("Qty", 0) == 0
    assert first.cell("Name") == Cell(column_id=10, value="a")
    with pytest.raises(KeyError, match="no column titled 'Nope'"):
        first["Nope"]
    assert sheet.to_records() == [
        {"Name": "a", "Qty": 2, "Tags": None},
        {"Name": "b", "Qty": None, "Tags": None},
    ]
    assert first.to_record() == sheet.to_records()[0]
    assert sheet.column("Qty").id == 11 and sheet.column(12).title == "Tags"
    assert sheet.get_row(101) is second
    with pytest.raises(ConfigurationError, match="'Name', 'Qty', 'Tags'"):
        sheet.column("Missing")


def test_rows_share_one_lazy_index() -> None:
    sheet = decoded()
    first, second = sheet.rows or []
    assert first._index is second._index is sheet.column_index()


def test_write_rows_stay_plain() -> None:
    row = decoded().make_row({"Name": "z", "Qty": 3, "Tags": ["x"]}, to_bottom=True)
    wire = CONVERTER.unstructure(row)
    assert wire == {
        "toBottom": True,
        "cells": [
            {"columnId": 10, "value": "z"},
            {"columnId": 11, "value": 3},
            {"columnId": 12, "objectValue": {"objectType": "MULTI_PICKLIST", "values": ["x"]}},
        ],
    }
    assert Row(id=5) == Row(id=5)


def test_encoder_values() -> None:
    columns = [
        Column(id=1, title="When", type="DATE"),
        Column(id=2, title="Who", type="MULTI_CONTACT_LIST"),
        Column(id=3, title="Calc", type="TEXT_NUMBER"),
    ]
    enc = RecordEncoder(columns, strict=True)
    row = enc.row(
        {
            "When": dt.date(2025, 1, 2),
            "Who": ("a@x.io",),
            "Calc": Cell(formula="=1+1"),
            "id": 9,
            "parent_id": 4,
        },
        sibling_id=8,
    )
    assert row.id == 9 and row.parent_id == 4 and row.sibling_id == 8
    assert [CONVERTER.unstructure(c) for c in row.cells or []] == [
        {"columnId": 1, "value": "2025-01-02", "strict": True},
        {
            "columnId": 2,
            "objectValue": {
                "objectType": "MULTI_CONTACT",
                "values": [{"objectType": "CONTACT", "email": "a@x.io"}],
            },
        },
        {"columnId": 3, "formula": "=1+1"},
    ]
    assert enc.row({"When": None}).cells == []
    with pytest.raises(ConfigurationError, match="cannot send a dict"):
        enc.row({"Calc": {"not": "an object value"}})
    with pytest.raises(ConfigurationError, match="unknown row location"):
        enc.row({}, sideways=True)


def test_object_value_builders() -> None:
    assert multi_picklist(["a", "b"]) == {"objectType": "MULTI_PICKLIST", "values": ["a", "b"]}
    assert multi_contact([{"email": "a@x.io", "name": "A"}])["values"] == [
        {"objectType": "CONTACT", "email": "a@x.io", "name": "A"}
    ]
    with pytest.raises(ConfigurationError, match="email"):
        multi_contact(["not-an-email"])
