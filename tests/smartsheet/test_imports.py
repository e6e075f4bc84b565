"""ss.imports over HTTP: CSV and XLSX files become sheets (Sheets, folders, workspaces)."""

from __future__ import annotations

import io
import zipfile

import pytest

from smartsuite._core.errors import (
    BadRequestError,
    ConfigurationError,
    LimitExceededError,
    NotFoundError,
)
from smartsuite.emulator import Emulator
from smartsuite.smartsheet import SmartsheetClient
from smartsuite.smartsheet.resources.imports import CSV, XLSX

from .reports_helpers import emu, last, ss  # noqa: F401 (fixtures)

CSV_BODY = b"Name,Team,Score\nAnn,North,3\nBo,South,4.5\n"


def xlsx(rows: list[list[str | int]]) -> bytes:
    """A minimal XLSX workbook: shared strings for text, numbers inline."""
    strings: list[str] = []
    cells = []
    for r, row in enumerate(rows, start=1):
        out = []
        for c, value in enumerate(row):
            ref = f"{chr(65 + c)}{r}"
            if isinstance(value, str):
                strings.append(value)
                out.append(f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>')
            else:
                out.append(f'<c r="{ref}"><v>{value}</v></c>')
        cells.append(f'<row r="{r}">{"".join(out)}</row>')
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    sheet = f'<worksheet xmlns="{ns}"><sheetData>{"".join(cells)}</sheetData></worksheet>'
    shared = "".join(f"<si><t>{s}</t></si>" for s in strings)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        book.writestr("xl/worksheets/sheet1.xml", sheet)
        book.writestr("xl/sharedStrings.xml", f'<sst xmlns="{ns}">{shared}</sst>')
    return buffer.getvalue()


async def test_import_csv_into_sheets(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    sheet = await ss.imports.sheet(CSV_BODY, "People", header_row_index=0, primary_column_index=0)
    entry = last(emu)
    assert (entry.method, entry.path, entry.body) == ("POST", "/sheets/import", CSV_BODY)
    assert entry.query == {"sheetName": "People", "headerRowIndex": "0", "primaryColumnIndex": "0"}
    assert sheet.id is not None and sheet.name == "People" and sheet.permalink
    fetched = await ss.sheets.get(sheet.id)
    assert [c.title for c in fetched.columns or []] == ["Name", "Team", "Score"]
    assert fetched.to_records() == [
        {"Name": "Ann", "Team": "North", "Score": 3},
        {"Name": "Bo", "Team": "South", "Score": 4.5},
    ]


async def test_import_without_header_row_names_columns(
    ss: SmartsheetClient,  # noqa: F811
    emu: Emulator,  # noqa: F811
) -> None:
    sheet = await ss.imports.sheet(b"a,1\nb,2\n", "Plain", primary_column_index=1)
    assert last(emu).query == {"sheetName": "Plain", "primaryColumnIndex": "1"}
    fetched = await ss.sheets.get(sheet.id)  # type: ignore[arg-type]
    columns = fetched.columns or []
    assert [c.title for c in columns] == ["Column1", "Column2"]
    assert [c.primary for c in columns] == [None, True]
    assert fetched.total_row_count == 2


async def test_import_xlsx_into_a_folder_and_a_workspace(
    ss: SmartsheetClient,  # noqa: F811
    emu: Emulator,  # noqa: F811
) -> None:
    workspace = await ss.workspaces.create("WS")
    assert workspace.id is not None
    folder = await ss.workspaces.create_folder(workspace.id, "F")
    assert folder.id is not None
    book = xlsx([["City", "Pop"], ["Oslo", 709000], ["Bergen", 286000]])
    in_folder = await ss.imports.sheet_into_folder(
        folder.id, book, "Cities", file_type="xlsx", header_row_index=0
    )
    entry = last(emu)
    assert (entry.method, entry.path) == ("POST", f"/folders/{folder.id}/sheets/import")
    assert entry.body == book
    fetched = await ss.sheets.get(in_folder.id)  # type: ignore[arg-type]
    assert fetched.to_records() == [
        {"City": "Oslo", "Pop": 709000},
        {"City": "Bergen", "Pop": 286000},
    ]
    place = emu.smartsheet.state.sheets[in_folder.id].container  # type: ignore[index]
    assert place == ("folder", folder.id)

    in_ws = await ss.imports.sheet_into_workspace(
        workspace.id, CSV_BODY, "Crew", header_row_index=0
    )
    assert (last(emu).method, last(emu).path) == (
        "POST",
        f"/workspaces/{workspace.id}/sheets/import",
    )
    assert emu.smartsheet.state.sheets[in_ws.id].container == ("workspace", workspace.id)  # type: ignore[index]


async def test_import_errors(ss: SmartsheetClient, emu: Emulator) -> None:  # noqa: F811
    with pytest.raises(ConfigurationError, match="ASCII"):
        await ss.imports.sheet(CSV_BODY, "Café")
    with pytest.raises(ConfigurationError, match="XLS is not supported"):
        await ss.imports.sheet(CSV_BODY, "Old", file_type="xls")
    with pytest.raises(LimitExceededError, match="30 MB"):
        await ss.imports.sheet(b"x" * (30 * 1024 * 1024 + 1), "Huge")
    with pytest.raises(NotFoundError):
        await ss.imports.sheet_into_folder(999, CSV_BODY, "Lost")
    with pytest.raises(BadRequestError) as not_a_book:
        await ss.imports.sheet(b"plain text", "Bad", file_type="xlsx")
    assert not_a_book.value.code == 1008
    with pytest.raises(BadRequestError) as bad_header:
        await ss.imports.sheet(CSV_BODY, "Bad", header_row_index=10)
    assert bad_header.value.code == 1018
    assert CSV == "text/csv" and XLSX.endswith("spreadsheetml.sheet")
