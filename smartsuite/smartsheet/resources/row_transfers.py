"""Row operations across sheets and whole-sheet row operations: copy and move rows to another
sheet, sort a sheet's rows, and email rows (mixed into ``ss.rows``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..._core.errors import ConfigurationError
from ..._core.ids import ident, idents
from .._resource import SmartsheetResource, operation
from ..models.common import Result
from ..models.sheet_extras import CopyOrMoveRowResult, SortCriterion, recipients
from ..models.sheets import Sheet


class RowTransfers(SmartsheetResource):
    @operation("copy-rows", "POST", "/sheets/{sheetId}/rows/copy")
    async def copy(
        self,
        sheet_id: int,
        row_ids: Iterable[int],
        to_sheet_id: int,
        *,
        include: Sequence[str] | None = None,
        ignore_rows_not_found: bool | None = None,
    ) -> CopyOrMoveRowResult:
        """Copy rows to the bottom of another sheet (``POST /sheets/{sheetId}/rows/copy``).

        Cells land in the destination columns with the same titles.

        Args:
            include: ``all``, ``attachments``, ``children``, ``discussions``.

        Returns:
            The destination sheet id and the row id mappings.
        """
        return await self._copy_or_move(
            "copy", sheet_id, row_ids, to_sheet_id, include, ignore_rows_not_found
        )

    @operation("move-rows", "POST", "/sheets/{sheetId}/rows/move")
    async def move(
        self,
        sheet_id: int,
        row_ids: Iterable[int],
        to_sheet_id: int,
        *,
        include: Sequence[str] | None = None,
        ignore_rows_not_found: bool | None = None,
    ) -> CopyOrMoveRowResult:
        """Move rows to the bottom of another sheet (``POST /sheets/{sheetId}/rows/move``).

        Args:
            include: ``attachments``, ``discussions``.

        Returns:
            The destination sheet id and the row id mappings.
        """
        return await self._copy_or_move(
            "move", sheet_id, row_ids, to_sheet_id, include, ignore_rows_not_found
        )

    @operation("rows-sort", "POST", "/sheets/{sheetId}/sort", idempotent=True)
    async def sort(
        self,
        sheet_id: int,
        criteria: Iterable[SortCriterion | tuple[int, str] | int],
        *,
        include: Sequence[str] | None = None,
        exclude: Sequence[str] | None = None,
    ) -> Sheet:
        """Sort the sheet's rows (``POST /sheets/{sheetId}/sort``, ``rows-sort``).

        Args:
            criteria: column ids (ascending), ``(column_id, "DESCENDING")`` pairs or
                :class:`SortCriterion` objects, most significant first.

        Returns:
            The sorted sheet.
        """
        wire: list[dict[str, Any]] = []
        for item in criteria:
            if isinstance(item, SortCriterion):
                wire.append(self._encode(item))
            elif isinstance(item, tuple):
                wire.append(
                    {"columnId": ident(item[0], "column id"), "direction": str(item[1]).upper()}
                )
            else:
                wire.append({"columnId": ident(item, "column id"), "direction": "ASCENDING"})
        if not wire:
            raise ConfigurationError("sort needs at least one criterion")
        params = {"include": include, "exclude": exclude}
        return await self._object(
            sheet_id, cast_to=Sheet, json={"sortCriteria": wire}, params=params
        )

    @operation("rows-send", "POST", "/sheets/{sheetId}/rows/emails")
    async def send(
        self,
        sheet_id: int,
        row_ids: Iterable[int],
        send_to: Any,
        *,
        subject: str | None = None,
        message: str | None = None,
        cc_me: bool | None = None,
        column_ids: Iterable[int] | None = None,
        include_attachments: bool | None = None,
        include_discussions: bool | None = None,
        layout: str | None = None,
    ) -> Result:
        """Email rows (``POST /sheets/{sheetId}/rows/emails``, ``rows-send``).

        Args:
            send_to: email addresses, group ids or :class:`Recipient` objects.
            layout: ``HORIZONTAL`` or ``VERTICAL``.
        """
        body = {
            "rowIds": idents(row_ids, "row_ids"),
            "sendTo": recipients(send_to),
            "subject": subject,
            "message": message,
            "ccMe": cc_me,
            "columnIds": idents(column_ids, "column_ids") if column_ids is not None else None,
            "includeAttachments": include_attachments,
            "includeDiscussions": include_discussions,
            "layout": layout,
        }
        if not body["rowIds"]:
            raise ConfigurationError("send needs at least one row id")
        payload = {k: v for k, v in body.items() if v is not None}
        return await self._result(sheet_id, json=payload)

    async def _copy_or_move(
        self,
        verb: str,
        sheet_id: int,
        row_ids: Iterable[int],
        to_sheet_id: int,
        include: Sequence[str] | None,
        ignore_rows_not_found: bool | None,
    ) -> CopyOrMoveRowResult:
        ids = idents(row_ids, "row_ids")
        if not ids:
            raise ConfigurationError(f"{verb} needs at least one row id")
        body = {"rowIds": ids, "to": {"sheetId": ident(to_sheet_id, "to_sheet_id")}}
        params = {"include": include, "ignoreRowsNotFound": ignore_rows_not_found}
        return await self._object(sheet_id, cast_to=CopyOrMoveRowResult, json=body, params=params)
