"""``ss.imports``: create a sheet from a CSV or XLSX file (``.../sheets/import``)."""

from __future__ import annotations

from typing import Any

from ..._core.errors import ConfigurationError, LimitExceededError
from .._resource import UPLOAD_COST, Send, SmartsheetResource, operation
from ..models.sheets import Sheet

CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: Imports share the upload limit of attachments.
MAX_IMPORT_BYTES = 30 * 1024 * 1024


def _content_type(file_type: str) -> str:
    kind = file_type.lower().lstrip(".")
    if kind == "csv":
        return CSV
    if kind == "xlsx":
        return XLSX
    raise ConfigurationError(
        f"file_type must be 'csv' or 'xlsx' (XLS is not supported), got {file_type!r}"
    )


class Imports(SmartsheetResource):
    async def _import(
        self,
        values: tuple[int, ...],
        data: bytes,
        sheet_name: str,
        file_type: str,
        header_row_index: int | None,
        primary_column_index: int | None,
    ) -> Sheet:
        if not isinstance(data, bytes | bytearray):
            raise ConfigurationError("data must be the file's bytes")
        if len(data) > MAX_IMPORT_BYTES:
            raise LimitExceededError(
                f"the file is {len(data)} bytes; imports are limited to 30 MB "
                f"({MAX_IMPORT_BYTES} bytes)"
            )
        if not sheet_name or not sheet_name.isascii():
            raise ConfigurationError("sheet_name must be a non-empty ASCII string")
        params: dict[str, Any] = {
            "sheetName": sheet_name,
            "headerRowIndex": header_row_index,
            "primaryColumnIndex": primary_column_index,
        }
        headers = {"Content-Type": _content_type(file_type), "Content-Disposition": "attachment"}
        send: Send = {"params": params, "headers": headers, "content": bytes(data)}
        return (await self._result(*values, cast_to=Sheet, **send)).result

    @operation("import-sheet-into-sheets-folder", "POST", "/sheets/import", cost=UPLOAD_COST)
    async def sheet(
        self,
        data: bytes,
        sheet_name: str,
        *,
        file_type: str = "csv",
        header_row_index: int | None = None,
        primary_column_index: int | None = None,
    ) -> Sheet:
        """Import a CSV or XLSX file as a new sheet in "Sheets" (``POST /sheets/import``).

        Args:
            data: the file's bytes (basic text; hierarchy and formulas are not imported).
            sheet_name: the new sheet's name (ASCII).
            file_type: ``csv`` or ``xlsx``.
            header_row_index: the 0-based row holding column titles (default: none, the
                columns are named Column1, Column2 ...).
            primary_column_index: the 0-based column to make primary (default 0).

        Returns:
            The new sheet (id, name, permalink ...).

        Raises:
            ConfigurationError: a non-ASCII name or an unsupported file type.
            LimitExceededError: a file above 30 MB.
        """
        return await self._import(
            (), data, sheet_name, file_type, header_row_index, primary_column_index
        )

    @operation(
        "import-sheet-into-folder", "POST", "/folders/{folderId}/sheets/import", cost=UPLOAD_COST
    )
    async def sheet_into_folder(
        self,
        folder_id: int,
        data: bytes,
        sheet_name: str,
        *,
        file_type: str = "csv",
        header_row_index: int | None = None,
        primary_column_index: int | None = None,
    ) -> Sheet:
        """Import a CSV or XLSX file as a new sheet in a folder
        (``POST /folders/{folderId}/sheets/import``); arguments as for :meth:`sheet`."""
        return await self._import(
            (folder_id,), data, sheet_name, file_type, header_row_index, primary_column_index
        )

    @operation(
        "import-sheet-into-workspace",
        "POST",
        "/workspaces/{workspaceId}/sheets/import",
        cost=UPLOAD_COST,
    )
    async def sheet_into_workspace(
        self,
        workspace_id: int,
        data: bytes,
        sheet_name: str,
        *,
        file_type: str = "csv",
        header_row_index: int | None = None,
        primary_column_index: int | None = None,
    ) -> Sheet:
        """Import a CSV or XLSX file as a new sheet in a workspace
        (``POST /workspaces/{workspaceId}/sheets/import``); arguments as for :meth:`sheet`."""
        return await self._import(
            (workspace_id,), data, sheet_name, file_type, header_row_index, primary_column_index
        )
