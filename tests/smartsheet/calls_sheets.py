"""Operation walk entries for sheets, rows, columns, cells, cell images, sheet shares, sheet
summary and cross-sheet references: one call per operationId (dummy ids; an API error answer
is fine)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from smartsuite.smartsheet import Column, Row, SheetPublish, SmartsheetClient, SummaryField

Call = Callable[[SmartsheetClient], Awaitable[object]]

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\x0dIHDR" + b"\x00\x00\x00\x02\x00\x00\x00\x03"
COLUMNS = [Column(title="Name", type="TEXT_NUMBER", primary=True)]

CALLS: dict[str, Call] = {
    # sheets
    "list-sheets": lambda ss: ss.sheets.list(),
    "list-org-sheets": lambda ss: ss.sheets.list_org(),
    "getSheet": lambda ss: ss.sheets.get(1),
    "get-sheetVersion": lambda ss: ss.sheets.version(1),
    "create-sheet-in-sheets-folder": lambda ss: ss.sheets.create("Walk", COLUMNS),
    "create-sheet-in-folder": lambda ss: ss.sheets.create_in_folder(1, "Walk", COLUMNS),
    "create-sheet-in-workspace": lambda ss: ss.sheets.create_in_workspace(1, "Walk", COLUMNS),
    "updateSheet": lambda ss: ss.sheets.update(1, name="Renamed"),
    "deleteSheet": lambda ss: ss.sheets.delete(1),
    "copy-sheet": lambda ss: ss.sheets.copy(1, "Copy"),
    "move-sheet": lambda ss: ss.sheets.move(1, destination_type="folder", destination_id=2),
    "sheet-send": lambda ss: ss.sheets.send(1, "someone@example.com"),
    "get-sheetPublish": lambda ss: ss.sheets.get_publish(1),
    "set-sheetPublish": lambda ss: ss.sheets.set_publish(
        1, SheetPublish(read_only_lite_enabled=True)
    ),
    # rows
    "row-get": lambda ss: ss.rows.get(1, 2),
    "rows-addToSheet": lambda ss: ss.rows.add(1, [Row(to_bottom=True, cells=[])]),
    "update-rows": lambda ss: ss.rows.update(1, [Row(id=2, cells=[])]),
    "delete-rows": lambda ss: ss.rows.delete(1, [2]),
    "copy-rows": lambda ss: ss.rows.copy(1, [2], 3),
    "move-rows": lambda ss: ss.rows.move(1, [2], 3),
    "rows-sort": lambda ss: ss.rows.sort(1, [4]),
    "rows-send": lambda ss: ss.rows.send(1, [2], "someone@example.com"),
    # columns
    "columns-listOnSheet": lambda ss: ss.columns.list(1),
    "column-get": lambda ss: ss.columns.get(1, 2),
    "columns-addToSheet": lambda ss: ss.columns.add(
        1, Column(title="Extra", type="TEXT_NUMBER", index=1)
    ),
    "column-updateColumn": lambda ss: ss.columns.update(1, 2, Column(title="Renamed")),
    "column-delete": lambda ss: ss.columns.delete(1, 2),
    # cells and images
    "cellHistory-get": lambda ss: ss.cells.history(1, 2, 3),
    "addImageToCell": lambda ss: ss.cells.add_image(1, 2, 3, PNG, filename="a.png"),
    "listImageUrls": lambda ss: ss.cells.image_urls(["img1"]),
    # sheet summary
    "list-summary-fields": lambda ss: ss.summary.get(1),
    "list-summary-fields-paginated": lambda ss: ss.summary.list(1),
    "add-summary-fields": lambda ss: ss.summary.add(1, SummaryField(title="Owner")),
    "update-summary-fields": lambda ss: ss.summary.update(1, SummaryField(id=2, title="X")),
    "delete-summary-fields": lambda ss: ss.summary.delete(1, [2]),
    "add-image-summaryField": lambda ss: ss.summary.add_image(1, 2, PNG, filename="a.png"),
    # cross-sheet references
    "list-crosssheet-references": lambda ss: ss.cross_sheet_references.list(1),
    "get-crosssheet-reference": lambda ss: ss.cross_sheet_references.get(1, 2),
    "add-crosssheet-reference": lambda ss: ss.cross_sheet_references.create(
        1, "Range", 2, start_column_id=3, end_column_id=4
    ),
}
