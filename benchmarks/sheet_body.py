"""A realistic ``GET /sheets/{id}`` answer of any size, built deterministically.

The shape follows what Smartsheet sends for a sheet read without ``include``: a sheet header,
25 typed columns (text, numbers, dates, contacts, picklists, checkboxes ...) and rows whose cells
carry ``value`` and ``displayValue``, with some ``format`` strings, formulas, hyperlinks and empty
cells (``{"columnId": ...}`` only), as in
https://developers.smartsheet.com/api/smartsheet/openapi/sheets/getsheet.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator
from typing import Any

SHEET_ID = 4_583_173_393_803_140

#: (title, type) of the first columns; more columns repeat the pattern with a suffix.
COLUMN_KINDS: tuple[tuple[str, str], ...] = (
    ("Task", "TEXT_NUMBER"),
    ("Status", "PICKLIST"),
    ("Owner", "CONTACT_LIST"),
    ("Start", "DATE"),
    ("Finish", "DATE"),
    ("Hours", "TEXT_NUMBER"),
    ("Rate", "TEXT_NUMBER"),
    ("Cost", "TEXT_NUMBER"),
    ("Done", "CHECKBOX"),
    ("Priority", "PICKLIST"),
    ("Notes", "TEXT_NUMBER"),
    ("Link", "TEXT_NUMBER"),
    ("Region", "PICKLIST"),
    ("Budget", "TEXT_NUMBER"),
    ("Reviewer", "CONTACT_LIST"),
    ("Due", "DATE"),
    ("Approved", "CHECKBOX"),
    ("Code", "TEXT_NUMBER"),
    ("Quantity", "TEXT_NUMBER"),
    ("Category", "PICKLIST"),
    ("Comment", "TEXT_NUMBER"),
    ("Percent", "TEXT_NUMBER"),
    ("Account", "TEXT_NUMBER"),
    ("Phase", "PICKLIST"),
    ("Total", "TEXT_NUMBER"),
)

_STATUSES = ("Not Started", "In Progress", "Blocked", "Complete")
_PEOPLE = tuple((f"Person {i}", f"person{i}@example.com") for i in range(40))
_WORDS = [
    *("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"),
    *("lambda", "sigma", "omega", "review", "ship", "plan", "design", "build", "test"),
    *("deploy", "migrate", "audit", "budget", "forecast"),
]
_FORMATS = (",,1,,,,,,,,,,,,,,", ",,,,,,,,,,,,,,2,,", ",,,1,,,,,,,,,,,,,", ",,,,,,,,,,,,,,,3,")
_EPOCH = dt.date(2024, 1, 1)


def columns(count: int = 25) -> list[dict[str, Any]]:
    """``count`` column objects with ids, titles, types, options and widths."""
    out: list[dict[str, Any]] = []
    for index in range(count):
        title, kind = COLUMN_KINDS[index % len(COLUMN_KINDS)]
        if index >= len(COLUMN_KINDS):
            title = f"{title} {index // len(COLUMN_KINDS) + 1}"
        column: dict[str, Any] = {
            "id": 7_960_873_114_331_012 + index * 4_503_599_627_370_496 % 10**15,
            "version": 0,
            "index": index,
            "title": title,
            "type": kind,
            "validation": False,
            "width": 150,
        }
        if index == 0:
            column["primary"] = True
        if kind == "PICKLIST":
            column["options"] = list(_STATUSES)
        if kind == "CHECKBOX":
            column["symbol"] = "FLAG" if index % 2 else None
            if column["symbol"] is None:
                del column["symbol"]
        if kind == "CONTACT_LIST":
            column["contactOptions"] = [{"name": n, "email": e} for n, e in _PEOPLE[:3]]
        out.append(column)
    return out


def _cell(rng: random.Random, column: dict[str, Any], row_number: int) -> dict[str, Any]:
    cell: dict[str, Any] = {"columnId": column["id"]}
    roll = rng.random()
    if roll < 0.08 and not column.get("primary"):
        return cell  # an empty cell: only its column id
    kind = column["type"]
    title = column["title"]
    if kind == "PICKLIST":
        value: Any = rng.choice(_STATUSES)
        cell["value"] = value
        cell["displayValue"] = value
    elif kind == "CONTACT_LIST":
        name, email = rng.choice(_PEOPLE)
        cell["value"] = email
        cell["displayValue"] = name
    elif kind == "DATE":
        cell["value"] = (_EPOCH + dt.timedelta(days=rng.randrange(730))).isoformat()
    elif kind == "CHECKBOX":
        cell["value"] = rng.random() < 0.5
    elif title.startswith(("Hours", "Rate", "Budget", "Quantity", "Percent")):
        number = round(rng.uniform(0, 10_000), 2)
        cell["value"] = number
        cell["displayValue"] = f"{number:g}"
    elif title.startswith(("Cost", "Total")):
        number = round(rng.uniform(0, 100_000), 2)
        cell["value"] = number
        cell["displayValue"] = f"${number:,.2f}"
        cell["formula"] = f"=Hours{row_number} * Rate{row_number}"
    elif title.startswith("Link"):
        text = f"ticket {rng.randrange(100_000)}"
        cell["value"] = text
        cell["displayValue"] = text
        cell["hyperlink"] = {"url": f"https://tracker.example.com/t/{rng.randrange(10**6)}"}
    else:
        text = " ".join(rng.choices(_WORDS, k=rng.randrange(1, 6)))
        cell["value"] = text
        cell["displayValue"] = text
    if roll > 0.9:
        cell["format"] = rng.choice(_FORMATS)
    return cell


def _header(rows: int, column_count: int) -> dict[str, Any]:
    return {
        "id": SHEET_ID,
        "name": f"Benchmark sheet ({rows} x {column_count})",
        "version": 42,
        "totalRowCount": rows,
        "accessLevel": "OWNER",
        "effectiveAttachmentOptions": ["FILE", "GOOGLE_DRIVE", "LINK", "ONEDRIVE"],
        "ganttEnabled": False,
        "dependenciesEnabled": False,
        "resourceManagementEnabled": False,
        "cellImageUploadEnabled": True,
        "userSettings": {"criticalPathEnabled": False, "displaySummaryTasks": True},
        "userPermissions": {"summaryPermissions": "ADMIN"},
        "hasSummaryFields": False,
        "permalink": f"https://app.smartsheet.com/sheets/{SHEET_ID}",
        "createdAt": "2023-11-02T09:30:00Z",
        "modifiedAt": "2024-06-30T17:45:00Z",
        "isMultiPicklistEnabled": True,
        "columns": columns(column_count),
    }


def iter_rows(rows: int, column_count: int = 25, *, seed: int = 7) -> Iterator[dict[str, Any]]:
    """The sheet's rows, one at a time."""
    rng = random.Random(seed)
    cols = columns(column_count)
    for number in range(1, rows + 1):
        stamp = f"2024-{1 + number % 12:02d}-{1 + number % 28:02d}T{number % 24:02d}:15:00Z"
        row: dict[str, Any] = {
            "id": 1_000_000_000_000_000 + number * 7919,
            "rowNumber": number,
            "expanded": True,
            "createdAt": stamp,
            "modifiedAt": stamp,
            "cells": [_cell(rng, c, number) for c in cols],
        }
        if number % 50 == 0:
            row["format"] = ",,1,,,,,,,,,,,,,,"
        yield row


def sheet_dict(rows: int = 20_000, column_count: int = 25, *, seed: int = 7) -> dict[str, Any]:
    """The decoded form of a ``GET /sheets/{id}`` answer with ``rows`` rows."""
    return {**_header(rows, column_count), "rows": list(iter_rows(rows, column_count, seed=seed))}


def sheet_body(rows: int = 20_000, column_count: int = 25, *, seed: int = 7) -> bytes:
    """:func:`sheet_dict` encoded as the server sends it (compact UTF-8 JSON), built row by row
    so that a 16x body does not need its dict form in memory."""
    encoder = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)
    head = encoder.encode({**_header(rows, column_count), "rows": []})
    parts = [head[: -len("[]}")].encode(), b"["]
    for i, row in enumerate(iter_rows(rows, column_count, seed=seed)):
        if i:
            parts.append(b",")
        parts.append(encoder.encode(row).encode())
    parts.append(b"]}")
    return b"".join(parts)
