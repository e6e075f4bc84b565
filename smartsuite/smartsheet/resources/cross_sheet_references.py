"""``ss.cross_sheet_references``: named ranges of other sheets that formulas can use."""

from __future__ import annotations

from typing import Any

from ..._core.errors import ConfigurationError
from ..._core.ids import ident
from ..._core.paging import AsyncPaginator
from .._resource import SmartsheetResource, operation
from ..models.sheet_extras import CrossSheetReference


class CrossSheetReferences(SmartsheetResource):
    @operation("list-crosssheet-references", "GET", "/sheets/{sheetId}/crosssheetreferences")
    def list(
        self, sheet_id: int, *, page_size: int | None = None
    ) -> AsyncPaginator[CrossSheetReference]:
        """The sheet's cross-sheet references (``GET /sheets/{sheetId}/crosssheetreferences``)."""
        return self._index(sheet_id, cast_to=CrossSheetReference, page_size=page_size)

    @operation(
        "get-crosssheet-reference",
        "GET",
        "/sheets/{sheetId}/crosssheetreferences/{crossSheetReferenceId}",
    )
    async def get(self, sheet_id: int, reference_id: int) -> CrossSheetReference:
        """One cross-sheet reference
        (``GET /sheets/{sheetId}/crosssheetreferences/{crossSheetReferenceId}``)."""
        return await self._object(sheet_id, reference_id, cast_to=CrossSheetReference)

    @operation("add-crosssheet-reference", "POST", "/sheets/{sheetId}/crosssheetreferences")
    async def create(
        self,
        sheet_id: int,
        name: str,
        source_sheet_id: int,
        *,
        start_row_id: int | None = None,
        end_row_id: int | None = None,
        start_column_id: int | None = None,
        end_column_id: int | None = None,
    ) -> CrossSheetReference:
        """Create a cross-sheet reference (``POST /sheets/{sheetId}/crosssheetreferences``).

        Give a column range, a row range, or both; a missing range means "all".

        Raises:
            ConfigurationError: no range, or a range with only one end.
        """
        rows = (start_row_id, end_row_id)
        cols = (start_column_id, end_column_id)
        for label, pair in (("row", rows), ("column", cols)):
            if (pair[0] is None) != (pair[1] is None):
                raise ConfigurationError(f"give both start_{label}_id and end_{label}_id")
        if rows[0] is None and cols[0] is None:
            raise ConfigurationError("a cross-sheet reference needs a row or column range")
        ranges: dict[str, Any] = {
            "start_row_id": start_row_id,
            "end_row_id": end_row_id,
            "start_column_id": start_column_id,
            "end_column_id": end_column_id,
        }
        ref = CrossSheetReference(
            name=name,
            source_sheet_id=ident(source_sheet_id, "source_sheet_id"),
            **{k: v for k, v in ranges.items() if v is not None},  # None: not sent
        )
        result = await self._result(sheet_id, cast_to=CrossSheetReference, json=self._encode(ref))
        return result.result
