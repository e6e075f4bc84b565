"""``ss.sheets``: list, get, create (in Sheets, a folder or a workspace, from columns or a
template), update, delete, copy, move, email, publish and version."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..._core.errors import ConfigurationError
from ..._core.ids import ident, idents
from ..._core.paging import AsyncPaginator
from .._resource import SmartsheetResource, operation
from ..models.common import Result
from ..models.sheet_extras import SheetPublish, SheetVersion
from ..models.sheets import Column, Sheet
from ..sheet_refresh import remember
from ._containers import sent_destination
from ._deprecation import warn_deprecated
from ._params import email_body

ColumnInput = Column | dict[str, Any]
_DESTINATIONS = ("home", "folder", "workspace")


class Sheets(SmartsheetResource):
    @operation("list-sheets", "GET", "/sheets")
    def list(
        self,
        *,
        include: Sequence[str] | None = None,
        modified_since: str | None = None,
        access_api_level: int | None = None,
        numeric_dates: bool | None = None,
        page_size: int | None = None,
    ) -> AsyncPaginator[Sheet]:
        """List the sheets the token can see (``GET /sheets``, operationId ``list-sheets``).

        Args:
            include: ``sheetVersion``, ``source`` ...
            modified_since: ISO-8601 timestamp; only sheets modified since.
            access_api_level: 1 to include viewer-commenter levels.
            numeric_dates: dates as milliseconds since the epoch.
            page_size: page size for the walk (default 1000).

        Returns:
            A paginator: ``async for sheet in ss.sheets.list()`` walks every page.
        """
        params = {
            "include": include,
            "modifiedSince": modified_since,
            "accessApiLevel": access_api_level,
            "numericDates": numeric_dates,
        }
        return self._index(cast_to=Sheet, params=params, page_size=page_size)

    @operation("list-org-sheets", "GET", "/users/sheets")
    def list_org(
        self, *, modified_since: str | None = None, page_size: int | None = None
    ) -> AsyncPaginator[Sheet]:
        """List every sheet owned by members of the organization (admins only;
        ``GET /users/sheets``, ``list-org-sheets``)."""
        return self._index(
            cast_to=Sheet, params={"modifiedSince": modified_since}, page_size=page_size
        )

    @operation("getSheet", "GET", "/sheets/{sheetId}")
    async def get(
        self,
        sheet_id: int,
        *,
        include: Sequence[str] | None = None,
        exclude: Sequence[str] | None = None,
        row_ids: Iterable[int] | None = None,
        row_numbers: Iterable[int] | None = None,
        column_ids: Iterable[int] | None = None,
        filter_id: str | None = None,
        if_version_after: int | None = None,
        rows_modified_since: str | None = None,
        level: int | None = None,
        access_api_level: int | None = None,
        page_size: int | None = None,
        page: int | None = None,
    ) -> Sheet:
        """Get a sheet with its columns, rows and cells (``GET /sheets/{sheetId}``,
        ``getSheet``). Rows of the result are readable by column title (``row["Status"]``)
        and ``to_records()`` gives dicts.

        Args:
            include: ``objectValue``, ``format``, ``discussions``, ``attachments`` ...
            exclude: ``nonexistentCells`` ...
            row_ids / row_numbers / column_ids: only these rows / columns.
            if_version_after: answer only the version when the sheet has not changed since.
            level: 2 to see multi-contact / multi-picklist columns with their own types.
            page_size / page: one page of rows.

        Raises:
            NotFoundError: no such sheet (errorCode 1006).
        """
        params = {
            "include": include,
            "exclude": exclude,
            "rowIds": _ids(row_ids, "row_ids"),
            "rowNumbers": _ids(row_numbers, "row_numbers"),
            "columnIds": _ids(column_ids, "column_ids"),
            "filterId": filter_id,
            "ifVersionAfter": if_version_after,
            "rowsModifiedSince": rows_modified_since,
            "level": level,
            "accessApiLevel": access_api_level,
            "pageSize": page_size,
            "page": page,
        }
        sheet = await self._object(sheet_id, cast_to=Sheet, params=params)
        remember(sheet, self, params)  # for sheet.refresh()
        return sheet

    @operation("get-sheetVersion", "GET", "/sheets/{sheetId}/version")
    async def version(self, sheet_id: int) -> int:
        """The sheet's current version (``GET /sheets/{sheetId}/version``): cheap change
        detection."""
        got = await self._object(sheet_id, cast_to=SheetVersion)
        return got.version or 0

    @operation("create-sheet-in-sheets-folder", "POST", "/sheets")
    async def create(
        self,
        name: str,
        columns: Iterable[ColumnInput] | None = None,
        *,
        from_id: int | None = None,
        include: Sequence[str] | None = None,
        access_api_level: int | None = None,
    ) -> Sheet:
        """Create a sheet in "Sheets" (``POST /sheets``, ``create-sheet-in-sheets-folder``).

        Deprecated by Smartsheet (the Sheets folder, since 2025-03-25; still answered, no
        sunset date): warns. Create in a workspace or folder instead.

        Args:
            name: the sheet name.
            columns: the columns; exactly one must have ``primary=True``.
            from_id: a template or sheet id to create from instead of columns.
            include: what to copy from the template (``data``, ``attachments`` ...).

        Raises:
            ConfigurationError: neither or both of ``columns`` and ``from_id``.
            BadRequestError: the server refused the columns (1055, 1056, 1057 ...).
        """
        warn_deprecated("POST /sheets", "ss.sheets.create_in_workspace / create_in_folder")
        body = self._create_body(name, columns, from_id)
        params = {"include": include, "accessApiLevel": access_api_level}
        return (await self._result(cast_to=Sheet, json=body, params=params)).result

    @operation("create-sheet-in-folder", "POST", "/folders/{folderId}/sheets")
    async def create_in_folder(
        self,
        folder_id: int,
        name: str,
        columns: Iterable[ColumnInput] | None = None,
        *,
        from_id: int | None = None,
        include: Sequence[str] | None = None,
    ) -> Sheet:
        """Create a sheet in a folder (``POST /folders/{folderId}/sheets``); see
        :meth:`create` for the arguments."""
        body = self._create_body(name, columns, from_id)
        result = await self._result(
            folder_id, cast_to=Sheet, json=body, params={"include": include}
        )
        return result.result

    @operation("create-sheet-in-workspace", "POST", "/workspaces/{workspaceId}/sheets")
    async def create_in_workspace(
        self,
        workspace_id: int,
        name: str,
        columns: Iterable[ColumnInput] | None = None,
        *,
        from_id: int | None = None,
        include: Sequence[str] | None = None,
        access_api_level: int | None = None,
    ) -> Sheet:
        """Create a sheet at the top of a workspace (``POST /workspaces/{workspaceId}/sheets``);
        see :meth:`create` for the arguments."""
        body = self._create_body(name, columns, from_id)
        params = {"include": include, "accessApiLevel": access_api_level}
        return (await self._result(workspace_id, cast_to=Sheet, json=body, params=params)).result

    @operation("updateSheet", "PUT", "/sheets/{sheetId}")
    async def update(
        self,
        sheet_id: int,
        *,
        name: str | None = None,
        project_settings: dict[str, Any] | None = None,
        user_settings: dict[str, Any] | None = None,
        access_api_level: int | None = None,
    ) -> Sheet:
        """Rename a sheet or change its settings (``PUT /sheets/{sheetId}``, ``updateSheet``).

        Args:
            name: the new name.
            project_settings: ``{"workingDays": [...], "nonWorkingDays": [...],
                "lengthOfDay": 8}``.
            user_settings: ``{"criticalPathEnabled": True, "displaySummaryTasks": True}``.

        Returns:
            The updated sheet (without rows).
        """
        body = {"name": name, "projectSettings": project_settings, "userSettings": user_settings}
        payload = {k: v for k, v in body.items() if v is not None}
        if not payload:
            raise ConfigurationError("nothing to update: give name, project_settings or ...")
        result = await self._result(
            sheet_id, cast_to=Sheet, json=payload, params={"accessApiLevel": access_api_level}
        )
        return result.result

    @operation("deleteSheet", "DELETE", "/sheets/{sheetId}")
    async def delete(self, sheet_id: int) -> Result:
        """Delete a sheet (``DELETE /sheets/{sheetId}``, ``deleteSheet``).

        Raises:
            NotFoundError: no such sheet.
        """
        return await self._result(sheet_id)

    @operation("copy-sheet", "POST", "/sheets/{sheetId}/copy")
    async def copy(
        self,
        sheet_id: int,
        new_name: str,
        *,
        destination_type: str = "home",
        destination_id: int | None = None,
        include: Sequence[str] | None = None,
        exclude: Sequence[str] | None = None,
    ) -> Sheet:
        """Copy a sheet (``POST /sheets/{sheetId}/copy``, ``copy-sheet``).

        Args:
            new_name: the copy's name.
            destination_type: ``home``, ``folder`` or ``workspace``.
            destination_id: the folder or workspace (not for ``home``).
            include: ``data``, ``attachments``, ``discussions``, ``cellLinks``, ``shares`` ...
                (``all`` is not accepted by this operation).

        Returns:
            The new sheet (id, name, permalink).
        """
        body = sent_destination(destination_type, destination_id, kinds=_DESTINATIONS)
        body["newName"] = new_name
        params = {"include": include, "exclude": exclude}
        return (await self._result(sheet_id, cast_to=Sheet, json=body, params=params)).result

    @operation("move-sheet", "POST", "/sheets/{sheetId}/move")
    async def move(
        self, sheet_id: int, *, destination_type: str, destination_id: int | None = None
    ) -> Sheet:
        """Move a sheet to a folder, a workspace or home (``POST /sheets/{sheetId}/move``)."""
        body = sent_destination(destination_type, destination_id, kinds=_DESTINATIONS)
        return (await self._result(sheet_id, cast_to=Sheet, json=body)).result

    @operation("sheet-send", "POST", "/sheets/{sheetId}/emails")
    async def send(
        self,
        sheet_id: int,
        send_to: Any,
        *,
        format: str = "PDF",
        paper_size: str | None = None,
        subject: str | None = None,
        message: str | None = None,
        cc_me: bool | None = None,
    ) -> Result:
        """Email the sheet as an attachment (``POST /sheets/{sheetId}/emails``, ``sheet-send``).

        Args:
            send_to: email addresses, group ids or :class:`Recipient` objects.
            format: ``PDF``, ``EXCEL`` or ``PDF_GANTT``.
            paper_size: ``LETTER``, ``LEGAL``, ``A4`` ... (PDF only).
        """
        body = email_body(send_to, format, paper_size, subject, message, cc_me)
        return await self._result(sheet_id, json=body)

    @operation("get-sheetPublish", "GET", "/sheets/{sheetId}/publish")
    async def get_publish(self, sheet_id: int) -> SheetPublish:
        """The sheet's publish settings (``GET /sheets/{sheetId}/publish``)."""
        return await self._object(sheet_id, cast_to=SheetPublish)

    @operation("set-sheetPublish", "PUT", "/sheets/{sheetId}/publish")
    async def set_publish(self, sheet_id: int, publish: SheetPublish) -> SheetPublish:
        """Publish or unpublish a sheet (``PUT /sheets/{sheetId}/publish``).

        Args:
            publish: the settings to change, e.g. ``SheetPublish(read_only_lite_enabled=True)``.

        Returns:
            The settings with the published URLs.
        """
        body = self._encode(publish)
        for key in [k for k in body if k.endswith("Url")]:
            del body[key]  # read-only
        return (await self._result(sheet_id, cast_to=SheetPublish, json=body)).result

    def _create_body(
        self, name: str, columns: Iterable[ColumnInput] | None, from_id: int | None
    ) -> dict[str, Any]:
        if not name:
            raise ConfigurationError("a sheet needs a name")
        if (columns is None) == (from_id is None):
            raise ConfigurationError("give either columns or from_id (a template), not both")
        if from_id is not None:
            return {"name": name, "fromId": ident(from_id, "from_id")}
        cols = [c if isinstance(c, dict) else self._encode(c) for c in columns or ()]
        return {"name": name, "columns": cols}


def _ids(values: Iterable[int] | None, name: str) -> list[int] | None:
    return idents(values, name) if values is not None else None
