"""The GET-sheet body as msgspec structs: the "what Python can do" reference of benchmark 1.

Typed like smartsuite's models where the body says what a field is (ids are ints, flags bools,
timestamps datetimes, cell values a union of the JSON scalars); decoded straight from bytes by
``msgspec.json.decode(body, type=Sheet)``. Only used by the benchmarks (``pip install msgspec``,
part of the ``bench`` extra).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec


class Hyperlink(msgspec.Struct, rename="camel", omit_defaults=True):
    url: str | None = None
    sheet_id: int | None = None
    report_id: int | None = None


class Contact(msgspec.Struct, rename="camel", omit_defaults=True):
    email: str | None = None
    name: str | None = None


class Cell(msgspec.Struct, rename="camel", omit_defaults=True):
    column_id: int
    value: str | int | float | bool | None = None
    display_value: str | None = None
    formula: str | None = None
    format: str | None = None
    hyperlink: Hyperlink | None = None


class Row(msgspec.Struct, rename="camel", omit_defaults=True):
    id: int
    row_number: int | None = None
    expanded: bool | None = None
    created_at: dt.datetime | None = None
    modified_at: dt.datetime | None = None
    format: str | None = None
    cells: list[Cell] = []


class Column(msgspec.Struct, rename="camel", omit_defaults=True):
    id: int
    index: int
    title: str
    type: str
    version: int | None = None
    primary: bool | None = None
    validation: bool | None = None
    width: int | None = None
    options: list[str] | None = None
    symbol: str | None = None
    contact_options: list[Contact] | None = None


class Sheet(msgspec.Struct, rename="camel", omit_defaults=True):
    id: int
    name: str
    version: int | None = None
    total_row_count: int | None = None
    access_level: str | None = None
    effective_attachment_options: list[str] | None = None
    gantt_enabled: bool | None = None
    dependencies_enabled: bool | None = None
    resource_management_enabled: bool | None = None
    cell_image_upload_enabled: bool | None = None
    user_settings: dict[str, Any] | None = None
    user_permissions: dict[str, Any] | None = None
    has_summary_fields: bool | None = None
    permalink: str | None = None
    created_at: dt.datetime | None = None
    modified_at: dt.datetime | None = None
    is_multi_picklist_enabled: bool | None = None
    columns: list[Column] = []
    rows: list[Row] = []


_DECODER = msgspec.json.Decoder(Sheet)


def decode(body: bytes) -> Sheet:
    return _DECODER.decode(body)


def records(sheet: Sheet) -> list[dict[str, Any]]:
    """Title -> value per row, as ``Sheet.to_records()`` gives them (for the check)."""
    titles = {c.id: c.title for c in sheet.columns}
    out = []
    for row in sheet.rows:
        record: dict[str, Any] = dict.fromkeys(titles.values())
        for cell in row.cells:
            record[titles[cell.column_id]] = cell.value
        out.append(record)
    return out
